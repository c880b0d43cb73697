package com.webinar.billing.functions.subaccountcreate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.purchase.BuyAddOn;
import com.webinar.billing.app.purchase.QuoteAddOn;
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
class SubAccountCreateLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuoteAddOn quotes;

    @Inject
    BuyAddOn purchases;

    @Test
    void a_v2_event_creates_a_sub_account_in_the_free_seat_then_finds_none_free() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);
        Caller caller = new Caller(owner.userId(), owner.accountId(), Role.OWNER, null);
        UUID seats = purchases
                .buy(
                        caller,
                        new BuyAddOn.Request(
                                quotes.quote(caller, new QuoteAddOn.Request(AddOn.SUB_ACCOUNTS, 1))
                                        .quoteId(),
                                "k"))
                .purchaseId();

        String created = create(owner, "admin-" + owner.accountId());
        String refused = create(owner, "second-admin-" + owner.accountId());

        assertThat(LambdaEvents.statusOf(created)).as(created).isEqualTo(200);
        JsonNode subAccount = LambdaEvents.bodyOf(created);
        assertThat(subAccount.get("purchaseId").asText()).isEqualTo(seats.toString());
        assertThat(subAccount.get("name").asText()).isEqualTo("Sales");
        assertThat(LambdaEvents.refusalOf(refused)).isEqualTo(new Refusal(409, "no_free_seat"));
    }

    private static String create(LambdaEvents.Owner owner, String adminId) {
        return LambdaEvents.send(LambdaEvents.post(
                "subaccount-create",
                owner.token(),
                "{\"name\":\"Sales\",\"storageGb\":5,\"recordingHours\":2,\"admin\":{\"userId\":\"" + adminId
                        + "\",\"name\":\"Sam\"}}"));
    }
}
