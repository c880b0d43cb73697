package com.webinar.billing.http;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.PlainText;
import com.webinar.billing.model.UserRepository;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * Identifies the caller from {@code Authorization: Bearer <JWT>}: the token is verified here (API Gateway's
 * authorizer checks it too in AWS), then its {@code sub} is looked up among the users this system knows.
 */
@ApplicationScoped
public class Callers {
    public static final String SERVICE_ROLE = "service";

    @Inject
    JWTParser parser;

    @Inject
    HttpRequests requests;

    @Inject
    UserRepository users;

    public Caller current() {
        JsonWebToken token = verifiedToken();
        Caller caller = users.findByIdOptional(token.getSubject())
                .map(user -> new Caller(user.id, user.accountId, user.role, user.subAccountId))
                .orElseThrow(() -> new BillingException(BillingError.UNAUTHENTICATED, "the token's user is unknown"));
        MDC.put("accountId", caller.accountId());
        return caller;
    }

    public void requireService() {
        if (!verifiedToken().getGroups().contains(SERVICE_ROLE)) {
            throw new BillingException(BillingError.FORBIDDEN, "this function is for the platform's services");
        }
    }

    private JsonWebToken verifiedToken() {
        String header = requests.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new BillingException(BillingError.UNAUTHENTICATED, "a bearer token is required");
        }
        try {
            JsonWebToken token = parser.parse(header.substring(7).trim());
            if (token.getSubject() == null || token.getSubject().isBlank()) {
                throw new BillingException(BillingError.UNAUTHENTICATED, "the token has no subject");
            }
            PlainText.require(token.getSubject(), "the token's subject");
            return token;
        } catch (ParseException e) {
            throw new BillingException(BillingError.UNAUTHENTICATED, "the token is not valid");
        }
    }
}
