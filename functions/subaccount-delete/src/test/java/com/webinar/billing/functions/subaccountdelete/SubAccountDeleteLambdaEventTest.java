package com.webinar.billing.functions.subaccountdelete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.purchase.BuyAddOn;
import com.webinar.billing.app.purchase.QuoteAddOn;
import com.webinar.billing.app.subaccount.CreateSubAccount;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.Role;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class SubAccountDeleteLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuoteAddOn quotes;

    @Inject
    BuyAddOn purchases;

    @Inject
    CreateSubAccount subAccounts;

    @Test
    void a_v2_event_asks_for_confirmation_then_erases_the_sub_account() throws Exception {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);
        Caller caller = new Caller(owner.userId(), owner.accountId(), Role.OWNER, null);
        UUID quote = quotes.quote(caller, new QuoteAddOn.Request(AddOn.SUB_ACCOUNTS, 1))
                .quoteId();
        purchases.buy(caller, new BuyAddOn.Request(quote, "k-1"));
        var admin = new CreateSubAccount.Admin("admin-" + owner.accountId(), "Sam");
        UUID subAccount = subAccounts
                .create(caller, new CreateSubAccount.Request("Sales", 5, 2, admin))
                .subAccountId();

        String unconfirmed = delete(owner, "{\"subAccountId\":\"" + subAccount + "\"}");
        String confirmed = delete(owner, "{\"subAccountId\":\"" + subAccount + "\",\"confirm\":true}");

        assertThat(LambdaEvents.refusalOf(unconfirmed)).isEqualTo(new Refusal(409, "confirmation_required"));
        assertThat(LambdaEvents.statusOf(confirmed)).as(confirmed).isEqualTo(200);
        JsonNode erased = LambdaEvents.bodyOf(confirmed);
        assertThat(erased.get("erased").get("users").asInt()).isEqualTo(1);
        assertThat(erased.get("seatFreed").asBoolean()).isTrue();
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from sub_account where id = '" + subAccount + "'")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    private static String delete(LambdaEvents.Owner owner, String body) {
        return LambdaEvents.send(LambdaEvents.post("subaccount-delete", owner.token(), body));
    }
}
