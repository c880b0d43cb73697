package com.webinar.billing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.Require;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.dev.DevTokens;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Instant;

/** SPEC §6: functions that exist only in local mode, never in a Lambda. */
public class DevFunctions {

    public record TokenRequest(String sub, String role) {}

    public record Token(String token) {}

    public record ClockRequest(Instant now) {}

    public record Now(Instant now) {}

    @Inject
    DevClock clock;

    @Funq("dev-token")
    public Token token(JsonNode body) {
        TokenRequest request = JsonBodies.read(body, TokenRequest.class);
        if (request.role() != null) {
            if (!"service".equals(request.role()) || request.sub() != null) {
                throw new BillingException(BillingError.INVALID_REQUEST, "give either 'sub' or 'role': \"service\"");
            }
            return new Token(DevTokens.forService());
        }
        return new Token(DevTokens.forUser(Require.text(request.sub(), "sub", 100)));
    }

    @Funq("dev-clock")
    public Now clock(JsonNode body) {
        ClockRequest request = JsonBodies.read(body, ClockRequest.class);
        return new Now(request.now() == null ? clock.now() : clock.set(request.now()));
    }
}
