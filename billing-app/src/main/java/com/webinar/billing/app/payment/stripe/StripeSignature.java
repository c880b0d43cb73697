package com.webinar.billing.app.payment.stripe;

import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * R12: Stripe's webhook signature scheme. The header is {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=...]};
 * each {@code v1} is the hex HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with a signing secret (the whole
 * {@code whsec_...} string, as UTF-8). An event is genuine when one {@code v1} matches one of our secrets (several of
 * each exist during a secret rotation) and {@code t} is within {@link #TOLERANCE} of now, in either direction.
 * Comparisons are constant-time. Anything else is {@code 400 invalid_signature}.
 */
public final class StripeSignature {
    /** The header Stripe signs its events in. */
    public static final String HEADER = "Stripe-Signature";

    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static final String SCHEME = "v1";
    private static final int HMAC_SHA256_BYTES = 32;

    private StripeSignature() {}

    /**
     * Checks the header against the raw body; returns the signed timestamp or throws {@code invalid_signature}.
     *
     * @param secrets the signing secrets currently accepted (at least one)
     * @param header the {@code Stripe-Signature} header as received, or null when it is missing
     * @param payload the request body exactly as received, byte for byte
     */
    public static Instant verify(List<String> secrets, String header, byte[] payload, Instant now) {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(now, "now");
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("at least one non-blank webhook secret is required");
        }
        if (header == null || header.isBlank()) {
            throw invalid("the Stripe-Signature header is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : header.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw invalid("the Stripe-Signature header is malformed");
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,12}")) {
                    throw invalid("the Stripe-Signature header is malformed");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals(SCHEME)) {
                byte[] signature = hex(value);
                if (signature != null) {
                    signatures.add(signature);
                }
            }
            // other schemes (v0, ...) are ignored, as Stripe's own libraries do
        }
        if (timestamp == null) {
            throw invalid("the Stripe-Signature header has no timestamp");
        }
        if (signatures.isEmpty()) {
            throw invalid("the Stripe-Signature header has no v1 signature");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        boolean matches = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret.trim(), timestamp, payload);
            for (byte[] signature : signatures) {
                // no early exit: the time taken does not tell which secret or which signature matched
                matches |= MessageDigest.isEqual(expected, signature);
            }
        }
        if (!matches) {
            throw invalid("no signature matches the payload");
        }
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw invalid("the signature's timestamp is outside the tolerance of " + TOLERANCE.toSeconds() + " s");
        }
        return signedAt;
    }

    /** The {@code v1} value Stripe sends for this payload at this timestamp (used by tests and tools). */
    public static String sign(String secret, long timestamp, byte[] payload) {
        return HexFormat.of().formatHex(hmac(secret, timestamp, payload));
    }

    private static byte[] hmac(String secret, long timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] hex(String value) {
        if (value.length() != 2 * HMAC_SHA256_BYTES) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BillingException invalid(String detail) {
        return new BillingException(BillingError.INVALID_SIGNATURE, detail);
    }
}
