package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.core.AccountCalendar;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.ResponseSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker (or a broken client) sends: text the database cannot store or would store altered, JSON with a
 * key twice, dates and zones that would break the account's calendar. Each is a 400 that changes nothing.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    Api api;

    /** JSON string contents, escaped as a client would send them. */
    @ParameterizedTest(name = "a name \"{0}\" is refused")
    @ValueSource(
            strings = {
                "Sam\\u0000",
                "Sam\\u0007",
                "Sam\\nSmith",
                "Sam\\u007f",
                "Sam\\u0085",
                "Sam\\ud800",
                "\\udc00Sam",
                "Sam\\ufffd"
            })
    void text_with_a_control_character_or_that_is_not_unicode_is_refused_and_nothing_is_stored(String name) {
        assertRefusedAndNotStored(name, "2026-01-10", "Europe/Paris");
    }

    @ParameterizedTest(name = "an id \"{0}\" is refused")
    @ValueSource(strings = {"\\u0000", "\\u001b[31m", "\\udbff"})
    void ids_and_idempotency_keys_with_a_control_character_are_refused(String bad) {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "PRESENTERS", 1);
        String before = api.stateOf(account);

        accountSync("acct-" + UUID.randomUUID() + bad, "Sam", "owner-" + UUID.randomUUID(), "2026-01-10", "UTC")
                .then()
                .spec(INVALID_REQUEST);
        accountSync("acct-" + UUID.randomUUID(), "Sam", "owner-" + UUID.randomUUID() + bad, "2026-01-10", "UTC")
                .then()
                .spec(INVALID_REQUEST);
        api.postRaw(
                        "purchase",
                        api.token(account.ownerId()),
                        "{\"quoteId\":\"" + quoteId + "\",\"idempotencyKey\":\"order" + bad + "\"}")
                .then()
                .spec(INVALID_REQUEST);
        api.postRaw(
                        "subaccount-create",
                        api.token(account.ownerId()),
                        "{\"name\":\"Sales" + bad + "\",\"storageGb\":1,\"recordingHours\":1,"
                                + "\"admin\":{\"userId\":\"admin-" + UUID.randomUUID() + "\",\"name\":\"Sam\"}}")
                .then()
                .spec(INVALID_REQUEST);

        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_token_whose_subject_holds_a_nul_byte_is_refused() {
        api.post("entitlements", api.token("owner-acme\u0000"), Map.of()).then().spec(INVALID_REQUEST);
    }

    @Test
    void a_body_that_is_not_utf_8_is_refused_and_nothing_is_stored() {
        String accountId = "acct-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(accountSyncBody(accountId, "Sam", "owner-" + accountId, "2026-01-10", "UTC")
                .replace("\"Sam\"", "\"Sa@@\"")
                .getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        int at = indexOf(bytes, "@@".getBytes(StandardCharsets.UTF_8));
        bytes[at] = (byte) 0xC3; // a lead byte followed by no continuation byte
        bytes[at + 1] = (byte) 0x28;

        Api.given()
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + api.serviceToken())
                .body(bytes)
                .post("/account-sync")
                .then()
                .spec(INVALID_REQUEST);

        assertThat(api.count("select count(*) from account where id = ?", accountId))
                .isZero();
    }

    @Test
    void a_body_with_a_key_twice_is_refused_rather_than_the_last_value_winning() {
        Api.Account account = api.seedAccount();

        api.postRaw("quote", api.token(account.ownerId()), "{\"addOn\":\"PRESENTERS\",\"quantity\":1,\"quantity\":100}")
                .then()
                .spec(INVALID_REQUEST);
        api.postRaw(
                        "account-sync",
                        api.serviceToken(),
                        accountSyncBody(account.id(), "Sam", account.ownerId(), "2026-01-10", "Europe/Paris")
                                .replace("\"owner\":{", "\"owner\":{\"userId\":\"intruder\","))
                .then()
                .spec(INVALID_REQUEST);

        assertThat(api.count("select count(*) from quote where account_id = ?", account.id()))
                .isZero();
        assertThat(api.count("select count(*) from app_user where id = 'intruder'"))
                .isZero();
    }

    @ParameterizedTest(name = "at {0} a cycle starting {1} in {2} is refused")
    @CsvSource({
        // 2026-01-10 begins at 23:00 UTC the day before in Paris
        "2026-01-09T22:59:59Z, 2026-01-10, Europe/Paris",
        "2026-01-22T10:15:00Z, 2026-01-23, America/Los_Angeles",
        "2026-01-22T10:15:00Z, 2027-01-01, UTC",
    })
    void an_account_whose_cycle_starts_after_its_today_is_refused(String now, String cycleStart, String zone) {
        api.now(now);
        assertRefusedAndNotStored("Sam", cycleStart, zone);
    }

    @Test
    void a_cycle_that_starts_today_in_the_account_zone_is_accepted_even_when_it_is_still_yesterday_in_utc() {
        api.now("2026-01-09T11:00:00Z"); // already 2026-01-10 01:00 in Kiritimati (UTC+14)
        String accountId = newAccount("2026-01-10", "Pacific/Kiritimati");

        quote(accountId).then().statusCode(200).body("daysRemaining", equalTo(30));
    }

    @Test
    void a_new_zone_in_which_the_cycle_has_not_started_yet_is_refused() {
        api.now("2026-01-09T11:00:00Z");
        String accountId = newAccount("2026-01-10", "Pacific/Kiritimati");

        // still 2026-01-09 in Honolulu: the stored cycle would not have begun there
        accountSync(accountId, "Sam", "owner-" + accountId, "2026-01-10", "Pacific/Honolulu")
                .then()
                .spec(INVALID_REQUEST);

        assertThat(api.text("select time_zone from account where id = ?", accountId))
                .isEqualTo("Pacific/Kiritimati");
        quote(accountId).then().statusCode(200);
    }

    /**
     * Only the tz database's region names: PostgreSQL reads the sign of "-05:00" or "UTC-5" the POSIX way, the
     * opposite of Java, so the tick would turn the cycle 10 hours before the account's midnight; SystemV names are
     * unknown to PostgreSQL.
     */
    @ParameterizedTest(name = "time zone \"{0}\" is refused")
    @ValueSource(strings = {"-05:00", "+14:00", "UTC-5", "GMT+03:00", "UT+1", "Z", "SystemV/EST5", "Europe/Atlantis"})
    void a_time_zone_that_is_not_a_region_of_the_tz_database_is_refused(String zone) {
        api.now("2026-01-22T10:15:00Z");
        assertRefusedAndNotStored("Sam", "2026-01-10", zone);
    }

    @Test
    void an_account_whose_cycle_started_long_ago_can_still_be_quoted() {
        api.now("2026-01-22T10:15:00Z");
        String accountId = newAccount("1970-01-01", "Europe/Paris");

        quote(accountId).then().statusCode(200).body("cycleStart", equalTo("2026-01-07"));
    }

    /** The tick computes the turn in SQL with the zone's name: the database must read every name as Java does. */
    @Test
    void every_zone_an_account_may_have_is_read_alike_by_the_database() {
        Map<String, Integer> database = new HashMap<>();
        String rows = api.text("select string_agg(name || '=' || extract(epoch from utc_offset)::int, ',') "
                + "from pg_timezone_names");
        for (String row : rows.split(",")) {
            database.put(
                    row.substring(0, row.lastIndexOf('=')), Integer.parseInt(row.substring(row.lastIndexOf('=') + 1)));
        }
        Instant now = Instant.now();

        Map<String, Integer> java = new HashMap<>();
        AccountCalendar.zoneNames()
                .forEach(zone ->
                        java.put(zone, ZoneId.of(zone).getRules().getOffset(now).getTotalSeconds()));

        assertThat(database).containsAllEntriesOf(java);
    }

    /** Dates BC are not read back as stored (or not at all: 4001 BC has no 29 February for the driver). */
    @ParameterizedTest(name = "a cycle starting {0} is refused")
    @ValueSource(strings = {"1969-12-31", "0001-01-01", "-4000-02-29", "-9999-01-01"})
    void a_cycle_start_before_1970_is_refused(String cycleStart) {
        api.now("2026-01-22T10:15:00Z");
        String accountId = "acct-" + UUID.randomUUID();

        accountSync(accountId, "Sam", "owner-" + accountId, cycleStart, "Europe/Paris");
    }

    @Test
    void a_signed_event_about_an_invoice_or_payment_key_we_do_not_have_is_acknowledged_and_recorded() {
        String byInvoice = StripeEvents.newEventId();
        String byKey = StripeEvents.newEventId();

        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                byInvoice,
                                "payment_intent.succeeded",
                                "pi_not_ours",
                                6000,
                                "eur",
                                Map.of("invoiceId", UUID.randomUUID().toString())),
                        api.now())
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(false));
        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                byKey,
                                "payment_intent.payment_failed",
                                "pi_not_ours",
                                6000,
                                "eur",
                                Map.of("paymentKey", "purchase-" + UUID.randomUUID())),
                        api.now())
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(false));

        assertThat(api.count("select count(*) from webhook_event where id in (?, ?)", byInvoice, byKey))
                .isEqualTo(2);
    }

    /** Signed, so it passes the signature; its id is what the database refuses (SQLSTATE 22021). */
    @Test
    void a_signed_event_whose_id_the_database_refuses_is_a_400_not_a_500() {
        String event = StripeEvents.otherEvent("evt_\\u0000nul", "customer.updated");

        StripeEvents.deliver(event, api.now()).then().spec(INVALID_REQUEST);
    }

    private static final ResponseSpecification INVALID_REQUEST = new ResponseSpecBuilder()
            .expectStatusCode(400)
            .expectContentType("application/problem+json")
            .expectBody("code", equalTo("invalid_request"))
            .build();

    /** account-sync refuses a new account with these values and stores nothing of it. */
    private void assertRefusedAndNotStored(String ownerName, String cycleStart, String zone) {
        String accountId = "acct-" + UUID.randomUUID();

        accountSync(accountId, ownerName, "owner-" + accountId, cycleStart, zone)
                .then()
                .spec(INVALID_REQUEST);

        assertThat(api.count("select count(*) from account where id = ?", accountId))
                .isZero();
    }

    private String newAccount(String cycleStart, String zone) {
        String accountId = "acct-" + UUID.randomUUID();
        accountSync(accountId, "Sam", "owner-" + accountId, cycleStart, zone)
                .then()
                .statusCode(200);
        return accountId;
    }

    private Response quote(String accountId) {
        return api.post("quote", api.token("owner-" + accountId), Map.of("addOn", "PRESENTERS", "quantity", 1));
    }

    private Response accountSync(String accountId, String ownerName, String ownerId, String cycleStart, String zone) {
        return api.postRaw(
                "account-sync", api.serviceToken(), accountSyncBody(accountId, ownerName, ownerId, cycleStart, zone));
    }

    /** Written by hand, not serialised: the strings go out exactly as given, escapes included. */
    static String accountSyncBody(String accountId, String ownerName, String ownerId, String cycleStart, String zone) {
        return """
                {"accountId":"%s","plan":"LIVE","billingPeriod":"MONTHLY","cycleStart":"%s","currency":"EUR",\
                "timeZone":"%s","owner":{"userId":"%s","name":"%s"},"members":[]}""".formatted(accountId, cycleStart, zone, ownerId, ownerName);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
