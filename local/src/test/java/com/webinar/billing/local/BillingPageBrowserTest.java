package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the reference billing page, driven in headless Chromium against the local app, through the cases the
 * seed describes. One browser for the class; every test makes its own account and saves a screenshot under
 * target/billing-page/.
 */
@QuarkusTest
class BillingPageBrowserTest {

    private static BillingPage page;

    @Inject
    Api api;

    @Inject
    SubAccountSteps subAccounts;

    @BeforeEach
    void browser() {
        var browser = BillingPage.installedBrowser();
        // CI exports BILLING_PAGE_BROWSER=required; -DBILLING_PAGE_BROWSER=required does the same on one command
        if ("required".equals(System.getProperty("BILLING_PAGE_BROWSER", System.getenv("BILLING_PAGE_BROWSER")))) {
            assertThat(browser).as(BillingPage.INSTALL).isPresent();
        }
        Assumptions.assumeTrue(browser.isPresent(), BillingPage.INSTALL);
        if (page == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
            page = BillingPage.open(browser.get(), "http://localhost:" + port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    @Test
    void the_payment_form_shows_the_whole_cycle_price_and_what_is_charged_now_then_the_add_on_is_installed() {
        Api.Account account = api.seedAccount();
        page.signIn(account.ownerId());

        BillingPage.Checkout checkout = page.buy("PRESENTERS", 5);
        assertThat(checkout.cyclePrice()).isEqualTo("€100.00");
        assertThat(checkout.chargeNow()).isEqualTo("€60.00");
        assertThat(page.waitForText("#quote-days", "18 day(s) left")).contains("February 9, 2026");
        page.waitForText("#quote-expiry", "guaranteed for 15 min");
        page.screenshot("buy-quote");

        assertThat(checkout.paid()).contains("€60.00 charged");
        assertThat(page.waitFor("tr[data-add-on=PRESENTERS] .until").getText()).isEqualTo("renews on February 9, 2026");
        assertThat(page.waitFor("#next-renewal").getText()).isEqualTo("€100.00 on February 9, 2026");
        assertThat(page.waitFor("#ent-presenterSeats").getText()).isEqualTo("5");
        assertThat(page.all("#invoices tr[data-kind=PURCHASE]")).hasSize(1);

        page.click("#lang-fr");
        // French puts a narrow no-break space between the amount and its currency
        assertThat(page.waitForText("#next-renewal", "février")
                        .replace('\u202f', ' ')
                        .replace('\u00a0', ' '))
                .isEqualTo("100,00 € le 9 février 2026");
        page.screenshot("buy-paid-fr");
        assertThat(api.count("select count(*) from purchase where account_id = ? and status = 'ACTIVE'", account.id()))
                .isEqualTo(1);
    }

    @Test
    void cancelling_sub_account_seats_lists_the_sub_accounts_to_erase_and_waits_for_an_explicit_confirmation() {
        Api.Account account = api.seedAccount();
        page.signIn(account.ownerId());
        page.buy("SUB_ACCOUNTS", 2).paid();
        String seats = seatsOf(account);
        SubAccountSteps.SubAccount sales = subAccounts.create(account, "Sales team");

        page.click("tr[data-add-on=SUB_ACCOUNTS] button.cancel");
        assertThat(page.waitForText("#cancel-until", "February 9, 2026"))
                .startsWith("It stays active until February 9, 2026");
        page.click("#cancel-confirm");
        assertThat(page.waitFor("#erasure-list li[data-sub-account-id='" + sales.id() + "']")
                        .getText())
                .as("named as the sub-accounts function lists it")
                .isEqualTo("Sales team (" + sales.adminId() + ")");
        assertThat(page.waitFor("#erasure-warning").getText()).contains("cannot be undone");
        assertThat(page.enabled("#erasure-confirm"))
                .as("nothing is erased without the box ticked")
                .isFalse();
        page.screenshot("cancel-erasure-confirmation");
        assertThat(api.text("select status from purchase where id = ?::uuid", seats))
                .isEqualTo("ACTIVE");

        page.click("#erasure-check");
        page.click("#erasure-confirm");
        page.waitForAttribute("tr[data-add-on=SUB_ACCOUNTS]", "data-status", "CANCELLATION_SCHEDULED");
        assertThat(page.waitFor("tr[data-add-on=SUB_ACCOUNTS] .until").getText())
                .isEqualTo("active until February 9, 2026");
        assertThat(page.waitFor("#billing-notice").getText()).contains("active until February 9, 2026");
        page.screenshot("cancel-scheduled");
        assertThat(api.text("select status from purchase where id = ?::uuid", seats))
                .isEqualTo("CANCELLATION_SCHEDULED");
    }

    @Test
    void deleting_a_sub_account_warns_that_the_erasure_is_irreversible_and_needs_its_name_typed() {
        Api.Account account = api.seedAccount();
        page.signIn(account.ownerId());
        page.buy("SUB_ACCOUNTS", 1).paid();
        page.waitForText("#seats", "0 used, 1 free of 1");

        page.click("#sub-create summary");
        page.type("#sub-name", "Sales team");
        page.type("#sub-admin-id", "admin-" + UUID.randomUUID());
        page.type("#sub-admin-name", "Sam");
        page.click("#sub-submit");
        page.waitForText("#sub-notice", "Sub-account “Sales team” created.");
        page.waitForText("#seats", "1 used, 0 free of 1");

        page.click("#sub-accounts li button.actions");
        page.click("#sub-accounts li button.delete");
        assertThat(page.waitFor("#delete-warning").getText())
                .isEqualTo(
                        "Deleting a sub-account also erases all the data that belongs to it. This cannot be undone.");
        assertThat(page.enabled("#delete-confirm")).isFalse();
        page.type("#delete-typed", "Sales");
        assertThat(page.enabled("#delete-confirm"))
                .as("a part of the name is not a confirmation")
                .isFalse();
        page.type("#delete-typed", "Sales team");
        assertThat(page.enabled("#delete-confirm")).isTrue();
        page.screenshot("subaccount-delete-confirmation");

        page.click("#delete-confirm");
        assertThat(page.waitForText("#sub-notice", "was deleted")).contains("1 user(s)");
        page.waitForText("#seats", "0 used, 1 free of 1");
        assertThat(page.all("#sub-accounts li")).isEmpty();
        page.screenshot("subaccount-deleted");
        assertThat(api.count("select count(*) from sub_account where account_id = ?", account.id()))
                .isZero();
    }

    @Test
    void a_member_gets_no_billing_page_but_the_products_refusal_and_the_accounts_entitlements() {
        Api.Account account = api.seedAccount();
        String refusal = api.post("billing-details", api.token(account.memberId()), Map.of())
                .then()
                .statusCode(403)
                .extract()
                .path("detail");

        page.signIn(account.memberId());

        assertThat(page.waitFor("#billing-notice [role=alert]").getText()).isEqualTo(refusal);
        assertThat(page.shown("#buy")).isFalse();
        assertThat(page.shown("#subaccounts")).isFalse();
        assertThat(page.all("#purchases")).isEmpty();
        assertThat(page.waitFor("#ent-parallelEvents").getText()).isEqualTo("1");
        page.screenshot("member-refused");
    }

    @Test
    void a_declined_card_says_so_and_charges_nothing() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        page.signIn(account.ownerId());

        assertThat(page.buy("PARALLEL_EVENTS", 1).refused())
                .isEqualTo("Your bank declined the payment. Nothing was charged and the add-on was not added.");
        page.waitForAttribute("tr[data-add-on=PARALLEL_EVENTS]", "data-status", "FAILED");
        assertThat(page.waitFor("#ent-parallelEvents").getText()).isEqualTo("1");
        page.screenshot("declined-card");
    }

    @Test
    void a_quote_expires_when_the_clock_moves_past_its_fifteen_minutes_and_paying_it_shows_the_products_detail() {
        Api.Account account = api.seedAccount();
        page.signIn(account.ownerId());
        BillingPage.Checkout checkout = page.buy("STORAGE", 2);

        page.click("#clock-16m");
        page.waitForAttribute("#quote-expiry", "data-expired", "true");
        assertThat(page.waitFor("#quote-expiry").getText()).isEqualTo("This price has expired: ask for a new price.");
        assertThat(checkout.refused()).containsIgnoringCase("expired");
        page.screenshot("quote-expired");
        assertThat(api.count("select count(*) from purchase where account_id = ?", account.id()))
                .isZero();
    }

    @Test
    void the_renewal_tick_turns_the_cycle_and_issues_the_renewal_invoice() {
        Api.Account account = api.seedAccount();
        page.signIn(account.ownerId());
        page.buy("PRESENTERS", 5).paid();
        page.waitForText("#cycle", "from January 10, 2026 to February 9, 2026");

        page.click("#clock-cycle-end");
        page.waitForText("#dev-notice", "The clock now reads");
        page.click("#run-tick");
        page.waitLongForText("#dev-notice", "Renewal tick:");
        assertThat(page.waitForText("#cycle", "from February 9, 2026"))
                .isEqualTo("from February 9, 2026 to March 11, 2026 (excluded)");
        assertThat(page.all("#invoices tr[data-kind=RENEWAL]")).hasSize(1);
        assertThat(page.waitFor("#next-renewal").getText()).isEqualTo("€100.00 on March 11, 2026");
        page.screenshot("cycle-turned");
    }

    @Test
    void a_bank_asking_for_3_d_secure_gets_its_step_and_a_jpy_price_has_no_decimals() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "JPY", "Asia/Tokyo", "-3ds");
        page.signIn(account.ownerId());

        BillingPage.Checkout checkout = page.buy("PRESENTERS", 1);
        assertThat(checkout.cyclePrice()).isEqualTo("¥3,000");
        checkout.pay();
        page.waitFor("#authentication");
        page.screenshot("3ds-step");
        page.click("#auth-succeed");
        checkout.accepted();
    }

    @Test
    void the_sub_accounts_section_lists_what_the_sub_accounts_function_answers_with_the_seats_used_and_free() {
        Api.Account account = api.seedAccount();
        page.signIn(account.ownerId());
        page.buy("SUB_ACCOUNTS", 3).paid();
        page.waitForText("#sub-none", "No sub-account.");
        SubAccountSteps.SubAccount sales = subAccounts.create(account, "Sales team");
        SubAccountSteps.SubAccount support = subAccounts.create(account, "Support team");

        page.signIn(account.ownerId());
        page.waitForText("#seats", "2 used, 1 free of 3");
        assertThat(listedOnThePage())
                .as("created elsewhere than on this page, listed all the same")
                .containsExactlyInAnyOrder(sales.id(), support.id())
                .isEqualTo(listedIds(account));
        assertThat(page.waitFor("#sub-" + sales.id()).getText())
                .contains("Sales team", "admin: Admin of Sales team (" + sales.adminId() + ")", "50 GB of storage");
        page.screenshot("subaccounts-listed");

        page.click("#sub-" + sales.id() + " button.actions");
        page.click("#sub-" + sales.id() + " button.delete");
        page.type("#delete-typed", "Sales team");
        page.click("#delete-confirm");
        page.waitForText("#sub-notice", "was deleted");
        page.waitForText("#seats", "1 used, 2 free of 3");
        assertThat(listedOnThePage()).containsExactly(support.id()).isEqualTo(listedIds(account));
    }

    /** The ids of the sub-accounts the page lists, in its order. */
    private List<String> listedOnThePage() {
        return page.all("#sub-accounts li").stream()
                .map(li -> li.getDomAttribute("data-sub-account-id"))
                .toList();
    }

    /** The ids the sub-accounts function answers the owner, in its order. */
    private List<String> listedIds(Api.Account account) {
        return api.post("subaccounts", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .extract()
                .path("subAccounts.subAccountId");
    }

    private String seatsOf(Api.Account account) {
        return api.text("select id::text from purchase where account_id = ? and add_on = 'SUB_ACCOUNTS'", account.id());
    }
}
