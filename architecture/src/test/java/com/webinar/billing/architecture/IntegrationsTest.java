package com.webinar.billing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.webinar.billing.architecture.Homes.EVENTBRIDGE;
import static com.webinar.billing.architecture.Homes.SECRETS_MANAGER;
import static com.webinar.billing.architecture.Homes.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One home per integration: Stripe in {@code app.payment.stripe}, EventBridge in {@code eventbridge} (the
 * event-relay zip), Secrets Manager in {@code app.secrets}. The rest of the code sees neutral ports and events.
 */
@AnalyzeClasses(packages = Homes.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class IntegrationsTest {
    /** Words of Stripe's API and events that no neutral code has a reason to spell. */
    static final Pattern STRIPE_WIRE =
            Pattern.compile("Stripe-Signature|api\\.stripe\\.com|payment_intent|last_payment_error|decline_code|whsec_|"
                    + "/v1/payment_intents|/v1/customers");

    private static final String STRIPE_FOLDER = "com/webinar/billing/app/payment/stripe/";

    @ArchTest
    static final ArchRule the_aws_sdk_is_used_in_its_integration_packages_only = noClasses()
            .that()
            .resideOutsideOfPackages(EVENTBRIDGE, SECRETS_MANAGER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..")
            .because("EventBridge lives in com.webinar.billing.eventbridge and Secrets Manager in app.secrets");

    @ArchTest
    static final ArchRule the_stripe_sdk_is_used_in_the_stripe_package_only = noClasses()
            .that()
            .resideOutsideOfPackage(STRIPE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because("everything Stripe lives in app.payment.stripe");

    @ArchTest
    static final ArchRule only_the_stripe_package_names_classes_after_stripe = noClasses()
            .that()
            .resideOutsideOfPackages(STRIPE, Homes.MODEL)
            .should()
            .haveSimpleNameContaining("Stripe")
            .because("everything Stripe lives in app.payment.stripe (billing-model keeps the table of Stripe payers)");

    @ArchTest
    static final ArchRule nothing_but_the_stripe_package_reaches_into_it = noClasses()
            .that()
            .resideOutsideOfPackages(STRIPE, "com.webinar.billing.app.payment", Homes.FUNCTIONS, Homes.LOCAL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(STRIPE)
            .because("use cases see the neutral payment port and payment events; the provider choice"
                    + " (app.payment) and the webhook's adapter are the only doors");

    /**
     * Stripe's wire format (its header, its API's address, its events' fields) is spelt in the Stripe package alone.
     * local/ is left out: in dev mode it plays Stripe (DevAuthenticate sends the event Stripe would send).
     */
    @Test
    void stripes_wire_format_is_spelt_in_the_stripe_package_only() {
        List<SourceFiles.Literal> outside = SourceFiles.ofThisRepository().literals().stream()
                .filter(literal -> STRIPE_WIRE.matcher(literal.text()).find())
                .filter(literal -> !literal.file().contains(STRIPE_FOLDER))
                .filter(literal -> !literal.file().startsWith("local/"))
                .toList();

        assertThat(outside).as("Stripe's words outside app.payment.stripe").isEmpty();
    }
}
