package com.webinar.billing.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.webinar.billing.app.fixture.UseCaseThatSpeaksTheOutsideWorld;
import com.webinar.billing.app.http.fixture.CheckInAnHttpPackage;
import com.webinar.billing.core.fixture.RuleThatUsesAFramework;
import com.webinar.billing.functions.fixture.HelperBesideTheFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fails on a bad class made for it (in this module's tests, which the rules' own import leaves out). */
class RulesCatchTest {
    private static final JavaClasses BAD = new ClassFileImporter()
            .importClasses(
                    RuleThatUsesAFramework.class,
                    CheckInAnHttpPackage.class,
                    UseCaseThatSpeaksTheOutsideWorld.class,
                    UseCaseThatSpeaksTheOutsideWorld.StripeCharges.class,
                    HelperBesideTheFunction.class);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("billing-core on a library", LayersTest.billing_core_depends_on_the_jdk_alone),
                Arguments.of("billing-app on Vert.x", LayersTest.billing_app_carries_no_http),
                Arguments.of("an http package in billing-app", LayersTest.billing_app_has_no_http_package),
                Arguments.of("a native query in billing-app", SqlTest.no_query_text_runs_outside_billing_model),
                Arguments.of(
                        "the AWS SDK in a use case",
                        IntegrationsTest.the_aws_sdk_is_used_in_its_integration_packages_only),
                Arguments.of(
                        "a Stripe class in a use case",
                        IntegrationsTest.only_the_stripe_package_names_classes_after_stripe),
                Arguments.of("a helper in a function's package", FunctionsTest.a_function_class_is_an_adapter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void the_rule_fails_on_a_class_that_breaks_it(String breach, ArchRule rule) {
        assertThatThrownBy(() -> rule.check(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("was violated");
    }
}
