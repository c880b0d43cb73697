package com.webinar.billing.functions.billingdetails;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.account.BillingDetails;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.http.NoFields;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class BillingDetailsFunction {
    @Inject
    Callers callers;

    @Inject
    BillingDetails billingDetails;

    @Funq("billing-details")
    public BillingDetails.Answer details(JsonNode body) {
        Caller caller = callers.current();
        JsonBodies.read(body, NoFields.class);
        return billingDetails.of(caller);
    }
}
