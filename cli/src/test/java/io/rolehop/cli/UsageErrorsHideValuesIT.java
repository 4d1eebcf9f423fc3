package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistyped option must not print the value typed after it: it may be a secret. Through the assembled launcher: the
 * value is absent from stdout and stderr, the option is named, the exit code is 2 and the message one line.
 */
class UsageErrorsHideValuesIT {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

    @TempDir
    Path dir;

    static List<Arguments> mistypings() {
        List<String> add =
                List.of("session", "add", "aws-iam-user", "--alias", "u", "--access-key-id", "AKIAIOSFODNN7EXAMPLE");
        return List.of(
                Arguments.of(with(add, "--secret-access-key-stdin=" + SECRET), "--secret-access-key-stdin"),
                Arguments.of(with(add, "--secret", SECRET), "--secret"),
                Arguments.of(with(add, "--secret=" + SECRET), "--secret"),
                Arguments.of(with(add, "--secret-access-key", SECRET, "--region", "us-east-1"), "--secret-access-key"),
                Arguments.of(with(add, SECRET), "aws-iam-user"),
                Arguments.of(List.of("session", "generate", "prod", SECRET), "generate"),
                Arguments.of(List.of("--debug", "session", "list", "--token", SECRET), "--token"));
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @ParameterizedTest
    @MethodSource("mistypings")
    void theValueIsNotShownAndTheOptionIsNamed(List<String> args, String named) throws Exception {
        Dist.Result result = rolehop(args);
        assertEquals(2, result.code(), result.toString());
        assertFalse(result.out().contains(SECRET) || result.err().contains(SECRET), result.toString());
        assertFalse(result.err().contains("wJalrXUtnFEMI"), "not even a part of it: " + result);
        assertEquals(1, result.err().lines().count(), result.toString());
        assertTrue(result.err().startsWith("rolehop: "), result.toString());
        assertTrue(result.err().contains(named), result.toString());
    }

    @Test
    void aMistypedCommandIsStillNamedWithSuggestions() throws Exception {
        Dist.Result result = rolehop(List.of("session", "lst"));
        assertEquals(2, result.code(), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
        assertTrue(
                result.err().contains("unknown command 'lst'") && result.err().contains("did you mean"),
                result.toString());
    }

    private Dist.Result rolehop(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(args);
        return Dist.run(dir, command, Dist.isolatedEnv(dir));
    }
}
