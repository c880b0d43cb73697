package com.webinar.billing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.http.NoFields;
import io.quarkus.funqy.Funq;
import org.eclipse.microprofile.config.ConfigProvider;

/** SPEC §6: the secret the local {@code payment-webhook} checks signatures with, to sign test events. */
public class DevWebhookSecret {

    public record Secret(String secret) {}

    @Funq("dev-webhook-secret")
    public Secret secret(JsonNode body) {
        JsonBodies.read(body, NoFields.class);
        return new Secret(first());
    }

    /** The secret events are signed with (the first of {@code billing.webhook.secrets}). */
    static String first() {
        String secrets = ConfigProvider.getConfig().getValue("billing.webhook.secrets", String.class);
        return secrets.split(",")[0].trim();
    }
}
