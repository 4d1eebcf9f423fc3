package io.rolehop.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rolehop.application.ApplicationException;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.AccessMethodChecks;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.DomainException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The contract every access method must honour. Extend it in your plugin's tests, give it an instance of your method
 * and one valid set of field values, and, where you can, a context in which your method obtains real credentials:
 *
 * <pre>{@code
 * class MyMethodContractTest extends AccessMethodContractTest {
 *     protected AccessMethod method() { return new MyMethod(); }
 *     protected Map<String, String> validFields() { return Map.of("command", "my-tool creds"); }
 * }
 * }</pre>
 */
public abstract class AccessMethodContractTest {
    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "\n",
            "[default]\naws_access_key_id = X",
            "\u0000",
            "x".repeat(10_000),
            "ünïcödé",
            "'; rm -rf / #",
            "${jndi:ldap://x}",
            "%s%n");

    /** The method under test, as the plugin's ServiceLoader would create it. */
    protected abstract AccessMethod method();

    /** Field values with which {@link AccessMethod#validate} must find no problem. */
    protected abstract Map<String, String> validFields();

    /**
     * A context in which {@link AccessMethod#credentials} succeeds, if the test can build one (with a fake STS, a
     * local emulator or a scripted tool). Empty skips the credential checks.
     */
    protected Optional<TestCredentialsContext> workingContext() {
        return Optional.empty();
    }

    @Test
    void idIsValidAndStable() {
        String id = method().id();
        assertNotNull(id, "id()");
        assertTrue(id.matches("[a-z0-9][a-z0-9-]{1,63}"), "id '" + id + "' must be 2-64 of [a-z0-9-]");
        assertEquals(id, method().id(), "id() must not change between calls");
        assertEquals(id, newInstance().id(), "two instances must have the same id");
    }

    /** Exactly the checks rolehop's plugin loader runs before it offers a method: failing them, it is skipped. */
    @Test
    void passesTheChecksRolehopRunsBeforeLoadingIt() {
        AccessMethodChecks.problemWith(method())
                .ifPresent(problem -> fail("rolehop would skip this method: it " + problem));
    }

    @Test
    void describesItself() {
        AccessMethod method = method();
        assertFalse(method.displayName() == null || method.displayName().isBlank(), "displayName()");
        assertFalse(method.description() == null || method.description().isBlank(), "description()");
        assertNotNull(method.version(), "version()");
    }

    @Test
    void fieldsAreWellFormed() {
        List<FieldSpec> fields = method().fields();
        assertNotNull(fields, "fields()");
        for (FieldSpec field : fields) {
            assertFalse(field.help().isBlank(), "field " + field.name() + " needs a help text");
            field.defaultValue()
                    .ifPresent(d -> assertEquals(
                            Optional.empty(),
                            field.validator().problem(d),
                            "the default of " + field.name() + " must pass its own validator"));
        }
    }

    @Test
    void validFieldsPassEveryValidator() {
        Map<String, String> valid = validFields();
        for (FieldSpec field : method().fields()) {
            String value = valid.get(field.name());
            if (field.required()) {
                assertNotNull(value, "validFields() must give the required field " + field.name());
            }
            if (value != null) {
                assertEquals(Optional.empty(), field.validator().problem(value), "validator of " + field.name());
            }
        }
        assertEquals(
                Optional.empty(),
                method().validate(valid, method().requiresAssumer() ? Optional.of(false) : Optional.empty()),
                "validate(validFields())");
    }

    @Test
    void validatorsAnswerHostileInputWithoutThrowingAndNeverQuoteSecrets() {
        for (FieldSpec field : method().fields()) {
            for (String input : HOSTILE) {
                Optional<String> problem = assertDoesNotThrow(
                        () -> field.validator().problem(input),
                        "validator of " + field.name() + " threw on hostile input");
                assertNotNull(problem);
                if (field.sensitivity() == FieldSpec.Sensitivity.SECRET && input.length() > 3 && problem.isPresent()) {
                    assertFalse(
                            problem.get().contains(input),
                            "the problem text of secret field " + field.name() + " quotes the value");
                }
                problem.ifPresent(p -> assertFalse(p.contains("\n"), "problem texts are one line: " + p));
            }
        }
    }

    @Test
    void validateToleratesMissingValues() {
        assertDoesNotThrow(() -> method().validate(Map.of(), Optional.empty()));
        assertDoesNotThrow(() -> method().validate(Map.of(), Optional.of(true)));
    }

    @Test
    void saysWhereItsCredentialsAreCachedWithoutFailingAndAlwaysTheSame() {
        boolean first = assertDoesNotThrow(() -> method().cacheInSecretStore(), "cacheInSecretStore()");
        assertEquals(first, method().cacheInSecretStore(), "cacheInSecretStore() depends on the method only");
        boolean keeps = assertDoesNotThrow(() -> method().keepsSecrets(), "keepsSecrets()");
        assertEquals(keeps, method().keepsSecrets(), "keepsSecrets() depends on the method only");
    }

    @Test
    void namesOnlyItsOwnSecretFieldsAsAnAccessKey() {
        Optional<AccessKeyFields> key = assertDoesNotThrow(() -> method().accessKeyFields(), "accessKeyFields()");
        assertNotNull(key, "accessKeyFields() must not return null");
        assertEquals(key, method().accessKeyFields(), "accessKeyFields() depends on the method only");
        key.ifPresent(fields -> {
            FieldSpec id = field(fields.accessKeyId());
            FieldSpec secret = field(fields.secretAccessKey());
            assertTrue(id.isStoredAsSecret(), "the access key id field must be kept in the secret store");
            assertEquals(
                    FieldSpec.Sensitivity.SECRET, secret.sensitivity(), "the secret access key field must be SECRET");
        });
    }

    private FieldSpec field(String name) {
        return method().fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("accessKeyFields() names '" + name + "', which is not a field"));
    }

    @Test
    void hasAPublicNoArgumentConstructor() throws NoSuchMethodException {
        Constructor<?> constructor = method().getClass().getConstructor();
        assertTrue(Modifier.isPublic(constructor.getModifiers()));
        assertTrue(Modifier.isPublic(method().getClass().getModifiers()), "the provider class must be public");
    }

    @Test
    void isRegisteredForServiceLoader() {
        Class<?> type = method().getClass();
        boolean found = ServiceLoader.load(AccessMethod.class, type.getClassLoader()).stream()
                .anyMatch(p -> p.type().equals(type));
        assertTrue(
                found,
                type.getName() + " is not listed in META-INF/services/" + AccessMethod.class.getName()
                        + " (register it there and with 'provides' in module-info.java)");
    }

    @Test
    void obtainsCredentialsInAWorkingContext() {
        Optional<TestCredentialsContext> context = workingContext();
        if (context.isEmpty()) {
            return;
        }
        AwsCredentials credentials = method().credentials(context.get());
        assertNotNull(credentials, "credentials() must not return null");
        String shown = credentials.toString();
        assertFalse(shown.contains(credentials.secretAccessKey()), "toString() shows the secret key");
    }

    @Test
    void failsWithAUserFitExceptionWhenFieldsAreMissing() {
        Optional<TestCredentialsContext> context = workingContext();
        if (context.isEmpty()) {
            return;
        }
        TestCredentialsContext empty = context.get().withoutFields();
        try {
            method().credentials(empty);
            if (!method().fields().stream().noneMatch(FieldSpec::required)) {
                fail("credentials() succeeded although every required field was missing");
            }
        } catch (ApplicationException | DomainException expected) {
            assertNotNull(expected.getMessage());
            assertFalse(expected.getMessage().isBlank());
        }
    }

    private AccessMethod newInstance() {
        try {
            return method().getClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create a second instance with the public no-arg constructor", e);
        }
    }
}
