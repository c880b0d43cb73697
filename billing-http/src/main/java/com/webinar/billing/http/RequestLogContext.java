package com.webinar.billing.http;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Puts on every log line of a request the Lambda request id and the function answering it (MDC; the JSON log
 * format of AWS writes them as fields). The use cases add the account, purchase, invoice and event they work on.
 * The MDC lives in the request's own Vert.x context, so nothing carries over to the next request.
 */
@ApplicationScoped
public class RequestLogContext {
    public static final String REQUEST_ID = "requestId";
    public static final String FUNCTION = "function";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    void tag(RoutingContext context) {
        if (context.request().headers() instanceof QuarkusHttpHeaders headers
                && headers.getContextObject(Context.class) instanceof Context lambda) {
            MDC.put(REQUEST_ID, lambda.getAwsRequestId());
        }
        String path = context.normalizedPath();
        MDC.put(FUNCTION, path.startsWith("/") ? path.substring(1) : path);
        context.next();
    }
}
