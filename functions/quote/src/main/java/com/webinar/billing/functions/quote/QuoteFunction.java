package com.webinar.billing.functions.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.purchase.QuoteAddOn;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class QuoteFunction {
    @Inject
    Callers callers;

    @Inject
    QuoteAddOn quotes;

    @Funq("quote")
    public QuoteAddOn.Answer quote(JsonNode body) {
        return quotes.quote(callers.current(), JsonBodies.read(body, QuoteAddOn.Request.class));
    }
}
