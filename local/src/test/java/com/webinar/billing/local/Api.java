package com.webinar.billing.local;

import com.webinar.billing.dev.DevTokens;
import com.webinar.billing.dev.Sql;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a test does to the running local app: call functions over HTTP (through the Lambda mock event
 * server), mint tokens, move the clock, make accounts, and read the database to check what changed.
 */
@ApplicationScoped
public class Api {

    /** An account a test made for itself: ids are unique, so tests never see each other's data. */
    public record Account(String id, String ownerId, String memberId) {}

    @Inject
    DevClock clock;

    @Inject
    AgroalDataSource dataSource;

    public Response post(String function, String token, Object body) {
        return as(token).body(body).when().post("/" + function);
    }

    /** A body sent exactly as written (malformed JSON included). */
    public Response postRaw(String function, String token, String body) {
        return as(token).body(body).when().post("/" + function);
    }

    /**
     * Every request of the HTTP tests starts here: its answer is checked against docs/openapi.yaml (or, for the
     * local-only functions, docs/openapi-local.yaml) by {@link Contract}.
     */
    public static RequestSpecification given() {
        return RestAssured.given().filter(ContractFilter.INSTANCE);
    }

    private static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public String token(String userId) {
        return DevTokens.forUser(userId);
    }

    public String serviceToken() {
        return DevTokens.forService();
    }

    public void now(String instant) {
        clock.set(Instant.parse(instant));
    }

    public void now(Instant instant) {
        clock.set(instant);
    }

    public Instant now() {
        return clock.now();
    }

    public Account account(String plan, String period, String cycleStart, String currency, String zone) {
        return account(plan, period, cycleStart, currency, zone, "");
    }

    /** {@code ownerSuffix} "-declined" makes the local provider refuse the owner's charges. */
    public Account account(
            String plan, String period, String cycleStart, String currency, String zone, String ownerSuffix) {
        String id = "acct-" + UUID.randomUUID();
        Account account = new Account(id, "owner-" + id + ownerSuffix, "member-" + id);
        post(
                        "account-sync",
                        serviceToken(),
                        Map.of(
                                "accountId", id,
                                "plan", plan,
                                "billingPeriod", period,
                                "cycleStart", LocalDate.parse(cycleStart).toString(),
                                "currency", currency,
                                "timeZone", zone,
                                "owner", Map.of("userId", account.ownerId(), "name", "Owner " + id),
                                "members", List.of(Map.of("userId", account.memberId(), "name", "Member " + id))))
                .then()
                .statusCode(200);
        return account;
    }

    /** The seed account of SPEC R3: monthly EUR, cycle 2026-01-10..2026-02-09, clock at 2026-01-22. */
    public Account seedAccount() {
        now("2026-01-22T10:15:00Z");
        return account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
    }

    public String quote(Account account, String addOn, int quantity) {
        return post("quote", token(account.ownerId()), Map.of("addOn", addOn, "quantity", quantity))
                .then()
                .statusCode(200)
                .extract()
                .path("quoteId");
    }

    public Response purchase(Account account, String quoteId, String idempotencyKey) {
        return post("purchase", token(account.ownerId()), Map.of("quoteId", quoteId, "idempotencyKey", idempotencyKey));
    }

    /** Buys and returns the purchase id; fails the test unless the purchase is ACTIVE. */
    public String buy(Account account, String addOn, int quantity) {
        return purchase(
                        account,
                        quote(account, addOn, quantity),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(200)
                .extract()
                .path("purchaseId");
    }

    public long count(String sql, Object... params) {
        return new Sql(dataSource).number(sql, params);
    }

    public String text(String sql, Object... params) {
        return new Sql(dataSource).text(sql, params);
    }

    public void execute(String sql, Object... params) {
        new Sql(dataSource).execute(sql, params);
    }

    /** R13 over the whole database: every invoice's lines add up to its total, whoever wrote it. */
    public void assertEveryInvoiceAddsUp() {
        String wrong = text("""
                select string_agg(i.id || ' total ' || i.total_minor || ' lines ' || coalesce(l.sum, 0), ', ')
                  from invoice i
                  left join (select invoice_id, sum(amount_minor) as sum from invoice_line group by invoice_id) l
                    on l.invoice_id = i.id
                 where i.total_minor <> coalesce(l.sum, 0)
                """);
        if (wrong != null) {
            throw new AssertionError("R13: invoices whose lines do not add up to their total: " + wrong);
        }
    }

    /** A fingerprint of everything an account owns, to check that a refused request changed nothing. */
    public String stateOf(Account account) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select concat_ws('|',
                          (select row(a.*)::text from account a where a.id = ?1),
                          (select string_agg(row(u.*)::text, ',' order by u.id) from app_user u where u.account_id = ?1),
                          (select count(*) from quote q where q.account_id = ?1),
                          (select string_agg(row(p.*)::text, ',' order by p.id) from purchase p where p.account_id = ?1),
                          (select string_agg(row(s.*)::text, ',' order by s.id) from sub_account s where s.account_id = ?1),
                          (select count(*) from invoice i where i.account_id = ?1),
                          (select count(*) from payment_event e join invoice i on i.id = e.invoice_id where i.account_id = ?1))
                        """.replace("?1", "?"))) {
            for (int i = 1; i <= 7; i++) {
                s.setString(i, account.id());
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
