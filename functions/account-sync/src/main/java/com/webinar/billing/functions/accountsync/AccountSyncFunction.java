package com.webinar.billing.functions.accountsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.account.AccountSync;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class AccountSyncFunction {
    @Inject
    Callers callers;

    @Inject
    AccountSync accountSync;

    @Funq("account-sync")
    public AccountSync.Answer sync(JsonNode body) {
        callers.requireService();
        return accountSync.sync(JsonBodies.read(body, AccountSync.Request.class));
    }
}
