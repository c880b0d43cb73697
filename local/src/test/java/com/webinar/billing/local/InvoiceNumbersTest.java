package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webinar.billing.app.renewal.CycleTurn;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.LedgerRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvoiceNumbersTest {
    /** 00:00 on 2026-02-09 in Paris: the seed account's cycle turns. */
    static final String TURN = RenewalTickTest.TURN;

    @jakarta.inject.Inject
    Api api;

    @jakarta.inject.Inject
    RenewalTick tick;

    @jakarta.inject.Inject
    CycleTurn cycleTurn;

    @jakarta.inject.Inject
    LedgerRepository ledger;

    private JsonPath invoicesOf(Api.Account account) {
        return InvoicesFunctionTest.invoicesOf(api, account, Map.of());
    }

    /** Every year's series is 1..n, each number once, and its counter stands at n. */
    private void assertEveryYearsSeriesIsGapless() {
        assertThat(api.count("""
                        select count(*) from (
                            select number_year from invoice group by number_year
                            having min(number_seq) <> 1 or max(number_seq) <> count(*)
                                or count(distinct number_seq) <> count(*)) holed
                        """))
                .as("years whose series has a hole or a repeat")
                .isZero();
        assertThat(api.count("""
                        select count(*) from invoice_number_counter c
                         where c.last_seq <> (select coalesce(max(i.number_seq), 0) from invoice i
                                               where i.number_year = c.year)
                        """))
                .as("counters that are not at their series' last number")
                .isZero();
    }

    private long lastNumberOf(int year) {
        return api.count("select coalesce(max(last_seq), 0) from invoice_number_counter where year = ?", year);
    }

    static long seqOf(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }

    @Test
    void purchases_and_renewals_are_numbered_in_one_series_newest_first() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        api.now("2026-02-01T09:00:00Z");
        String storage = api.buy(account, "STORAGE", 1);
        api.now(TURN);
        tick.run(TickBudget.of(Duration.ofMinutes(5)));

        JsonPath page = invoicesOf(account);

        assertThat(page.getList("invoices.kind")).containsExactly("RENEWAL", "PURCHASE", "PURCHASE");
        List<String> numbers = page.getList("invoices.number");
        assertThat(numbers).allSatisfy(n -> assertThat(n).matches("2026-\\d{6}"));
        assertThat(seqOf(numbers.get(0))).isGreaterThan(seqOf(numbers.get(1)));
        assertThat(seqOf(numbers.get(1))).isGreaterThan(seqOf(numbers.get(2)));
        assertThat(page.getString("nextCursor")).isNull();
        assertThat(page.getMap("invoices[0]"))
                .containsEntry("cycleStart", "2026-02-09")
                .containsEntry("cycleEnd", "2026-03-11")
                .containsEntry("currency", "EUR")
                .containsEntry("total", "50.00")
                .containsEntry("status", "PAID");
        assertThat(page.getList("invoices[0].lines.purchaseId")).containsExactly(presenters, storage);
        assertThat(page.getList("invoices[0].lines.unitPrice")).containsExactly("20.00", "10.00");
        assertThat(page.getList("invoices[0].lines.amount")).containsExactly("40.00", "10.00");
        assertThat(page.getList("invoices[0].payments.outcome")).containsExactly("SUCCEEDED");
        assertThat(page.getList("invoices[0].payments.amount")).containsExactly("50.00");
        assertThat(page.getMap("invoices[2]"))
                .containsEntry("kind", "PURCHASE")
                .containsEntry("cycleStart", "2026-01-10")
                .containsEntry("cycleEnd", "2026-02-09");
        assertEveryYearsSeriesIsGapless();
    }

    @Test
    void the_series_is_the_year_of_issue_in_utc() {
        api.now("2026-12-31T23:30:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-12-20", "EUR", "Europe/Paris");
        api.buy(account, "STORAGE", 1);
        api.now("2027-01-01T00:30:00Z");
        api.buy(account, "STORAGE", 1);

        List<String> numbers = invoicesOf(account).getList("invoices.number");

        assertThat(numbers.get(0)).startsWith("2027-");
        assertThat(numbers.get(1)).startsWith("2026-");
        assertThat(seqOf(numbers.get(0))).isEqualTo(lastNumberOf(2027));
        assertEveryYearsSeriesIsGapless();
    }

    @Test
    void an_issue_rolled_back_after_taking_its_number_gives_the_number_back() {
        Api.Account account = api.seedAccount();
        long before = lastNumberOf(2026);

        // what a purchase does when its transaction fails after the invoice was appended
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    InvoiceEntity invoice = new InvoiceEntity();
                    invoice.id = UUID.randomUUID();
                    invoice.accountId = account.id();
                    invoice.kind = InvoiceEntity.Kind.PURCHASE;
                    invoice.cycleStart = java.time.LocalDate.parse("2026-01-10");
                    invoice.cycleEnd = java.time.LocalDate.parse("2026-02-09");
                    invoice.currency = "EUR";
                    invoice.totalMinor = 1000;
                    invoice.issuedAt = api.now();
                    invoice.paymentKey = "rolled-back-" + invoice.id;
                    ledger.append(invoice, List.of());
                    assertThat(invoice.numberSeq).isEqualTo(before + 1);
                    throw new IllegalStateException("what the purchase did next failed");
                }))
                .hasMessageContaining("what the purchase did next failed");

        assertThat(lastNumberOf(2026)).isEqualTo(before);
        api.buy(account, "STORAGE", 1);
        assertThat(seqOf(invoicesOf(account).getString("invoices[0].number"))).isEqualTo(before + 1);
        assertEveryYearsSeriesIsGapless();
    }

    @Test
    void a_tick_batch_rolled_back_after_numbering_gives_its_block_back() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        api.now(TURN);
        long before = lastNumberOf(2026);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    assertThat(cycleTurn.turn(api.now(), null, 500).accounts()).isPositive();
                    throw new IllegalStateException("the batch failed after issuing");
                }))
                .hasMessageContaining("the batch failed after issuing");

        assertThat(lastNumberOf(2026)).isEqualTo(before);
        tick.run(TickBudget.of(Duration.ofMinutes(5)));
        assertThat(invoicesOf(account).getList("invoices.kind")).containsExactly("RENEWAL", "PURCHASE");
        assertEveryYearsSeriesIsGapless();
    }

    @Test
    void concurrent_ticks_and_purchases_leave_the_series_gapless() throws Exception {
        api.now("2026-01-22T10:15:00Z");
        List<Api.Account> renewing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
            api.buy(account, "STORAGE", 1 + i);
            renewing.add(account);
        }
        api.now(TURN);
        List<Api.Account> buying = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            buying.add(api.account("LIVE", "MONTHLY", "2026-02-01", "EUR", "Europe/Paris"));
        }
        List<Callable<Object>> work = new ArrayList<>();
        work.add(() -> tick.run(TickBudget.of(Duration.ofMinutes(5))));
        work.add(() -> tick.run(TickBudget.of(Duration.ofMinutes(5))));
        for (Api.Account account : buying) {
            work.add(() -> api.buy(account, "PRESENTERS", 1));
            work.add(() -> api.buy(account, "STORAGE", 1));
        }

        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        for (Api.Account account : renewing) {
            assertThat(invoicesOf(account).getList("invoices.kind")).containsExactly("RENEWAL", "PURCHASE");
        }
        for (Api.Account account : buying) {
            assertThat(invoicesOf(account).getList("invoices")).hasSize(2);
        }
        assertEveryYearsSeriesIsGapless();
    }
}
