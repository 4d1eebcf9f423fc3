package io.rolehop.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of {@link ArchitectureRule} holds for the production classes of the rolehop rings. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // The rings only: test-support, the SPI test kit, example plugins and these fixtures are not the application.
        // The upstream rings arrive as jars (or target/classes in a reactor build); the cli's own tests share its
        // packages and are left out by location.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Rings.ROLEHOP.moduleRoots());
    }

    @ParameterizedTest
    @EnumSource
    void productionCodeFollows(ArchitectureRule rule) {
        rule.on(Rings.ROLEHOP).check(production);
    }

    @Test
    void everyRingHasClasses() {
        // A rule of the form "no class outside X ..." passes when X is mistyped: make sure every ring is real.
        for (String ring : List.of(
                Rings.ROLEHOP.domain(),
                Rings.ROLEHOP.application(),
                Rings.ROLEHOP.adaptersAws(),
                Rings.ROLEHOP.adaptersFilesystem(),
                Rings.ROLEHOP.cli(),
                Rings.ROLEHOP.cliPlugin())) {
            assertFalse(production.that(resideInAPackage(ring)).isEmpty(), "no class imported in " + ring);
        }
    }

    @Test
    void testClassesAreNotImported() {
        List<String> tests = production.stream()
                .filter(javaClass -> javaClass
                        .getSource()
                        .map(s -> s.getUri().toString().contains("/test-classes/"))
                        .orElse(false))
                .map(JavaClass::getName)
                .toList();
        assertTrue(tests.isEmpty(), () -> "test classes imported as production code: " + tests);
    }

    @Test
    void aRuleOverAMistypedPackageFails() {
        // failOnEmptyShould must stay on: a rule that selects nothing would otherwise pass silently.
        Rings mistyped = new Rings("io.rolehop.mistyped");
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> ArchitectureRule.DOMAIN_DEPENDS_ONLY_ON_JAVA.on(mistyped).check(production));
        assertTrue(error.getMessage().contains("failed to check any classes"), error.getMessage());
    }
}
