package io.rolehop.application.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.AwsCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What rolehop refuses to offer: methods that cannot describe themselves, or whose fields clash. */
class AccessMethodChecksTest {

    private static AccessMethod method(Supplier<List<FieldSpec>> fields) {
        return method("test-method", fields);
    }

    private static AccessMethod method(String id, Supplier<List<FieldSpec>> fields) {
        return new AccessMethod() {
            @Override
            public String id() {
                return id;
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
        assertEquals(Optional.empty(), AccessMethodChecks.problemWith(method(() -> List.of(field("command")))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alias",
                "profile",
                "region",
                "assumer",
                "force",
                "output",
                "help",
                "version",
                "mode",
                "debug",
                "mfa-code"
            })
    void aFieldNamedLikeOneOfRolehopsOptionsIsRefused(String name) {
        Optional<String> problem = AccessMethodChecks.problemWith(method(() -> List.of(field("command"), field(name))));

        assertTrue(problem.isPresent() && problem.get().contains("'" + name + "'"), problem::toString);
    }

    @Test
    void fieldsThatThrowAreRefusedWithTheReason() {
        Optional<String> problem = AccessMethodChecks.problemWith(method(() -> {
            throw new IllegalStateException("boom");
        }));

        assertEquals(Optional.of("fails to describe itself (IllegalStateException: boom)"), problem);
    }

    @Test
    void nullFieldsAndDuplicatesAreRefused() {
        List<FieldSpec> withNull = new ArrayList<>();
        withNull.add(null);
        assertTrue(AccessMethodChecks.problemWith(method(() -> null)).isPresent());
        assertTrue(AccessMethodChecks.problemWith(method(() -> withNull)).isPresent());
        assertTrue(AccessMethodChecks.problemWith(method(() -> List.of(field("a"), field("a"))))
                .isPresent());
        assertTrue(AccessMethodChecks.problemWith(method(() -> List.of(field("key"), field("key-stdin"))))
                .isPresent());
        assertTrue(AccessMethodChecks.problemWith(method(() -> List.of(field("key-stdin"), field("key"))))
                .isPresent());
    }

    @Test
    void anInvalidIdIsRefused() {
        AccessMethod method = method("Bad_Id", List::of);

        assertTrue(AccessMethodChecks.problemWith(method).orElseThrow().startsWith("has an invalid id"));
    }
}
