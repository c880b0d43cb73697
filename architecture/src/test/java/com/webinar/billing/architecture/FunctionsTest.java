package com.webinar.billing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.webinar.billing.architecture.Homes.EVENTBRIDGE;
import static com.webinar.billing.architecture.Homes.FUNCTIONS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A function module holds its adapter and nothing else: a class with a {@code @Funq} method or a Lambda {@code
 * RequestHandler} (and the records nested in it), one per module. The event-relay zip also carries the EventBridge
 * integration, in its own package.
 */
@AnalyzeClasses(packages = Homes.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class FunctionsTest {
    private static final String FUNQ = "io.quarkus.funqy.Funq";
    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";

    @ArchTest
    static final ArchRule a_function_class_is_an_adapter = classes()
            .that()
            .resideInAPackage(FUNCTIONS)
            .should(beAnAdapterOrNestedInOne())
            .because("a function is a @Funq method or a handler of a few lines over one use case");

    @ArchTest
    static final ArchRule a_function_module_holds_one_adapter = classes()
            .that()
            .resideInAPackage(FUNCTIONS)
            .and()
            .areTopLevelClasses()
            .should(beTheOnlyTopLevelClassOfTheirPackage())
            .because("one module per Lambda, and its module holds its adapter alone");

    @ArchTest
    static final ArchRule a_function_module_holds_no_other_package = classes()
            .that(areInAFunctionModule())
            .should()
            .resideInAnyPackage(FUNCTIONS, EVENTBRIDGE)
            .because("what functions share lives in billing-app or billing-http, not in one function's module");

    private static ArchCondition<JavaClass> beAnAdapterOrNestedInOne() {
        return new ArchCondition<>("be a @Funq holder or a RequestHandler, or nested in one") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                JavaClass outer = javaClass;
                while (outer.getEnclosingClass().isPresent()) {
                    outer = outer.getEnclosingClass().get();
                }
                boolean adapter = outer.isAssignableTo(REQUEST_HANDLER)
                        || outer.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(FUNQ));
                events.add(new SimpleConditionEvent(
                        javaClass,
                        adapter,
                        javaClass.getName() + (adapter ? " is" : " is not") + " an adapter (@Funq or RequestHandler)"));
            }
        };
    }

    private static ArchCondition<JavaClass> beTheOnlyTopLevelClassOfTheirPackage() {
        return new ArchCondition<>("be the only top-level class of their package") {
            private Map<String, List<String>> byPackage = Map.of();

            @Override
            public void init(Collection<JavaClass> all) {
                byPackage = all.stream()
                        .filter(JavaClass::isTopLevelClass)
                        .collect(Collectors.groupingBy(
                                JavaClass::getPackageName,
                                Collectors.mapping(JavaClass::getSimpleName, Collectors.toList())));
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> siblings = byPackage.getOrDefault(javaClass.getPackageName(), List.of());
                events.add(new SimpleConditionEvent(
                        javaClass,
                        siblings.size() == 1,
                        javaClass.getPackageName() + " holds "
                                + siblings.stream().sorted().toList()));
            }
        };
    }

    /** By where the class was read from: a function module's classes or jar (functions/<name>/target/...). */
    private static DescribedPredicate<JavaClass> areInAFunctionModule() {
        return DescribedPredicate.describe(
                "are in a function module",
                javaClass -> javaClass.getSource().map(source -> source.getUri().toString()).stream()
                        .anyMatch(uri -> uri.contains("/functions/") || uri.contains("/function-")));
    }
}
