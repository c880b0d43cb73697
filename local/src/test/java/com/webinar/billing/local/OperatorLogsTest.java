package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator reads: each line carries its request, function and account; a 4xx is one WARN line; no names. */
@QuarkusTest
class OperatorLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Api api;

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc(); // the MDC of the thread that logged, kept with the record
                records.add(ext);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void the_tick_workers_lines_carry_the_invocations_request_and_function() {
        Logger tick = Logger.getLogger("com.webinar.billing.app.renewal.RenewalTick");
        Level before = tick.getLevel();
        tick.setLevel(Level.FINE); // its per-batch lines, written by the worker threads, are DEBUG
        try {
            records.clear();
            api.post("renewal-tick", null, Map.of()).then().statusCode(200);
        } finally {
            tick.setLevel(before);
        }

        List<ExtLogRecord> batches = records.stream()
                .filter(r -> tick.getName().equals(r.getLoggerName()))
                .filter(r -> r.getFormattedMessage().startsWith("turned "))
                .toList();
        assertThat(batches).isNotEmpty().allSatisfy(line -> {
            assertThat(line.getThreadName()).doesNotStartWith("executor-thread");
            assertThat(line.getMdc("function")).isEqualTo("renewal-tick");
            assertThat(line.getMdc("requestId")).isNotBlank();
        });
    }

    @Test
    void a_refused_call_is_one_warn_line_with_request_function_and_account_and_no_stack_trace() {
        Api.Account account = api.seedAccount();
        records.clear();

        api.post("quote", api.token(account.memberId()), Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(403);

        List<ExtLogRecord> warnings = records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(warnings).hasSize(1);
        ExtLogRecord warning = warnings.getFirst();
        assertThat(warning.getFormattedMessage())
                .isEqualTo("quote answered 403 forbidden: only the account owner may do this");
        assertThat(warning.getThrown()).isNull();
        assertThat(warning.getMdc("function")).isEqualTo("quote");
        assertThat(warning.getMdc("requestId")).isNotBlank();
        assertThat(warning.getMdc("accountId")).isEqualTo(account.id());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"addOn\":", "{\"addOn\":\"PRESENTERS\",\"quantity\":1,\"quantity\":2}", "not json"})
    void a_malformed_body_is_a_400_logged_once_at_warn_without_a_stack_trace(String body) {
        Api.Account account = api.seedAccount();
        records.clear();

        api.postRaw("quote", api.token(account.ownerId()), body).then().statusCode(400);

        List<ExtLogRecord> warnings = records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
            assertThat(warning.getFormattedMessage())
                    .isEqualTo("quote answered 400 invalid_request: the body is not valid JSON");
            assertThat(warning.getThrown()).isNull();
            assertThat(warning.getMdc("function")).isEqualTo("quote");
        });
    }

    @Test
    void a_purchase_logs_its_account_purchase_and_invoice_and_never_a_name() {
        Api.Account account = api.seedAccount();

        String purchaseId = api.buy(account, "PRESENTERS", 5);

        ExtLogRecord settled = records.stream()
                .filter(r -> r.getFormattedMessage().startsWith("purchase " + purchaseId))
                .findFirst()
                .orElseThrow();
        assertThat(settled.getMdc("function")).isEqualTo("purchase");
        assertThat(settled.getMdc("accountId")).isEqualTo(account.id());
        assertThat(settled.getMdc("purchaseId")).isEqualTo(purchaseId);
        assertThat(settled.getMdc("invoiceId")).isNotBlank();
        // Api.account gives the owner and member the names "Owner <id>" and "Member <id>"
        assertThat(records)
                .allSatisfy(r -> assertThat(r.getFormattedMessage() + r.getMdcCopy())
                        .doesNotContain("Owner " + account.id())
                        .doesNotContain("Member " + account.id()));
    }

    @Test
    void a_purchase_writes_its_business_metric_as_an_emf_line() throws Exception {
        Api.Account account = api.seedAccount();
        PrintStream stdout = System.out;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            api.buy(account, "PRESENTERS", 2);
        } finally {
            System.setOut(stdout);
        }

        List<JsonNode> metrics = new ArrayList<>();
        for (String line : written.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{\"_aws\"")) {
                metrics.add(JSON.readTree(line));
            }
        }
        assertThat(metrics).anySatisfy(line -> {
            assertThat(line.path("Purchases").asInt()).isEqualTo(1);
            assertThat(line.path("Outcome").asText()).isEqualTo("ACTIVE");
            assertThat(line.path("AddOn").asText()).isEqualTo("PRESENTERS");
        });
    }
}
