package com.webinar.billing.core;

/** Why a recurring purchase is scheduled to end, or ended: its owner cancelled it, or the account left a paid plan. */
public enum EndReason {
    OWNER,
    PLAN
}
