package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.testing.seeds.FixedSeedOnCi;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every field validator of the built-in access methods, on any text: it answers (never throws), and a problem is one
 * line that names the field and never quotes a secret field's value.
 */
@AddLifecycleHook(FixedSeedOnCi.class)
class FieldValidatorPropertiesTest {
    private static final List<AccessMethod> METHODS =
            List.of(new AwsIamUserAccessMethod(), new AwsIamRoleChainedAccessMethod());
    /** How each field's messages name it. */
    private static final Map<String, String> NAMED_AS = Map.of(
            "access-key-id", "access key id",
            "secret-access-key", "secret access key",
            "mfa-device", "MFA device",
            "mfa-session-duration", "MFA session duration",
            "mfa-command", "MFA command",
            "role-arn", "role ARN",
            "role-session-name", "role session name",
            "external-id", "external id",
            "source-identity", "source identity",
            "duration", "duration");

    private static final String HOSTILE = "[]\n\r\t =:;#\"'\\/\u0000\u001b\u007f\u0085\u2028\u202e\ufeffé日"
            + "-_.@+,arn:aws:iam::123456789012:role/mfa/AKIAEXAMPLE0123456789";
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    @Property(tries = 3000)
    void everyValidatorAnswersWithOneLineNamingItsField(
            @ForAll("fields") FieldSpec field, @ForAll("values") String value) {
        Optional<String> problem;
        try {
            problem = field.validator().problem(value);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("the validator of --" + field.name() + " threw " + e, e);
        }
        assertNotNull(problem);
        if (problem.isEmpty()) {
            ACCEPTED.incrementAndGet();
            return;
        }
        String message = problem.get();
        String bad = message.codePoints()
                .filter(c -> Character.isISOControl(c)
                        || c == 0x2028
                        || c == 0x2029
                        || Character.getType(c) == Character.FORMAT)
                .mapToObj(c -> String.format("U+%04X", c))
                .collect(Collectors.joining(","));
        assertTrue(bad.isEmpty(), "--" + field.name() + ": the message holds " + bad);
        String named = NAMED_AS.get(field.name());
        assertNotNull(named, "no expected wording for --" + field.name() + ": add it to NAMED_AS");
        assertTrue(
                message.toLowerCase(Locale.ROOT).contains(named.toLowerCase(Locale.ROOT)),
                "--" + field.name() + ": the message does not name the field: " + message);
        if (field.sensitivity() == FieldSpec.Sensitivity.SECRET) {
            for (int i = 0; i + 6 <= value.length(); i++) {
                assertFalse(message.contains(value.substring(i, i + 6)), "a secret is quoted: " + message);
            }
        }
        REFUSED.incrementAndGet();
    }

    @Property(tries = 500)
    void theChainedDurationCheckAnswersForAnyText(@ForAll("values") String duration, @ForAll boolean chained) {
        Optional<String> problem =
                new AwsIamRoleChainedAccessMethod().validate(Map.of("duration", duration), Optional.of(chained));
        problem.ifPresent(p -> assertTrue(p.contains("duration") && p.lines().count() == 1, p));
    }

    @AfterContainer
    static void printFigures() {
        long fields = METHODS.stream().mapToLong(m -> m.fields().size()).sum();
        System.out.println("reliability: access-method field validators: " + fields + " fields of "
                + METHODS.size() + " built-in methods, " + (ACCEPTED.get() + REFUSED.get()) + " generated values, "
                + ACCEPTED.get() + " accepted, " + REFUSED.get() + " refused on one line naming the field, 0 thrown");
    }

    @Provide
    Arbitrary<FieldSpec> fields() {
        return Arbitraries.of(METHODS.stream().flatMap(m -> m.fields().stream()).toList());
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> plausible = Arbitraries.of(
                "AKIAIOSFODNN7EXAMPLE",
                "arn:aws:iam::123456789012:role/ops",
                "arn:aws:iam::123456789012:mfa/alice",
                "GAHT12345678",
                "hop-1",
                "ext:id/with=chars",
                "3600",
                "900",
                "129600",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Arbitrary<String> edited = Arbitraries.lazy(() -> plausible)
                .flatMap(p -> Arbitraries.integers()
                        .between(0, p.length())
                        .flatMap(i -> Arbitraries.chars()
                                .with(HOSTILE.toCharArray())
                                .map(c -> p.substring(0, i) + c + p.substring(i))));
        return Arbitraries.frequencyOf(
                Tuple.of(2, plausible),
                Tuple.of(4, edited),
                Tuple.of(2, Arbitraries.strings().withChars(HOSTILE).ofMaxLength(100)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(300)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars(HOSTILE)
                                .ofMinLength(1300)
                                .ofMaxLength(5000)));
    }
}
