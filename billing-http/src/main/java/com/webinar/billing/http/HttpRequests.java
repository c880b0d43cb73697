package com.webinar.billing.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP request behind the current function call. The same in a Lambda (API Gateway's event replayed into
 * Vert.x by amazon-lambda-http) and locally, so headers and the raw body are read one way everywhere.
 */
@ApplicationScoped
public class HttpRequests {

    @Inject
    CurrentVertxRequest current;

    public String header(String name) {
        RoutingContext context = current.getCurrent();
        return context == null ? null : context.request().getHeader(name);
    }

    public byte[] rawBody() {
        RoutingContext context = current.getCurrent();
        Buffer body = context == null ? null : context.body().buffer();
        return body == null ? new byte[0] : body.getBytes();
    }
}
