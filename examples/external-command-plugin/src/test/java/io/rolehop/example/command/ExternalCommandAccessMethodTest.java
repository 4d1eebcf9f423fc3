package io.rolehop.example.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs real commands through {@code sh -c}. */
class ExternalCommandAccessMethodTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String GOOD =
            "printf '%s' '{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLEEXAMPLE12\"," + "\"SecretAccessKey\":\"" + SECRET
                    + "\",\"SessionToken\":\"tok\",\"Expiration\":\"2031-01-01T00:00:00Z\"}'";

    private final ExternalCommandAccessMethod method = new ExternalCommandAccessMethod();

    static io.rolehop.spi.testkit.TestCredentialsContext context(Map<String, String> fields) {
        return new io.rolehop.spi.testkit.TestCredentialsContext(
                "external-command",
                fields,
                Optional.empty(),
                NoSts.INSTANCE,
                Optional.empty(),
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void readsTheCommandsOutput() {
        TemporaryCredentials c =
                assertInstanceOf(TemporaryCredentials.class, method.credentials(context(Map.of("command", GOOD))));
        assertEquals("ASIAEXAMPLEEXAMPLE12", c.accessKeyId());
        assertEquals(SECRET, c.secretAccessKey());
    }

    @Test
    void aFailingCommandIsReportedWithItsStatus() {
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> method.credentials(context(Map.of("command", "echo " + SECRET + "; exit 7"))));
        assertTrue(e.getMessage().contains("status 7"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void badJsonIsReportedWithoutTheOutput() {
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> method.credentials(
                        context(Map.of("command", "echo '{\"Version\":1,\"SecretAccessKey\":\"" + SECRET + "\"}'"))));
        assertTrue(e.getMessage().contains("AccessKeyId"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void aHangingCommandTimesOut() {
        long start = System.nanoTime();
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> method.credentials(context(Map.of("command", "sleep 30", "timeout-seconds", "1"))));
        assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "the timeout must stop the wait");
    }

    @Test
    void aMissingCommandIsNamed() {
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> method.credentials(context(Map.of("command", "/nonexistent/tool-xyz"))));
        assertTrue(e.getMessage().contains("status 127"), e.getMessage());
    }

    @Test
    void timeoutFieldIsValidated() {
        var field = method.fields().stream()
                .filter(f -> f.name().equals("timeout-seconds"))
                .findFirst()
                .orElseThrow();
        assertEquals(Optional.empty(), field.validator().problem("30"));
        assertTrue(field.validator().problem("0").isPresent());
        assertTrue(field.validator().problem("abc").isPresent());
        assertTrue(field.validator().problem("99999").isPresent());
    }
}
