package com.webinar.billing.app.secrets;

import java.io.ByteArrayInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An AWS SDK HTTP client that answers every request with the same JSON, without any network: what SnapStart priming
 * runs an SDK client's request path with (endpoint rules, signing, marshalling both ways), here for Secrets Manager
 * and in the event relay for EventBridge.
 */
public final class AnswersFromMemory implements SdkHttpClient {
    private final byte[] answer;

    public AnswersFromMemory(byte[] answer) {
        this.answer = answer.clone();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.1")
                                .putHeader("Content-Length", String.valueOf(answer.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "priming";
    }

    @Override
    public void close() {}
}
