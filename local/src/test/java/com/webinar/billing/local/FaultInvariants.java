package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.webinar.billing.local.FaultInjectionTest.Subject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What must hold after a fault run, read from the database and from WireMock's journal of Stripe requests. */
final class FaultInvariants {
    private final Api api;
    private final SubAccountSteps steps;
    private final List<Subject> subjects;
    private final String accounts;
    private final Set<String> ledgerBefore = new HashSet<>();

    FaultInvariants(Api api, SubAccountSteps steps, List<Subject> subjects) {
        this.api = api;
        this.steps = steps;
        this.subjects = subjects;
        this.accounts = String.join(
                ",", subjects.stream().map(s -> "'" + s.account().id() + "'").toList());
    }

    /** Every ledger row of the run's accounts now: each must still be there, unchanged, at the end. */
    void snapshotLedger() {
        ledgerBefore.addAll(ledger());
    }

    void check(WireMockServer stripe) {
        Map<String, String> invoiceOfKey = new HashMap<>();
        rows("select payment_key, id::text from invoice where account_id in (" + accounts + ")")
                .forEach(row -> invoiceOfKey.put(row.get(0), row.get(1)));
        Set<String> customers =
                new HashSet<>(subjects.stream().map(Subject::customer).toList());
        List<ServeEvent> charges = stripe.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/payment_intents"))
                .filter(e -> customers.stream()
                        .anyMatch(c -> e.getRequest().getBodyAsString().contains("customer=" + c)))
                .toList();
        assertThat(charges).as("charge requests of the run").isNotEmpty();

        Map<String, Set<String>> succeededKeysOfInvoice = new HashMap<>();
        for (ServeEvent charge : charges) {
            String key = charge.getRequest().getHeader("Idempotency-Key");
            String invoice = invoiceOfKey.get(key.replaceFirst("-retry-\\d+$", ""));
            assertThat(invoice)
                    .as("the invoice of the provider's charge " + key)
                    .isNotNull();
            if (charge.getResponse().getStatus() == 200 && charge.getResponse().getFault() == null) {
                succeededKeysOfInvoice
                        .computeIfAbsent(invoice, i -> new HashSet<>())
                        .add(key);
            }
        }
        assertThat(succeededKeysOfInvoice)
                .as("at most one successful charge per invoice")
                .allSatisfy((invoice, keys) -> assertThat(keys).hasSize(1));
        assertThat(rows("select invoice_id::text from payment_event where outcome = 'SUCCEEDED' and invoice_id in"
                        + " (select id from invoice where account_id in (" + accounts + "))"
                        + " group by invoice_id having count(distinct provider_reference) > 1"))
                .as("invoices paid under two references")
                .isEmpty();

        assertThat(rows("select id, cycle_start::text from account where id in (" + accounts + ")"))
                .as("every account turned exactly once")
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("2026-02-09"));
        assertThat(rows("select account_id, cycle_start::text, count(*)::text from invoice where kind = 'RENEWAL'"
                        + " and account_id in (" + accounts + ") group by account_id, cycle_start"))
                .as("renewal invoices per (account, cycle)")
                .allSatisfy(row -> {
                    assertThat(row.get(1)).isEqualTo("2026-02-09");
                    assertThat(row.get(2)).isEqualTo("1");
                });
        assertThat(rows("select p.id::text from purchase p where p.status = 'ACTIVE' and p.account_id in ("
                        + accounts + ") and not exists (select 1 from invoice_line l join payment_event e"
                        + " on e.invoice_id = l.invoice_id and e.outcome = 'SUCCEEDED' where l.purchase_id = p.id)"))
                .as("ACTIVE purchases without a paid invoice")
                .isEmpty();

        assertThat(ledger()).as("ledger rows updated or deleted").containsAll(ledgerBefore);

        for (Subject subject : subjects) {
            if (subject.subAccount() != null
                    && api.count(
                                    "select count(*) from sub_account_erasure where erased_sub_account_id = ?::uuid",
                                    subject.subAccount())
                            > 0) {
                assertThat(steps.dataOf(subject.subAccount()))
                        .as("data left of the erased sub-account " + subject.subAccount())
                        .containsOnly(0L);
            }
        }
    }

    private Set<String> ledger() {
        Set<String> rows = new HashSet<>();
        String mine = "(select id from invoice where account_id in (" + accounts + "))";
        rows("select 'invoice', id::text, account_id, kind, cycle_start::text, currency, total_minor::text,"
                        + " issued_at::text, payment_key from invoice where id in " + mine)
                .forEach(r -> rows.add(String.join("|", r)));
        rows("select 'line', invoice_id::text, line_no::text, purchase_id::text, add_on, quantity::text,"
                        + " unit_price_minor::text, amount_minor::text from invoice_line where invoice_id in " + mine)
                .forEach(r -> rows.add(String.join("|", r)));
        rows("select 'payment', id::text, invoice_id::text, outcome, amount_minor::text,"
                        + " coalesce(provider_reference, ''), recorded_at::text from payment_event where invoice_id in "
                        + mine)
                .forEach(r -> rows.add(String.join("|", r)));
        return rows;
    }

    private List<List<String>> rows(String sql) {
        return steps.rows(sql);
    }
}
