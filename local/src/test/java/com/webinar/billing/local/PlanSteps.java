package com.webinar.billing.local;

import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the plan-change tests do besides {@link Api}: re-sync an account's terms, run the tick, read renewals. */
@ApplicationScoped
public class PlanSteps {

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    /** account-sync of an existing account with these terms, the same people. */
    public Response sync(
            Api.Account account, String plan, String period, String cycleStart, String currency, String zone) {
        return api.post(
                "account-sync",
                api.serviceToken(),
                Map.of(
                        "accountId", account.id(),
                        "plan", plan,
                        "billingPeriod", period,
                        "cycleStart", cycleStart,
                        "currency", currency,
                        "timeZone", zone,
                        "owner", Map.of("userId", account.ownerId(), "name", "Owner " + account.id()),
                        "members", List.of(Map.of("userId", account.memberId(), "name", "Member " + account.id()))));
    }

    /** The seed account (monthly from 2026-01-10, EUR, Paris) moved to {@code plan}; fails unless accepted. */
    public void movePlan(Api.Account account, String plan) {
        movePlan(account, plan, "2026-01-10");
    }

    /** A monthly EUR Paris account whose stored cycle starts {@code cycleStart} moved to {@code plan}. */
    public void movePlan(Api.Account account, String plan, String cycleStart) {
        sync(account, plan, "MONTHLY", cycleStart, "EUR", "Europe/Paris").then().statusCode(200);
    }

    public Response details(Api.Account account) {
        return api.post("billing-details", api.token(account.ownerId()), Map.of());
    }

    public RenewalReport runTick() {
        return tick.run(TickBudget.of(Duration.ofMinutes(5)));
    }

    /** The renewal invoices of an account, one "cycle_start:total" each, in cycle order. */
    public List<String> renewals(Api.Account account) {
        String all = api.text(
                "select string_agg(cycle_start || ':' || total_minor, ',' order by cycle_start) from invoice"
                        + " where account_id = ? and kind = 'RENEWAL'",
                account.id());
        return all == null ? List.of() : List.of(all.split(","));
    }

    public String statusOf(String purchaseId) {
        return api.text("select status from purchase where id = ?::uuid", purchaseId);
    }

    public String accountColumn(Api.Account account, String column) {
        return api.text("select " + column + "::text from account where id = ?", account.id());
    }
}
