package com.webinar.billing.app.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our own verifier (JDK only, no Stripe library in a zip) and Stripe's library agree, both ways, on many payloads. */
class StripeSignatureAgreesWithStripeTest {
    private static final String OLD = "whsec_old_4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c";
    private static final String NEW = "whsec_new_a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final Instant NOW = Instant.parse("2026-01-22T10:15:00Z");

    static Stream<String> payloads() {
        Random random = new Random(5);
        return IntStream.range(0, 40).mapToObj(i -> {
            StringBuilder s = new StringBuilder("{\n  \"id\": \"evt_" + i + "\",\n  \"text\": \"");
            for (int c = 0; c < random.nextInt(200); c++) {
                s.appendCodePoint(random.nextInt(4) == 0 ? 0x00e0 + random.nextInt(300) : 0x20 + random.nextInt(90));
            }
            return s.append("\"\n}\n").toString().replace("\\", "/").replace("\"\"", "\" \"");
        });
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void what_stripe_signs_we_accept_and_what_we_sign_stripe_accepts(String payload) throws Exception {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        String stripeHeader = Webhook.Signature.generateSignatureHeader(payload, NEW, NOW.getEpochSecond());
        assertThat(StripeSignature.verify(List.of(OLD, NEW), stripeHeader, bytes, NOW))
                .isEqualTo(NOW);

        String ourHeader =
                "t=" + NOW.getEpochSecond() + ",v1=" + StripeSignature.sign(OLD, NOW.getEpochSecond(), bytes);
        assertThat(Webhook.Signature.verifyHeader(payload, ourHeader, OLD, 300, Clock.fixed(NOW, ZoneOffset.UTC)))
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void a_changed_payload_is_refused_by_both(String payload) throws Exception {
        String header = Webhook.Signature.generateSignatureHeader(payload, NEW, NOW.getEpochSecond());
        String changed = payload.replaceFirst("evt_", "evt-");

        assertThatThrownBy(() ->
                        Webhook.Signature.verifyHeader(changed, header, NEW, 300, Clock.fixed(NOW, ZoneOffset.UTC)))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() ->
                        StripeSignature.verify(List.of(NEW), header, changed.getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOfSatisfying(
                        BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_SIGNATURE));
    }

    @Test
    void during_a_rotation_an_event_signed_with_the_old_or_the_new_secret_is_accepted() throws Exception {
        String payload = "{\"id\":\"evt_rotation\"}";
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        for (String secret : List.of(OLD, NEW)) {
            String header = Webhook.Signature.generateSignatureHeader(payload, secret, NOW.getEpochSecond());
            assertThat(StripeSignature.verify(List.of(OLD, NEW), header, bytes, NOW))
                    .isEqualTo(NOW);
        }
        String onlyOld = Webhook.Signature.generateSignatureHeader(payload, OLD, NOW.getEpochSecond());
        assertThatThrownBy(() -> StripeSignature.verify(List.of(NEW), onlyOld, bytes, NOW))
                .isInstanceOf(BillingException.class);
    }
}
