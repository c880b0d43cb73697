package com.webinar.billing.local;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.webinar.billing.local.FaultInjectionTest.Kind;
import com.webinar.billing.local.FaultInjectionTest.Subject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The provider's webhooks in the fault run: only for a payment the provider did take (a 200 in WireMock's journal
 * for its idempotency key), sent while the purchase is still committing, late, twice, or followed by a stale
 * failure.
 */
final class FaultWebhooks {
    private FaultWebhooks() {}

    /** {@code payment_intent.succeeded} for the charge whose form is {@code body}. */
    static void succeeded(FaultInjectionTest run, String key, String body, Instant now) {
        deliver(run, "payment_intent.succeeded", key, field(body, "metadata[invoiceId]"), field(body, "amount"), now);
    }

    /** Stripe's webhook of every charge it took, late; some duplicated or followed by a stale failure. */
    static void settleLate(FaultInjectionTest run, Subject subject, long seed) {
        Random random = new Random(seed);
        for (Charged charge : charged(run, subject, false)) {
            run.injected(Kind.WEBHOOK_LATE);
            deliver(run, "payment_intent.succeeded", charge.key(), charge.invoiceId(), charge.amount(), run.api.now());
            switch (random.nextInt(3)) {
                case 0 -> {
                    run.injected(Kind.WEBHOOK_DUPLICATED);
                    String again =
                            payload("payment_intent.succeeded", charge.key(), charge.invoiceId(), charge.amount());
                    run.record("payment-webhook", StripeEvents.deliver(again, run.api.now()));
                    run.record("payment-webhook", StripeEvents.deliver(again, run.api.now())); // the same event twice
                }
                case 1 -> {
                    run.injected(Kind.WEBHOOK_OUT_OF_ORDER);
                    deliver(
                            run,
                            "payment_intent.payment_failed",
                            charge.key(),
                            charge.invoiceId(),
                            charge.amount(),
                            run.api.now());
                }
                default -> {}
            }
        }
    }

    /** Once the faults stop: what Stripe would still be retrying. */
    static void settleAll(FaultInjectionTest run, Subject subject) {
        for (Charged charge : charged(run, subject, true)) {
            deliver(run, "payment_intent.succeeded", charge.key(), charge.invoiceId(), charge.amount(), run.api.now());
        }
    }

    record Charged(String key, String invoiceId, String amount) {}

    /** The account's charges the provider answered 200 ({@code unsettled}: of invoices without a success). */
    private static List<Charged> charged(FaultInjectionTest run, Subject subject, boolean unsettled) {
        List<ServeEvent> charged = run.stripe.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/payment_intents"))
                .filter(e -> e.getRequest().getBodyAsString().contains("customer=" + subject.customer()))
                .filter(e ->
                        e.getResponse().getStatus() == 200 && e.getResponse().getFault() == null)
                .toList();
        try {
            return charged.stream()
                    .map(e -> new Charged(
                            e.getRequest().getHeader("Idempotency-Key"),
                            field(e.getRequest().getBodyAsString(), "metadata[invoiceId]"),
                            field(e.getRequest().getBodyAsString(), "amount")))
                    .distinct()
                    .filter(c -> !unsettled
                            || run.api.count(
                                            "select count(*) from payment_event where invoice_id = ?::uuid"
                                                    + " and outcome = 'SUCCEEDED'",
                                            c.invoiceId())
                                    == 0)
                    .toList();
        } catch (RuntimeException e) {
            run.record("webhook", 503); // the test's own read met a database fault: the next round sends it
            return List.of();
        }
    }

    private static void deliver(
            FaultInjectionTest run, String type, String key, String invoiceId, String amount, Instant now) {
        run.record("payment-webhook", StripeEvents.deliver(payload(type, key, invoiceId, amount), now));
    }

    private static String payload(String type, String key, String invoiceId, String amount) {
        return StripeEvents.paymentIntentEvent(
                StripeEvents.newEventId(),
                type,
                "pi_" + key,
                Long.parseLong(amount),
                "eur",
                Map.of("invoiceId", invoiceId, "paymentKey", key));
    }

    private static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException(name + " is not in " + form);
    }
}
