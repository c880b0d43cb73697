package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R11: who may call cancel, subaccount-create and subaccount-delete, on account A's purchase and sub-account. */
@QuarkusTest
class CancelAndSubAccountAuthorizationTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    /** Account A with 2 seats, one taken by a sub-account (whose admin is the sub-account user), and account B. */
    record Scene(Api.Account a, String seats, SubAccountSteps.SubAccount subAccount, Api.Account b) {}

    enum Who {
        OWNER(s -> s.a().ownerId()),
        MEMBER(s -> s.a().memberId()),
        SUB_ACCOUNT_USER(s -> s.subAccount().adminId()),
        OTHER_ACCOUNTS_OWNER(s -> s.b().ownerId()),
        NO_TOKEN(s -> null);

        final Function<Scene, String> userId;

        Who(Function<Scene, String> userId) {
            this.userId = userId;
        }
    }

    enum Call {
        CANCEL("cancel", s -> Map.of("purchaseId", s.seats(), "confirmErasure", true)),
        SUBACCOUNT_CREATE(
                "subaccount-create",
                s -> Map.of(
                        "name",
                        "New team",
                        "storageGb",
                        1,
                        "recordingHours",
                        1,
                        "admin",
                        Map.of("userId", "admin-" + UUID.randomUUID(), "name", "New admin"))),
        SUBACCOUNT_DELETE(
                "subaccount-delete", s -> Map.of("subAccountId", s.subAccount().id(), "confirm", true));

        final String function;
        final Function<Scene, Map<String, Object>> body;

        Call(String function, Function<Scene, Map<String, Object>> body) {
            this.function = function;
            this.body = body;
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Call.CANCEL, Who.OWNER, 200, null),
                Arguments.of(Call.CANCEL, Who.MEMBER, 403, "forbidden"),
                Arguments.of(Call.CANCEL, Who.SUB_ACCOUNT_USER, 403, "forbidden"),
                Arguments.of(Call.CANCEL, Who.OTHER_ACCOUNTS_OWNER, 404, "not_found"),
                Arguments.of(Call.CANCEL, Who.NO_TOKEN, 401, "unauthenticated"),
                Arguments.of(Call.SUBACCOUNT_CREATE, Who.OWNER, 200, null),
                Arguments.of(Call.SUBACCOUNT_CREATE, Who.MEMBER, 403, "forbidden"),
                Arguments.of(Call.SUBACCOUNT_CREATE, Who.SUB_ACCOUNT_USER, 403, "forbidden"),
                // B's owner creates in B, which has no seat; A's seats are never B's
                Arguments.of(Call.SUBACCOUNT_CREATE, Who.OTHER_ACCOUNTS_OWNER, 409, "no_free_seat"),
                Arguments.of(Call.SUBACCOUNT_CREATE, Who.NO_TOKEN, 401, "unauthenticated"),
                Arguments.of(Call.SUBACCOUNT_DELETE, Who.OWNER, 200, null),
                Arguments.of(Call.SUBACCOUNT_DELETE, Who.MEMBER, 403, "forbidden"),
                Arguments.of(Call.SUBACCOUNT_DELETE, Who.SUB_ACCOUNT_USER, 403, "forbidden"),
                Arguments.of(Call.SUBACCOUNT_DELETE, Who.OTHER_ACCOUNTS_OWNER, 404, "not_found"),
                Arguments.of(Call.SUBACCOUNT_DELETE, Who.NO_TOKEN, 401, "unauthenticated"));
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("table")
    void each_function_answers_each_caller_as_r11_says(Call call, Who who, int status, String code) {
        Api.Account b = api.seedAccount();
        api.buy(b, "PRESENTERS", 1);
        Api.Account a = api.seedAccount();
        String seats = api.buy(a, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount subAccount = steps.create(a, "Team A");
        steps.addData(subAccount.id(), "Team A", 1, 1, 1);
        Scene scene = new Scene(a, seats, subAccount, b);
        String aBefore = api.stateOf(a);
        String bBefore = api.stateOf(b);
        String userId = who.userId.apply(scene);

        var answer = api.post(call.function, userId == null ? null : api.token(userId), call.body.apply(scene))
                .then()
                .statusCode(status);

        if (code == null) {
            assertThat(api.stateOf(a)).isNotEqualTo(aBefore);
        } else {
            answer.contentType("application/problem+json").body("code", equalTo(code));
            assertThat(api.stateOf(a)).isEqualTo(aBefore);
            assertThat(steps.dataOf(subAccount.id())).containsExactly(1L, 1L, 1L, 1L);
        }
        assertThat(api.stateOf(b)).isEqualTo(bBefore);
    }
}
