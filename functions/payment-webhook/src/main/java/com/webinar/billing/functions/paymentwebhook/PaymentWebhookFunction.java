package com.webinar.billing.functions.paymentwebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.payment.stripe.StripeSignature;
import com.webinar.billing.app.payment.webhook.PaymentWebhook;
import com.webinar.billing.http.HttpRequests;
import io.quarkus.funqy.Funq;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Stripe's webhook endpoint. No bearer token: the {@code Stripe-Signature} header, checked over the raw body, is
 * the authentication. The parsed body is not used: a re-serialised JSON would not be the bytes Stripe signed.
 */
public class PaymentWebhookFunction {
    @Inject
    HttpRequests requests;

    @Inject
    CurrentVertxRequest current;

    @Inject
    PaymentWebhook webhook;

    @Funq("payment-webhook")
    public PaymentWebhook.Answer receive(JsonNode body) {
        return webhook.receive(signatureHeader(), requests.rawBody());
    }

    /**
     * The whole header. API Gateway's event carries one comma-joined value per header, and amazon-lambda-http
     * replays a value with commas as several values of the header: {@code t=...} and each {@code v1=...} arrive
     * apart, so they are joined back here.
     */
    private String signatureHeader() {
        RoutingContext context = current.getCurrent();
        List<String> values =
                context == null ? List.of() : context.request().headers().getAll(StripeSignature.HEADER);
        return values.isEmpty() ? null : String.join(",", values);
    }
}
