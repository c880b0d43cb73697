package com.webinar.billing.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 tokens with the dev key pair under {@code dev-jwt/}: for local mode and tests only. The key is
 * public on purpose; the deployed functions verify tokens against the identity provider's keys instead.
 */
public final class DevTokens {
    public static final String ISSUER = "https://dev.local/addon-billing";
    private static final Clock WALL_CLOCK = Clock.systemUTC();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {}

    public static String forUser(String userId) {
        return sign("{\"sub\":" + json(userId) + claims() + "}");
    }

    /** A token for {@code userId} whose lifetime ended an hour ago (by the wall clock, as the verifier reads it). */
    public static String expiredForUser(String userId) {
        return sign("{\"sub\":" + json(userId) + claims(expiredIat()) + "}");
    }

    public static String forService() {
        return sign("{\"sub\":\"platform\",\"groups\":[\"service\"]" + claims() + "}");
    }

    public static String expiredForService() {
        return sign("{\"sub\":\"platform\",\"groups\":[\"service\"]" + claims(expiredIat()) + "}");
    }

    /**
     * Token lifetimes follow the wall clock, not the billing clock that dev-clock moves: the JWT verifier checks
     * {@code exp} against the wall clock.
     */
    private static String claims() {
        return claims(WALL_CLOCK.instant().getEpochSecond());
    }

    private static long expiredIat() {
        return WALL_CLOCK.instant().minus(Duration.ofHours(13)).getEpochSecond();
    }

    private static String claims(long iat) {
        return ",\"iss\":" + json(ISSUER) + ",\"iat\":" + iat + ",\"exp\":"
                + (iat + Duration.ofHours(12).toSeconds()) + ",\"jti\":"
                + json(UUID.randomUUID().toString());
    }

    private static String sign(String payload) {
        String signingInput = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("dev key unusable", e);
        }
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-jwt/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
