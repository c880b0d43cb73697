package com.webinar.billing.functions.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.account.OwnerInvoices;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class InvoicesFunction {
    @Inject
    Callers callers;

    @Inject
    OwnerInvoices invoices;

    @Funq("invoices")
    public OwnerInvoices.Page invoices(JsonNode body) {
        return invoices.of(callers.current(), JsonBodies.read(body, OwnerInvoices.Request.class));
    }
}
