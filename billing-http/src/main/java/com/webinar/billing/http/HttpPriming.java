package com.webinar.billing.http;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webinar.billing.app.snapstart.Primer;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SnapStart priming of the HTTP path: each function of this zip (each {@code @Funq} of a function module: not local
 * mode's dev functions, which are no Lambda's) gets one API Gateway event through the Lambda
 * handler itself (Jackson reads the event, Vert.x and Funqy route it, the answer is written back as JSON) with a
 * token of the configured algorithm and issuer whose signature is wrong. So the verification key is fetched and
 * parsed and a signature checked with it, and the request is refused before it reaches a use case: a 401 (or, for
 * the webhook, a 400 for its missing signature) through the problem+json path. Nothing is written.
 */
@ApplicationScoped
class HttpPriming implements Primer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_MODULES = "com.webinar.billing.functions.";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://issuer.invalid")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
    String algorithm;

    @Override
    public String prime() {
        List<String> answers = new ArrayList<>();
        for (FunctionInvoker function : FunctionRecorder.registry.invokers()) {
            if (function.getTargetClass().getPackageName().startsWith(FUNCTION_MODULES)) {
                answers.add(answerTo("/" + function.getName()));
            }
        }
        return String.join(", ", answers);
    }

    private String answerTo(String path) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            AmazonLambdaRecorder.handle(
                    new ByteArrayInputStream(JSON.writeValueAsBytes(event(path))), answer, new PrimingContext());
            JsonNode response = JSON.readTree(answer.toByteArray());
            return response.path("statusCode").asInt() + " from " + path;
        } catch (IOException e) {
            throw new IllegalStateException("priming " + path + ": " + e.getMessage(), e);
        }
    }

    /** What API Gateway's HTTP API (payload 2.0) hands the function for POST {path} with body {}. */
    private ObjectNode event(String path) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0")
                .put("routeKey", "POST " + path)
                .put("rawPath", path)
                .put("rawQueryString", "");
        event.putObject("headers")
                .put("content-type", "application/json")
                .put("authorization", "Bearer " + tokenWithAWrongSignature());
        event.put("body", "{}").put("isBase64Encoded", false);
        ObjectNode request = event.putObject("requestContext");
        request.put("requestId", "snapstart-priming")
                .put("routeKey", "POST " + path)
                .put("stage", "$default");
        request.putObject("http")
                .put("method", "POST")
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1")
                .put("userAgent", "snapstart-priming");
        return event;
    }

    /** Well-formed, of the configured algorithm and issuer, signed by nobody: the check runs and fails. */
    private String tokenWithAWrongSignature() {
        String header = "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}";
        // a constant expiry: no clock reading is kept in the snapshot
        String claims = "{\"sub\":\"snapstart-priming\",\"iss\":\"" + issuer + "\",\"exp\":4102444800}";
        byte[] signature = new byte[algorithm.startsWith("ES") ? 64 : 256];
        Arrays.fill(signature, (byte) 1);
        return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(signature);
    }

    /** The invocation's context: an id, no deadline to speak of, nowhere to log but the function's own log. */
    private static final class PrimingContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "snapstart-priming";
        }

        @Override
        public String getLogGroupName() {
            return null;
        }

        @Override
        public String getLogStreamName() {
            return null;
        }

        @Override
        public String getFunctionName() {
            return null;
        }

        @Override
        public String getFunctionVersion() {
            return null;
        }

        @Override
        public String getInvokedFunctionArn() {
            return null;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 0;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
