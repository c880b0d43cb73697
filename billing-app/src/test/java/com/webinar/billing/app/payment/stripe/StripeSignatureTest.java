package com.webinar.billing.app.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R12: an event is genuine when one v1 signature of the raw body matches one of our secrets, within 300 s. */
class StripeSignatureTest {

    private static final String SECRET = "whsec_test_secret";
    private static final String OLD_SECRET = "whsec_old_secret";
    private static final byte[] BODY =
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_769_076_900L;
    private static final Instant NOW = Instant.ofEpochSecond(T);

    private static String v1(String secret) {
        return StripeSignature.sign(secret, T, BODY);
    }

    private static String header(String... v1s) {
        StringBuilder header = new StringBuilder("t=" + T);
        for (String v1 : v1s) {
            header.append(",v1=").append(v1);
        }
        return header.toString();
    }

    private static void assertRefused(List<String> secrets, String header, byte[] body, Instant now) {
        assertThatThrownBy(() -> StripeSignature.verify(secrets, header, body, now))
                .isInstanceOfSatisfying(
                        BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_SIGNATURE));
    }

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_timestamp_a_dot_and_the_raw_body() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal(
                        (T + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(v1(SECRET)).isEqualTo(expected).hasSize(64);
    }

    @Test
    void a_genuine_event_answers_the_time_it_was_signed() {
        assertThat(StripeSignature.verify(List.of(SECRET), header(v1(SECRET)), BODY, NOW))
                .isEqualTo(NOW);
    }

    @Test
    void during_a_rotation_either_secret_and_any_of_several_signatures_will_do() {
        String header = header("00".repeat(32), v1(OLD_SECRET));

        assertThat(StripeSignature.verify(List.of(SECRET, OLD_SECRET), header, BODY, NOW))
                .isEqualTo(NOW);
        assertThat(StripeSignature.verify(List.of(OLD_SECRET, SECRET), header(v1(SECRET), "zz"), BODY, NOW))
                .isEqualTo(NOW);
    }

    @ParameterizedTest(name = "signed {0} s from now")
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void a_signature_within_300_seconds_either_way_is_accepted(long offset) {
        assertThat(StripeSignature.verify(List.of(SECRET), header(v1(SECRET)), BODY, NOW.plusSeconds(offset)))
                .isEqualTo(NOW);
    }

    @ParameterizedTest(name = "signed {0} s from now")
    @ValueSource(longs = {-301, 301, 86_400})
    void a_signature_older_or_newer_than_300_seconds_is_refused(long offset) {
        assertRefused(List.of(SECRET), header(v1(SECRET)), BODY, NOW.plusSeconds(offset));
    }

    @Test
    void a_body_changed_by_one_byte_or_another_secret_is_refused() {
        byte[] changed = BODY.clone();
        changed[changed.length - 2]++;

        assertRefused(List.of(SECRET), header(v1(SECRET)), changed, NOW);
        assertRefused(List.of(OLD_SECRET), header(v1(SECRET)), BODY, NOW);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "''",
                "'   '",
                "v1=SIG",
                "t=1769076900",
                "t=1769076900,v0=SIG",
                "t=1769076900,v1=abc",
                "t=1769076900,v1=" + "zz" + "SIG",
                "t=abc,v1=SIG",
                "t=1769076900,t=1769076900,v1=SIG",
                "=1769076900,v1=SIG",
                "t1769076900,v1=SIG",
                "t=-1769076900,v1=SIG"
            })
    void a_missing_or_malformed_header_is_refused(String header) {
        assertRefused(List.of(SECRET), header.replace("SIG", v1(SECRET)), BODY, NOW);
    }

    @Test
    void no_header_at_all_is_refused() {
        assertRefused(List.of(SECRET), null, BODY, NOW);
    }

    @Test
    void other_schemes_next_to_a_valid_v1_are_ignored() {
        String header = "t=" + T + ",v0=whatever,v1=" + v1(SECRET);

        assertThat(StripeSignature.verify(List.of(SECRET), header, BODY, NOW)).isEqualTo(NOW);
    }

    @Test
    void without_a_secret_nothing_can_be_verified() {
        assertThatThrownBy(() -> StripeSignature.verify(List.of(), header(v1(SECRET)), BODY, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StripeSignature.verify(List.of(" "), header(v1(SECRET)), BODY, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
