package com.webinar.billing.core;

public enum AddOnKind {
    RECURRING,
    ONE_TIME
}
