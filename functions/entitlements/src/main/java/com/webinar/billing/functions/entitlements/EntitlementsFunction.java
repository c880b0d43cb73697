package com.webinar.billing.functions.entitlements;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.account.EntitlementsQuery;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.Entitlements;
import com.webinar.billing.http.Callers;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.http.NoFields;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

public class EntitlementsFunction {
    @Inject
    Callers callers;

    @Inject
    EntitlementsQuery entitlements;

    @Funq("entitlements")
    public Entitlements entitlements(JsonNode body) {
        Caller caller = callers.current();
        JsonBodies.read(body, NoFields.class);
        return entitlements.of(caller);
    }
}
