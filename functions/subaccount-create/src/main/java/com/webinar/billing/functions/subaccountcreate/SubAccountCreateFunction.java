package com.webinar.billing.functions.subaccountcreate;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.subaccount.CreateSubAccount;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class SubAccountCreateFunction {
    @Inject
    Callers callers;

    @Inject
    CreateSubAccount subAccounts;

    @Funq("subaccount-create")
    public CreateSubAccount.Answer create(JsonNode body) {
        return subAccounts.create(callers.current(), JsonBodies.read(body, CreateSubAccount.Request.class));
    }
}
