package com.webinar.billing.app.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.payment.ProviderPayments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads PaymentIntents back from Stripe for reconciliation: {@code GET /v1/payment_intents} with {@code
 * created[gte]}/{@code created[lt]} (Unix seconds), {@code limit=100} and {@code starting_after} (newest first,
 * {@code has_more} while there is more), and {@code GET /v1/payment_intents/{id}}. 429 and 5xx are retried as
 * charges are; after that, or on any other answer, it throws: a reconciliation that cannot read the provider must
 * fail, not report a clean day.
 */
@Typed(StripePaymentIntents.class)
@ApplicationScoped
public class StripePaymentIntents implements ProviderPayments {
    static final int PAGE_SIZE = 100;

    @Inject
    StripePaymentProvider stripe;

    @Override
    public Page page(Instant from, Instant to, String startingAfter) {
        String query = "created%5Bgte%5D=" + from.getEpochSecond() + "&created%5Blt%5D=" + to.getEpochSecond()
                + "&limit=" + PAGE_SIZE
                + (startingAfter == null ? "" : "&starting_after=" + StripePaymentProvider.encode(startingAfter));
        JsonNode list = get("/v1/payment_intents?" + query)
                .orElseThrow(() -> new Unreadable("Stripe has no PaymentIntent list"));
        List<ProviderPayment> payments = new ArrayList<>();
        list.path("data").forEach(intent -> payments.add(payment(intent)));
        return new Page(payments, list.path("has_more").asBoolean(false));
    }

    @Override
    public Optional<ProviderPayment> find(String reference) {
        return get("/v1/payment_intents/" + StripePaymentProvider.encode(reference))
                .map(StripePaymentIntents::payment);
    }

    static ProviderPayment payment(JsonNode intent) {
        boolean succeeded = "succeeded".equals(intent.path("status").asText());
        return new ProviderPayment(
                intent.path("id").asText(),
                StripePaymentProvider.text(intent.path("metadata").path("invoiceId")),
                succeeded,
                // what was taken, not what was asked: they differ only for a payment not (fully) taken
                succeeded
                        ? intent.path("amount_received").asLong()
                        : intent.path("amount").asLong(),
                intent.path("currency").asText().toUpperCase(Locale.ROOT),
                Instant.ofEpochSecond(intent.path("created").asLong()));
    }

    /** The body of a 2xx; empty for a 404 (Stripe does not know it); throws for anything else. */
    private Optional<JsonNode> get(String pathAndQuery) {
        String key = StripePaymentProvider.secretKey()
                .orElseThrow(() -> new Unreadable("billing.stripe.secret-key is not configured"));
        HttpRequest request = stripe.request(pathAndQuery, key).GET().build();
        String problem = "no answer";
        for (int attempt = 1; attempt <= stripe.maxAttempts(); attempt++) {
            try {
                if (attempt > 1) {
                    stripe.backOff(attempt);
                }
                HttpResponse<String> response = stripe.client().send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Optional.of(StripePaymentProvider.parse(response.body()));
                }
                if (status == 404) {
                    return Optional.empty();
                }
                problem = "HTTP " + status + " " + response.body();
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new Unreadable("Stripe did not answer GET " + pathAndQuery + ": " + problem);
    }
}
