package io.rolehop.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.AccessMethodChecks;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit passes exactly the methods rolehop loads: whatever the loader's checks refuse (and so would skip with a
 * warning), the kit fails, and a method the loader accepts passes every check of the kit.
 */
class KitRunsTheLoadersChecksTest {

    /** Runs every check of the kit on {@code method}; returns the names of those that failed. */
    private static List<String> failuresOf(AccessMethod method) {
        AccessMethodContractTest kit = new AccessMethodContractTest() {
            @Override
            protected AccessMethod method() {
                return method;
            }

            @Override
            protected Map<String, String> validFields() {
                return Map.of();
            }
        };
        List<String> failed = new ArrayList<>();
        for (Method check : AccessMethodContractTest.class.getDeclaredMethods()) {
            // The registration check needs a services file per fake; it is not what this test is about.
            if (!check.isAnnotationPresent(Test.class) || check.getName().equals("isRegisteredForServiceLoader")) {
                continue;
            }
            check.setAccessible(true);
            try {
                check.invoke(kit);
            } catch (InvocationTargetException e) {
                failed.add(check.getName() + ": " + e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return failed;
    }

    static Stream<AccessMethod> refusedByTheLoader() {
        return Stream.of(
                new StdinTwinAfter(), new StdinTwinBefore(), new ReservedName(), new NullField(), new SameNameTwice());
    }

    @ParameterizedTest
    @MethodSource("refusedByTheLoader")
    void whatTheLoaderRefusesTheKitFails(AccessMethod method) {
        assertTrue(AccessMethodChecks.problemWith(method).isPresent(), "the loader refuses " + method.id());
        assertFalse(failuresOf(method).isEmpty(), method.id() + " passed the kit, yet rolehop would skip it");
    }

    @Test
    void whatTheLoaderAcceptsPassesTheKit() {
        AccessMethod method = new Fine();
        assertTrue(AccessMethodChecks.problemWith(method).isEmpty());
        assertEquals(List.of(), failuresOf(method));
    }

    private static FieldSpec field(String name) {
        return FieldSpec.optional(name, "a field", FieldValidator.any());
    }

    /** A minimal method with the given fields. */
    public static class Base implements AccessMethod {
        private final String id;
        private final List<FieldSpec> fields;

        Base(String id, List<FieldSpec> fields) {
            this.id = id;
            this.fields = fields;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Test " + id;
        }

        @Override
        public String description() {
            return "A method for the test kit's own tests.";
        }

        @Override
        public List<FieldSpec> fields() {
            return fields;
        }

        @Override
        public AwsCredentials credentials(CredentialsContext context) {
            throw new IllegalStateException("not called");
        }
    }

    public static final class Fine extends Base {
        public Fine() {
            super("fine", List.of(field("key"), field("other")));
        }
    }

    public static final class StdinTwinAfter extends Base {
        public StdinTwinAfter() {
            super("stdin-twin-after", List.of(field("key"), field("key-stdin")));
        }
    }

    public static final class StdinTwinBefore extends Base {
        public StdinTwinBefore() {
            super("stdin-twin-before", List.of(field("key-stdin"), field("key")));
        }
    }

    public static final class ReservedName extends Base {
        public ReservedName() {
            super("reserved-name", List.of(field("mfa-code")));
        }
    }

    public static final class NullField extends Base {
        public NullField() {
            super("null-field", java.util.Arrays.asList(field("key"), null));
        }
    }

    public static final class SameNameTwice extends Base {
        public SameNameTwice() {
            super("same-name-twice", List.of(field("key"), field("key")));
        }
    }
}
