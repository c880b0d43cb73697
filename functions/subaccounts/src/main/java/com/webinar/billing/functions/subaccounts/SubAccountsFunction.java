package com.webinar.billing.functions.subaccounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.subaccount.OwnerSubAccounts;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.http.NoFields;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class SubAccountsFunction {
    @Inject
    Callers callers;

    @Inject
    OwnerSubAccounts subAccounts;

    @Funq("subaccounts")
    public OwnerSubAccounts.Answer list(JsonNode body) {
        Caller caller = callers.current();
        JsonBodies.read(body, NoFields.class);
        return subAccounts.of(caller);
    }
}
