package com.webinar.billing.architecture;

/** Where things live: the packages the rules name, and the temporary exceptions the lead removes. */
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

    /**
     * TEMPORARY: the renewal engine still writes its SQL itself; the renewal helper is moving it into billing-model
     * repositories. Remove this exception (and its uses) when that lands.
     */
    static final String RENEWAL_BATCHES_UNTIL_ITS_SQL_MOVES = "com.webinar.billing.app.renewal.RenewalBatches";

    static final String RENEWAL_BATCHES_SOURCE_UNTIL_ITS_SQL_MOVES =
            "billing-app/src/main/java/com/webinar/billing/app/renewal/RenewalBatches.java";

    private Homes() {}
}
