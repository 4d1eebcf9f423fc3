package io.rolehop.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the loader refuses to offer: methods that cannot describe themselves, or whose fields clash. */
class AccessMethodLoaderTest {

    private static AccessMethod method(Supplier<List<FieldSpec>> fields) {
        return new AccessMethod() {
            @Override
            public String id() {
                return "test-method";
            }

            @Override
            public String displayName() {
                return "Test method";
            }

            @Override
            public List<FieldSpec> fields() {
                return fields.get();
            }

            @Override
            public AwsCredentials credentials(CredentialsContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static FieldSpec field(String name) {
        return FieldSpec.optional(name, "a field", FieldValidator.any());
    }

    @Test
    void aWellFormedMethodPasses() {
        assertEquals(Optional.empty(), AccessMethodLoader.problemWith(method(() -> List.of(field("command")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alias", "profile", "region", "assumer", "force", "output", "help", "version", "mode",
        "debug", "mfa-code"})
    void aFieldNamedLikeOneOfRolehopsOptionsIsRefused(String name) {
        Optional<String> problem = AccessMethodLoader.problemWith(method(() -> List.of(field("command"), field(name))));

        assertTrue(problem.isPresent() && problem.get().contains("'" + name + "'"), problem::toString);
    }

    @Test
    void fieldsThatThrowAreRefusedWithTheReason() {
        Optional<String> problem = AccessMethodLoader.problemWith(method(() -> {
            throw new IllegalStateException("boom");
        }));

        assertEquals(Optional.of("fails to describe itself (IllegalStateException: boom)"), problem);
    }

    @Test
    void nullFieldsAndDuplicatesAreRefused() {
        List<FieldSpec> withNull = new ArrayList<>();
        withNull.add(null);
        assertTrue(AccessMethodLoader.problemWith(method(() -> null)).isPresent());
        assertTrue(AccessMethodLoader.problemWith(method(() -> withNull)).isPresent());
        assertTrue(AccessMethodLoader.problemWith(method(() -> List.of(field("a"), field("a")))).isPresent());
        assertTrue(AccessMethodLoader.problemWith(method(() -> List.of(field("key"), field("key-stdin")))).isPresent());
        assertTrue(AccessMethodLoader.problemWith(method(() -> List.of(field("key-stdin"), field("key")))).isPresent());
    }

    @Test
    void theBuiltInMethodsPass() {
        List<AccessMethodLoader.Found> found = new AccessMethodLoader(List.of(), w -> {
            throw new AssertionError("warning: " + w);
        }).load();

        assertEquals(List.of("aws-iam-user", "aws-iam-role-chained"),
                found.stream().map(f -> f.method().id()).toList());
        found.forEach(f -> assertEquals(Optional.empty(), AccessMethodLoader.problemWith(f.method())));
    }
}
