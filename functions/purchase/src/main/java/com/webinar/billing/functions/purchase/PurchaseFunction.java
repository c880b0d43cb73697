package com.webinar.billing.functions.purchase;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.purchase.BuyAddOn;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class PurchaseFunction {
    @Inject
    Callers callers;

    @Inject
    BuyAddOn buyAddOn;

    @Funq("purchase")
    public BuyAddOn.Answer purchase(JsonNode body) {
        return buyAddOn.buy(callers.current(), JsonBodies.read(body, BuyAddOn.Request.class));
    }
}
