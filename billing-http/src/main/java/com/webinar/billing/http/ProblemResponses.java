package com.webinar.billing.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Turns every failure of a function into {@code application/problem+json} with the status of its code: Funqy
 * itself answers 500 for any exception. Never a stack trace in the answer.
 */
@ApplicationScoped
public class ProblemResponses {
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Funqy's logger; it names no class. */
    static final String FUNQY_LOGGER = "io.quarkus.funqy";

    void install(@Observes Router router) {
        quietenFunqyOnCallerMistakes();
        router.route().failureHandler(this::answer);
        // a path no function has (local mode serves them all on one port) fails into the handler above: a route, as
        // dev mode replaces the router's 404 error handler with its own page
        router.route().last().handler(context -> context.fail(404));
    }

    /**
     * Funqy logs a body it cannot parse, and a method other than POST, at ERROR with a stack trace before failing
     * the request with 400 or 405, which {@link #answer} then logs once at WARN: anyone could flood the logs with
     * ERRORs. Those two lines are dropped; everything else Funqy logs (a result it cannot write) stays.
     */
    static void quietenFunqyOnCallerMistakes() {
        java.util.logging.Logger.getLogger(FUNQY_LOGGER).setFilter(record -> !isCallerMistake(record.getMessage()));
    }

    static boolean isCallerMistake(String message) {
        return message != null
                && (message.startsWith("Failed to unmarshal input") || message.startsWith("Must be POST or GET"));
    }

    void answer(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        Map<String, Object> problem = problemFor(context.failure(), context.statusCode());
        int status = (Integer) problem.get("status");
        if (status < 500) {
            // the caller's mistake: one line to find it by, no stack trace
            LOG.warnf(
                    "%s answered %d %s: %s",
                    MDC.get(RequestLogContext.FUNCTION), status, problem.get("code"), problem.get("detail"));
        }
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/problem+json")
                    .end(JSON.writeValueAsString(problem));
        } catch (Exception e) {
            context.response().setStatusCode(500).end();
        }
    }

    static Map<String, Object> problemFor(Throwable failure, int status) {
        if (failure == null) {
            return switch (status) {
                case 400 -> problem(BillingError.INVALID_REQUEST, "the body is not valid JSON", Map.of());
                case 404 -> problem(BillingError.NOT_FOUND, "there is no such function", Map.of());
                case 401 -> problem(BillingError.UNAUTHENTICATED, "a valid bearer token is required", Map.of());
                case 405 ->
                    withStatus(problem(BillingError.INVALID_REQUEST, "functions are called with POST", Map.of()), 405);
                default -> internal();
            };
        }
        BillingException refusal = find(failure, BillingException.class);
        if (refusal != null) {
            return problem(refusal.error(), refusal.detail(), refusal.extra());
        }
        if (isDatabaseUnavailable(failure)) {
            LOG.warnf("database unavailable: %s", failure.toString());
            return problem(BillingError.UNAVAILABLE, "the service is briefly unavailable; retry", Map.of());
        }
        if (isDataRefusedByDatabase(failure)) {
            LOG.infof("a value was refused by the database: %s", failure.toString());
            return problem(BillingError.INVALID_REQUEST, "a value in the request is not valid", Map.of());
        }
        LOG.error("function failed", failure);
        return internal();
    }

    /** Connection, resource and concurrency failures are the caller's to retry, not bugs. */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        return anyCause(failure, t -> {
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            return (state != null
                            && (state.startsWith("08")
                                    || state.startsWith("53")
                                    || state.startsWith("57P")
                                    || state.equals("40001")
                                    || state.equals("40P01")
                                    || state.equals("55P03")))
                    || t instanceof java.sql.SQLTransientException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || t.getClass().getName().equals("org.hibernate.exception.LockAcquisitionException")
                    || (t.getMessage() != null
                            && (t.getMessage().contains("Acquisition timeout")
                                    // Hibernate could not open a connection: the database refused it, whatever its
                                    // reason (one closed to new connections says 55000, not 08xxx)
                                    || t.getMessage().startsWith("Unable to acquire JDBC Connection")));
        });
    }

    /**
     * SQLSTATE class 22 (data exception: a byte sequence the encoding refuses, a date or number out of range, a
     * string too long): the database refused a value, which came from the request.
     */
    static boolean isDataRefusedByDatabase(Throwable failure) {
        return anyCause(
                failure,
                t -> t instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("22"));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                // a failed commit keeps the database's error as a suppressed exception
                if (anyCause(suppressed, test)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Map<String, Object> problem(BillingError error, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:addon-billing:problem:" + error.code());
        body.put("title", error.title());
        body.put("status", error.status());
        body.put("detail", detail);
        body.put("code", error.code());
        extra.forEach(body::putIfAbsent);
        return body;
    }

    private static Map<String, Object> withStatus(Map<String, Object> problem, int status) {
        problem.put("status", status);
        return problem;
    }

    private static Map<String, Object> internal() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:addon-billing:problem:internal_error");
        body.put("title", "Internal error");
        body.put("status", 500);
        body.put("detail", "an unexpected error occurred and was logged");
        body.put("code", "internal_error");
        return body;
    }
}
