package com.webinar.billing.functions.subaccountdelete;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.subaccount.DeleteSubAccount;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class SubAccountDeleteFunction {
    @Inject
    Callers callers;

    @Inject
    DeleteSubAccount subAccounts;

    @Funq("subaccount-delete")
    public DeleteSubAccount.Answer delete(JsonNode body) {
        return subAccounts.delete(callers.current(), JsonBodies.read(body, DeleteSubAccount.Request.class));
    }
}
