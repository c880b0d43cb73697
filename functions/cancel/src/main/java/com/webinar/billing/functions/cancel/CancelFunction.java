package com.webinar.billing.functions.cancel;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.cancel.CancelPurchase;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class CancelFunction {
    @Inject
    Callers callers;

    @Inject
    CancelPurchase cancels;

    @Funq("cancel")
    public CancelPurchase.Answer cancel(JsonNode body) {
        return cancels.cancel(callers.current(), read(body));
    }

    /** Strict like every body, telling a caller who names a quantity why it has no place here (R6). */
    static CancelPurchase.Request read(JsonNode body) {
        if (body != null && body.isObject() && body.has("quantity")) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST,
                    "'quantity' is not accepted: a purchase is cancelled whole, with all its units");
        }
        return JsonBodies.read(body, CancelPurchase.Request.class);
    }
}
