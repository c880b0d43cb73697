package com.webinar.billing.core;

/** A user's place in their account: R11 lets only the owner pay, cancel and manage sub-accounts. */
public enum Role {
    OWNER,
    MEMBER,
    SUB_ACCOUNT_USER
}
