package com.webinar.billing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.webinar.billing.architecture.Homes.APP;
import static com.webinar.billing.architecture.Homes.CORE;
import static com.webinar.billing.architecture.Homes.DEV;
import static com.webinar.billing.architecture.Homes.EVENTBRIDGE;
import static com.webinar.billing.architecture.Homes.FUNCTIONS;
import static com.webinar.billing.architecture.Homes.HTTP;
import static com.webinar.billing.architecture.Homes.LOCAL;
import static com.webinar.billing.architecture.Homes.MODEL;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** functions → billing-http → billing-app → billing-model → billing-core, and no arrow back up. */
@AnalyzeClasses(packages = Homes.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule layers_only_point_down = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("functions")
            .definedBy(FUNCTIONS)
            .layer("eventbridge")
            .definedBy(EVENTBRIDGE)
            .layer("http")
            .definedBy(HTTP)
            .layer("app")
            .definedBy(APP)
            .layer("model")
            .definedBy(MODEL)
            .layer("core")
            .definedBy(CORE)
            .layer("local")
            .definedBy(LOCAL)
            .whereLayer("functions")
            .mayOnlyBeAccessedByLayers("local")
            .whereLayer("eventbridge")
            .mayOnlyBeAccessedByLayers("functions")
            .whereLayer("http")
            .mayOnlyBeAccessedByLayers("functions", "local")
            .whereLayer("app")
            .mayOnlyBeAccessedByLayers("http", "functions", "eventbridge", "local")
            .whereLayer("model")
            .mayOnlyBeAccessedByLayers("app", "http", "functions", "local")
            .whereLayer("local")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule billing_core_depends_on_the_jdk_alone = classes()
            .that()
            .resideInAPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(CORE, "java..", "javax.crypto..")
            .because("billing-core holds the billing rules, pure Java: no framework, no integration");

    @ArchTest
    static final ArchRule billing_app_carries_no_http = noClasses()
            .that()
            .resideInAPackage(APP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.vertx..", "io.quarkus.vertx..", "io.quarkus.funqy..", "jakarta.ws..", "io.quarkus.resteasy..")
            .because("the use cases serve HTTP functions and scheduled handlers alike: HTTP is billing-http's");

    @ArchTest
    static final ArchRule billing_app_has_no_http_package = noClasses()
            .that()
            .resideInAPackage(APP)
            .should()
            .resideInAPackage("..http..")
            .because("input checks belong with the use cases, not under a name that says HTTP");

    @ArchTest
    static final ArchRule the_caller_is_no_entity = noClasses()
            .that()
            .resideInAPackage("com.webinar.billing.app.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(MODEL)
            .because("who calls, and in which role, is a billing fact (billing-core), not a row");

    @ArchTest
    static final ArchRule nothing_deployed_depends_on_dev_support = noClasses()
            .that()
            .resideInAnyPackage(CORE, MODEL, APP, HTTP, FUNCTIONS, EVENTBRIDGE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(DEV)
            .because("dev-support is provided scope: never in a function.zip");
}
