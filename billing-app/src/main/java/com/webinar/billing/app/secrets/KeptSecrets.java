package com.webinar.billing.app.secrets;

/** The secrets this process has read and keeps a while ({@link AwsSecrets}), seen from outside this package. */
public final class KeptSecrets {
    private KeptSecrets() {}

    /** Drops every kept secret and the client with its credentials: before a SnapStart snapshot, say. */
    public static void forget() {
        AwsSecrets.inThisProcess().forget();
    }

    /** How many secrets are kept now. */
    public static int count() {
        return AwsSecrets.inThisProcess().kept();
    }
}
