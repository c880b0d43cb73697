package com.webinar.billing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.webinar.billing.architecture.Homes.DEV;
import static com.webinar.billing.architecture.Homes.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SQL only in billing-model, behind repositories. Two approximations together: no code outside billing-model calls
 * what runs query text (JDBC statements, the EntityManager's and Hibernate's queries, Panache's queries by a string),
 * and no string literal outside billing-model reads as a statement. dev-support is left out: it is the tests' own
 * plain JDBC, never deployed.
 */
@AnalyzeClasses(packages = Homes.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class SqlTest {
    /** A literal that starts as a statement: select … from, insert into, update … set, delete from, DDL. */
    static final Pattern STATEMENT = Pattern.compile(
            "^\\s*(select\\s.+\\sfrom\\s|select\\s+(format|count|1|nextval)\\b|insert\\s+into\\s|update\\s+\\w+\\s+set\\s"
                    + "|delete\\s+from\\s|with\\s+\\w+\\s+as\\s*\\(|(create|alter|drop)\\s+(table|role|index|view|function"
                    + "|trigger|sequence|user)\\s|grant\\s|revoke\\s|analyze\\s|lock\\s+table\\s|truncate\\s)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Set<String> QUERY_METHODS = Set.of(
            "createNativeQuery",
            "createQuery",
            "createSelectionQuery",
            "createMutationQuery",
            "prepareStatement",
            "prepareCall",
            "createStatement",
            "execute",
            "executeQuery",
            "executeUpdate",
            "executeLargeUpdate",
            "addBatch");

    private static final Set<String> PANACHE_QUERIES =
            Set.of("find", "list", "stream", "count", "update", "delete", "exists");

    private static final DescribedPredicate<JavaCall<?>> RUNS_QUERY_TEXT =
            DescribedPredicate.describe("runs query text", SqlTest::runsQueryText);

    @ArchTest
    static final ArchRule no_query_text_runs_outside_billing_model = noClasses()
            .that()
            .resideOutsideOfPackages(MODEL, DEV)
            .should()
            .callCodeUnitWhere(RUNS_QUERY_TEXT)
            .because("SQL lives in billing-model, behind repositories with typed rows");

    @Test
    void no_statement_is_written_outside_billing_model() {
        List<SourceFiles.Literal> outside = SourceFiles.ofThisRepository().literals().stream()
                .filter(literal -> STATEMENT.matcher(literal.text()).find())
                .filter(literal -> !literal.file().startsWith("billing-model/"))
                .filter(literal -> !literal.file().startsWith("dev-support/"))
                .toList();

        assertThat(outside).as("SQL statements outside billing-model").isEmpty();
    }

    private static boolean runsQueryText(JavaCall<?> access) {
        JavaClass owner = access.getTargetOwner();
        String name = access.getName();
        if (QUERY_METHODS.contains(name)
                && (owner.isAssignableTo("java.sql.Connection")
                        || owner.isAssignableTo("java.sql.Statement")
                        || owner.isAssignableTo("jakarta.persistence.EntityManager")
                        || owner.isAssignableTo("org.hibernate.query.QueryProducer"))) {
            return true;
        }
        boolean panache = owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                || owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");
        return panache
                && PANACHE_QUERIES.contains(name)
                && access.getTarget().getRawParameterTypes().stream()
                        .findFirst()
                        .filter(first -> first.isEquivalentTo(String.class))
                        .isPresent();
    }
}
