package com.webinar.billing.architecture;

/** Where things live: the packages the rules name. */
final class Homes {
    static final String ROOT = "com.webinar.billing";
    static final String CORE = "com.webinar.billing.core..";
    static final String MODEL = "com.webinar.billing.model..";
    static final String APP = "com.webinar.billing.app..";
    static final String HTTP = "com.webinar.billing.http..";
    static final String FUNCTIONS = "com.webinar.billing.functions..";
    static final String LOCAL = "com.webinar.billing.local..";
    /** dev-support: embedded PostgreSQL, dev keys and the tests' plain JDBC; never in a zip. */
    static final String DEV = "com.webinar.billing.dev..";

    /** The integrations: each the only package that speaks its service's API. */
    static final String STRIPE = "com.webinar.billing.app.payment.stripe..";

    static final String EVENTBRIDGE = "com.webinar.billing.eventbridge..";
    static final String SECRETS_MANAGER = "com.webinar.billing.app.secrets..";

    private Homes() {}
}
