package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.webinar.billing.app.payment.stripe.StripeSignature;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R12: an event takes effect only with a valid Stripe signature over its raw body; otherwise 400 and no effect. */
@QuarkusTest
class WebhookSignatureTest {
    private static final String OTHER_SECRET = "whsec_someone_else_0000000000000000000000";

    @Inject
    Api api;

    record Posted(byte[] body, String header) {}

    @FunctionalInterface
    interface Delivery {
        Posted of(String payload, Instant now);
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                arguments("signed by Stripe's own library", 200, (Delivery) (p, now) -> stripe(p, now)),
                arguments("signed 300 s ago", 200, (Delivery) (p, now) -> stripe(p, now.minusSeconds(300))),
                arguments(
                        "signed 300 s ahead of our clock", 200, (Delivery) (p, now) -> stripe(p, now.plusSeconds(300))),
                arguments("with several v1 of which one is valid", 200, (Delivery) (p, now) -> new Posted(
                        bytes(p),
                        "t=" + now.getEpochSecond() + ",v1=" + v1(OTHER_SECRET, now, p) + ",v1=" + v1(now, p))),
                arguments("with a v0 beside a valid v1", 200, (Delivery) (p, now) ->
                        new Posted(bytes(p), "t=" + now.getEpochSecond() + ",v0=" + v1(now, p) + ",v1=" + v1(now, p))),
                arguments("signed with another secret", 400, (Delivery)
                        (p, now) -> new Posted(bytes(p), StripeEvents.signature(p, OTHER_SECRET, now))),
                arguments("with one byte of the body changed", 400, (Delivery) (p, now) -> {
                    Posted signed = stripe(p, now);
                    byte[] body = signed.body().clone();
                    int at = p.indexOf("customer.created") + 1;
                    body[at] = (byte) (body[at] ^ 0x01);
                    return new Posted(body, signed.header());
                }),
                arguments("with its timestamp changed after signing", 400, (Delivery)
                        (p, now) -> new Posted(bytes(p), "t=" + (now.getEpochSecond() + 1) + ",v1=" + v1(now, p))),
                arguments("signed 301 s ago", 400, (Delivery) (p, now) -> stripe(p, now.minusSeconds(301))),
                arguments(
                        "signed 301 s ahead of our clock", 400, (Delivery) (p, now) -> stripe(p, now.plusSeconds(301))),
                arguments("with several v1 none of which is valid", 400, (Delivery) (p, now) -> new Posted(
                        bytes(p),
                        "t=" + now.getEpochSecond() + ",v1=" + v1(OTHER_SECRET, now, p) + ",v1=" + "0".repeat(64))),
                arguments("without a Stripe-Signature header", 400, (Delivery) (p, now) -> new Posted(bytes(p), null)),
                arguments("with a malformed header", 400, (Delivery) (p, now) -> new Posted(bytes(p), "garbage")),
                arguments("with a header without timestamp", 400, (Delivery)
                        (p, now) -> new Posted(bytes(p), "v1=" + v1(now, p))),
                arguments("with a header without v1", 400, (Delivery)
                        (p, now) -> new Posted(bytes(p), "t=" + now.getEpochSecond() + ",v0=" + v1(now, p))),
                arguments("with a non-numeric timestamp", 400, (Delivery)
                        (p, now) -> new Posted(bytes(p), "t=yesterday,v1=" + v1(now, p))),
                arguments("with a v1 that is not hex", 400, (Delivery)
                        (p, now) -> new Posted(bytes(p), "t=" + now.getEpochSecond() + ",v1=" + "zz".repeat(32))));
    }

    @ParameterizedTest(name = "an event {0} is answered {1}")
    @MethodSource("deliveries")
    void an_event_takes_effect_only_with_a_valid_signature(String description, int status, Delivery delivery) {
        api.now("2026-01-22T10:15:00Z");
        String eventId = StripeEvents.newEventId();
        String payload = StripeEvents.otherEvent(eventId, "customer.created");
        Posted posted = delivery.of(payload, api.now());

        var response = StripeEvents.post(posted.body(), posted.header()).then().statusCode(status);

        if (status == 200) {
            response.body("received", equalTo(true)).body("duplicate", equalTo(false));
        } else {
            response.contentType("application/problem+json").body("code", equalTo("invalid_signature"));
        }
        assertThat(api.count("select count(*) from webhook_event where id = ?", eventId))
                .isEqualTo(status == 200 ? 1 : 0);
    }

    private static Posted stripe(String payload, Instant at) {
        return new Posted(bytes(payload), StripeEvents.signature(payload, StripeEvents.SECRET, at));
    }

    private static String v1(Instant at, String payload) {
        return v1(StripeEvents.SECRET, at, payload);
    }

    private static String v1(String secret, Instant at, String payload) {
        return StripeSignature.sign(secret, at.getEpochSecond(), bytes(payload));
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
