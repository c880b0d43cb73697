package com.webinar.billing.functions.paypastdue;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.renewal.PayPastDue;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.http.NoFields;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class PayPastDueFunction {
    @Inject
    Callers callers;

    @Inject
    PayPastDue payPastDue;

    @Funq("pay-past-due")
    public PayPastDue.Answer payPastDue(JsonNode body) {
        Caller caller = callers.current();
        JsonBodies.read(body, NoFields.class);
        return payPastDue.pay(caller);
    }
}
