package com.webinar.billing.app.events;

/** What the bus answered for one entry. */
public enum Delivery {
    ACCEPTED,
    /** Not taken this time: published again on a later pass, under the same id. */
    FAILED,
    /** Not taken because the bus is throttling us: as {@link #FAILED}, and the relay slows down. */
    THROTTLED
}
