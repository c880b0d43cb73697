package com.webinar.billing.local;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one HTTP exchange against the documented contract: {@code docs/openapi.yaml} (the product) or, for the
 * functions of local mode only, {@code docs/openapi-local.yaml}. The library (Atlassian's openapi-request-validator,
 * OpenAPI 3.1 through networknt's JSON Schema 2020-12 validator) does the checking; nothing about a function is
 * written here, so adding an operation or a field is one edit in the YAML.
 *
 * <ul>
 *   <li>The answer must match the document: a documented status, its content type, its schema (answers are closed
 *       objects there, so an undocumented field fails).
 *   <li>A request the document refuses (unknown field, wrong type, missing token or signature, malformed JSON) must
 *       be refused by the function with a 4xx: tests that send invalid requests on purpose run unchanged, and a
 *       document stricter than the code is caught.
 *   <li>A function in neither document must answer {@code 404} problem+json (there is no such function).
 * </ul>
 */
public final class Contract {

    /** One request and its answer, as they went over the wire. */
    public record Exchange(
            String method,
            String path,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            String contentType,
            String responseBody) {}

    private static final String PATH_MISSING = "validation.request.path.missing";

    // before INSTANCE: the constructor reads it
    private static final Pattern PATH_LINE = Pattern.compile("^  (/[^:\\s]*):\\s*$", Pattern.MULTILINE);

    private static final Contract INSTANCE = new Contract();

    /** One document and the paths it names, exactly as written (the validator matches paths ignoring case). */
    private record Document(OpenApiInteractionValidator validator, Set<String> paths) {}

    private final List<Document> documents;

    private Contract() {
        Path docs = docsFolder();
        documents = List.of(documentOf(docs.resolve("openapi.yaml")), documentOf(docs.resolve("openapi-local.yaml")));
    }

    private static Document documentOf(Path yaml) {
        try {
            Set<String> paths = PATH_LINE
                    .matcher(Files.readString(yaml))
                    .results()
                    .map(m -> m.group(1))
                    .collect(Collectors.toSet());
            return new Document(validatorOf(yaml), paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contract instance() {
        return INSTANCE;
    }

    /** Throws an {@link AssertionError} saying what differs from the document. */
    public void check(Exchange exchange) {
        Request request = requestOf(exchange);
        for (Document documented : documents) {
            if (!documented.paths().contains(exchange.path())) {
                continue;
            }
            OpenApiInteractionValidator document = documented.validator();
            ValidationReport requestReport = document.validateRequest(request);
            if (requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals(PATH_MISSING))) {
                continue;
            }
            ValidationReport answerReport = document.validateResponse(
                    exchange.path(), Request.Method.valueOf(exchange.method()), responseOf(exchange));
            if (answerReport.hasErrors()) {
                throw new AssertionError("the answer of " + describe(exchange) + " breaks the contract:\n"
                        + SimpleValidationReportFormat.getInstance().apply(answerReport));
            }
            if (requestReport.hasErrors() && (exchange.status() < 400 || exchange.status() >= 500)) {
                throw new AssertionError("the contract refuses the request " + describe(exchange)
                        + " but the function answered " + exchange.status() + ":\n"
                        + SimpleValidationReportFormat.getInstance().apply(requestReport));
            }
            return;
        }
        boolean notFoundProblem = exchange.status() == 404
                && exchange.contentType() != null
                && exchange.contentType().startsWith("application/problem+json");
        if (!notFoundProblem) {
            throw new AssertionError(exchange.method() + " " + exchange.path()
                    + " is in neither docs/openapi.yaml nor docs/openapi-local.yaml, yet answered "
                    + exchange.status() + ": document it there (one path)");
        }
    }

    private static String describe(Exchange exchange) {
        return exchange.method() + " " + exchange.path() + " " + exchange.requestBody() + " -> " + exchange.status()
                + " " + exchange.responseBody();
    }

    private static Request requestOf(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse responseOf(Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.contentType() != null) {
            response.withContentType(exchange.contentType());
        }
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static OpenApiInteractionValidator validatorOf(Path document) {
        return OpenApiInteractionValidator.createForSpecificationUrl(
                        document.toUri().toString())
                // only what the document says: no additionalProperties: false injected where it says nothing
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** docs/ at the repository's root, found from wherever the tests run (the module's folder under Maven). */
    private static Path docsFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/openapi.yaml"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException(
                "docs/openapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
