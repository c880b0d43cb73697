package com.webinar.billing.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands every request a test sends, with its answer, to {@link Contract}: see {@link Api#given()}. */
final class ContractFilter implements Filter {
    static final ContractFilter INSTANCE = new ContractFilter();

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractFilter() {}

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : request.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        if (request.getContentType() != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", List.of(request.getContentType()));
        }
        Contract.instance()
                .check(new Contract.Exchange(
                        request.getMethod(),
                        URI.create(request.getURI()).getPath(),
                        headers,
                        bodyOf(request.getBody()),
                        response.statusCode(),
                        response.contentType(),
                        response.asString()));
        return response;
    }

    private static String bodyOf(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
