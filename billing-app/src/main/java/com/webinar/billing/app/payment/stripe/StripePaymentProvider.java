package com.webinar.billing.app.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.model.StripePayerRepository;
import com.webinar.billing.model.StripePayerRepository.StripePayer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Charges through Stripe: creates and confirms a PaymentIntent on the account's saved payment method ({@code POST
 * /v1/payment_intents}), on-session when the owner is present (a purchase: the bank may ask for 3-D Secure), else
 * off-session (a renewal), with {@code Idempotency-Key} = the invoice's payment key, so no retry, ours or the
 * caller's, ever charges twice. Only the JDK's HTTP client; no Stripe SDK.
 *
 * <p>Answers: {@code succeeded} is paid; {@code requires_action} needs the owner's authentication (its {@code
 * client_secret} goes to Stripe.js) when the owner is present, and is refused as {@code authentication_required}
 * off-session; {@code processing}, {@code requires_confirmation} and {@code requires_capture} are pending (the
 * webhook settles them); a 402 (card error) is refused, and so is an
 * invalid request (400/404: nothing was charged). 409 (idempotent request in progress), 429, 5xx, timeouts and I/O
 * failures are retried with exponential backoff up to {@code billing.stripe.max-attempts} tries, then left pending
 * without a reference: the purchase stays {@code PENDING_PAYMENT} and the webhook, or the caller's retry with the
 * same idempotency key, settles it.
 */
@Typed(StripePaymentProvider.class)
@ApplicationScoped
public class StripePaymentProvider implements PaymentProvider {
    private static final Logger LOG = Logger.getLogger(StripePaymentProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "billing.stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    @ConfigProperty(name = "billing.stripe.api-version")
    Optional<String> apiVersion;

    @ConfigProperty(name = "billing.stripe.max-attempts", defaultValue = "3")
    int maxAttempts;

    @ConfigProperty(name = "billing.stripe.retry-backoff", defaultValue = "PT0.25S")
    Duration retryBackoff;

    @ConfigProperty(name = "billing.stripe.connect-timeout", defaultValue = "PT3S")
    Duration connectTimeout;

    @ConfigProperty(name = "billing.stripe.request-timeout", defaultValue = "PT5S")
    Duration requestTimeout;

    @Inject
    StripePayerRepository payers;

    private volatile HttpClient client;

    @Override
    public ChargeResult charge(Charge charge) {
        Optional<StripePayer> payer = QuarkusTransaction.joiningExisting().call(() -> payers.of(charge.accountId()));
        if (payer.isEmpty()) {
            LOG.warnf(
                    "account %s has no Stripe customer or payment method; %s not charged",
                    charge.accountId(), charge.paymentKey());
            return new ChargeResult.Refused(null, "no_payment_method");
        }
        Optional<String> secretKey = secretKey();
        if (secretKey.isEmpty()) {
            LOG.errorf("billing.stripe.secret-key is not configured; %s left pending", charge.paymentKey());
            return new ChargeResult.Pending(null, "the payment provider is not configured");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(trimmed(apiBase) + "/v1/payment_intents"))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + secretKey.get())
                .header("Idempotency-Key", charge.paymentKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(charge, payer.get())));
        apiVersion.ifPresent(version -> builder.header("Stripe-Version", version));
        HttpRequest request = builder.build();

        String lastProblem = "no answer";
        for (int attempt = 1; attempt <= Math.max(1, maxAttempts); attempt++) {
            if (attempt > 1) {
                try {
                    backOff(attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            HttpResponse<String> response;
            try {
                response = client().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastProblem = e.toString();
                LOG.warnf("Stripe try %d for %s failed: %s", attempt, charge.paymentKey(), lastProblem);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            int status = response.statusCode();
            JsonNode body = parse(response.body());
            if (status >= 200 && status < 300) {
                return fromIntent(body, charge.ownerPresent());
            }
            JsonNode error = body.path("error");
            if (status == 402) {
                return new ChargeResult.Refused(
                        text(error.path("payment_intent").path("id")), declineReason(error));
            }
            boolean retryable = status == 409 || status == 429 || status >= 500;
            String shouldRetry =
                    response.headers().firstValue("Stripe-Should-Retry").orElse(null);
            if (retryable && !"false".equalsIgnoreCase(shouldRetry)) {
                lastProblem = "HTTP " + status + " " + text(error.path("code"));
                LOG.warnf("Stripe try %d for %s answered %s", attempt, charge.paymentKey(), lastProblem);
                continue;
            }
            if ((status == 400 || status == 404)
                    && "invalid_request_error".equals(error.path("type").asText())) {
                // Stripe validated the request and refused it: nothing was charged
                LOG.warnf(
                        "Stripe refused %s: %s %s",
                        charge.paymentKey(),
                        error.path("code").asText(),
                        error.path("message").asText());
                return new ChargeResult.Refused(null, error.path("code").asText("invalid_request"));
            }
            // 401/403 (our key), idempotency errors, anything unforeseen: we cannot know, the webhook will tell
            LOG.errorf("Stripe answered %d for %s (%s); left pending", status, charge.paymentKey(), error.toString());
            return new ChargeResult.Pending(null, "HTTP " + status);
        }
        LOG.warnf(
                "no answer from Stripe for %s after %d tries (%s); left pending",
                charge.paymentKey(), maxAttempts, lastProblem);
        return new ChargeResult.Pending(null, "no answer from the payment provider: " + lastProblem);
    }

    /** {@code POST /v1/payment_intents/{id}/cancel}, once: an intent Stripe already cancelled counts as done. */
    @Override
    public boolean cancel(String reference) {
        Optional<String> secretKey = secretKey();
        if (secretKey.isEmpty() || reference == null) {
            return reference == null;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(trimmed(apiBase) + "/v1/payment_intents/" + encode(reference) + "/cancel"))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + secretKey.get())
                .header("Idempotency-Key", "cancel-" + reference)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cancellation_reason=abandoned"));
        apiVersion.ifPresent(version -> builder.header("Stripe-Version", version));
        try {
            HttpResponse<String> response = client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(response.body());
            boolean done = response.statusCode() / 100 == 2
                    || "canceled"
                            .equals(body.path("error")
                                    .path("payment_intent")
                                    .path("status")
                                    .asText());
            if (!done) {
                LOG.warnf("Stripe did not cancel %s: HTTP %d %s", reference, response.statusCode(), body);
            }
            return done;
        } catch (IOException e) {
            LOG.warnf("no answer from Stripe cancelling %s: %s", reference, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Before try n (n >= 2): backoff, 2 x backoff, 4 x backoff, ... */
    void backOff(int attempt) throws InterruptedException {
        Duration delay = retryBackoff.multipliedBy(1L << Math.min(attempt - 2, 10));
        if (delay.isPositive()) {
            Thread.sleep(delay);
        }
    }

    static ChargeResult fromIntent(JsonNode intent, boolean ownerPresent) {
        String id = text(intent.path("id"));
        String status = intent.path("status").asText("");
        return switch (status) {
            case "succeeded" -> new ChargeResult.Paid(id);
            case "requires_action" -> {
                String clientSecret = text(intent.path("client_secret"));
                if (!ownerPresent) {
                    yield new ChargeResult.Refused(id, ChargeResult.AUTHENTICATION_REQUIRED);
                }
                yield clientSecret == null
                        ? new ChargeResult.Pending(id, status)
                        : new ChargeResult.NeedsAuthentication(id, clientSecret);
            }
            case "requires_payment_method", "canceled" ->
                new ChargeResult.Refused(id, declineReason(intent.path("last_payment_error"), status));
            default -> new ChargeResult.Pending(id, status); // processing, requires_confirmation, ...
        };
    }

    private static String declineReason(JsonNode error) {
        return declineReason(error, "card_declined");
    }

    private static String declineReason(JsonNode error, String fallback) {
        String decline = text(error.path("decline_code"));
        String code = text(error.path("code"));
        return decline != null ? decline : code != null ? code : fallback;
    }

    /** The form Stripe reads; fields in a fixed order so every retry sends the very same request. */
    static String form(Charge charge, StripePayer payer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", Long.toString(charge.amount().minor()));
        fields.put("currency", charge.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        fields.put("customer", payer.customerId());
        fields.put("payment_method", payer.paymentMethodId());
        if (!charge.ownerPresent()) {
            fields.put("off_session", "true");
        }
        fields.put("confirm", "true");
        // a saved payment method: never a redirect (else Stripe wants a return_url); 3-D Secure runs in Stripe.js
        fields.put("automatic_payment_methods[enabled]", "true");
        fields.put("automatic_payment_methods[allow_redirects]", "never");
        Map<String, String> metadata = new TreeMap<>(charge.metadata());
        metadata.putIfAbsent("paymentKey", charge.paymentKey());
        metadata.putIfAbsent("accountId", charge.accountId());
        metadata.forEach((key, value) -> fields.put("metadata[" + key + "]", value));
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A request to Stripe's API at {@code pathAndQuery}, with the key and the API version (for the other adapter). */
    HttpRequest.Builder request(String pathAndQuery, String secretKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(trimmed(apiBase) + pathAndQuery))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + secretKey);
        apiVersion.ifPresent(version -> builder.header("Stripe-Version", version));
        return builder;
    }

    int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    // built on first charge, not at start-up: a SnapStart snapshot holds no client threads
                    client = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    /** Read at each charge, never at start-up, so a rotated key is picked up (and no key sits in a snapshot). */
    static Optional<String> secretKey() {
        return ConfigProvider.getConfig()
                .getOptionalValue("billing.stripe.secret-key", String.class)
                .map(String::trim)
                .filter(key -> !key.isEmpty());
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
