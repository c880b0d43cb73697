package com.webinar.billing.core;

/** What became of one attempt to charge a renewal, as R8 needs to know it. */
public enum ChargeAnswer {
    /** the provider collected it */
    PAID,
    /** the provider refused it (a request to authenticate an off-session charge is a refusal) */
    REFUSED,
    /** the provider is on it and will say later (its webhook) */
    PROCESSING,
    /** no answer at all (timeout, outage): nothing is known, ask again under the same payment key */
    NO_ANSWER
}
