package com.webinar.billing.functions.subaccounts;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class SubAccountsLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuoteAddOn quotes;

    @Inject
    BuyAddOn purchases;

    @Inject
    CreateSubAccount subAccounts;

    @Test
    void a_v2_event_lists_the_sub_accounts_and_the_seats_and_refuses_a_field() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);
        Caller caller = new Caller(owner.userId(), owner.accountId(), Role.OWNER, null);
        UUID quote = quotes.quote(caller, new QuoteAddOn.Request(AddOn.SUB_ACCOUNTS, 2))
                .quoteId();
        UUID seats = purchases.buy(caller, new BuyAddOn.Request(quote, "k-1")).purchaseId();
        var admin = new CreateSubAccount.Admin("admin-" + owner.accountId(), "Sam");
        UUID subAccount = subAccounts
                .create(caller, new CreateSubAccount.Request("Sales", 5, 2, admin))
                .subAccountId();

        String listed = LambdaEvents.send(LambdaEvents.post("subaccounts", owner.token(), "{}"));
        String unknown = LambdaEvents.send(LambdaEvents.post("subaccounts", owner.token(), "{\"all\":true}"));

        assertThat(LambdaEvents.statusOf(listed)).as(listed).isEqualTo(200);
        JsonNode answer = LambdaEvents.bodyOf(listed);
        assertThat(answer.get("subAccounts")).hasSize(1);
        JsonNode sales = answer.get("subAccounts").get(0);
        assertThat(sales.get("subAccountId").asText()).isEqualTo(subAccount.toString());
        assertThat(sales.get("admin").get("userId").asText()).isEqualTo(admin.userId());
        assertThat(sales.get("purchaseId").asText()).isEqualTo(seats.toString());
        assertThat(answer.get("seats").toString()).isEqualTo("{\"total\":2,\"used\":1,\"free\":1}");
        assertThat(LambdaEvents.refusalOf(unknown)).isEqualTo(new Refusal(400, "invalid_request"));
    }
}
