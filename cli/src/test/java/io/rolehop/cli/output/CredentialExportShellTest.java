package io.rolehop.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rolehop.application.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shell format evaluated by its own shell, with values no quoting may let through: what the shell ends up with
 * must be the value given, and nothing in a value may run. PowerShell and cmd.exe are not on Linux: their lines are
 * checked by shape.
 */
class CredentialExportShellTest {
    private static final String INJECTION = "$(touch pwned-a) `touch pwned-b` ; touch pwned-c";
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("AWS_ACCESS_KEY_ID", "ASIA/plain+key=");
        HOSTILE.put("AWS_SECRET_ACCESS_KEY", "it's a \"quoted\" back\\slash \\\" $HOME ${HOME} ~ * ? # | & < > ^ !x");
        HOSTILE.put("AWS_SESSION_TOKEN", INJECTION);
        HOSTILE.put("AWS_CREDENTIAL_EXPIRATION", "two\nlines\tand a tab");
        HOSTILE.put("AWS_REGION", "ünïcödé “curly” ‘single’ $Env:PATH `n");
        HOSTILE.put("ROLEHOP_SESSION", "prod admin/eu: x=1 @team");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sh", "dash", "bash", "zsh"})
    void envIsEvaluatedByPosixShellsToExactlyTheValuesAndExportsThem(String shell) throws Exception {
        Path program = requireShell(shell);
        String script = CredentialExport.ENV.lines(HOSTILE) + printValues("\"$%s\"") + printExported();
        List<String> out = run(List.of(program.toString(), "-c", script));
        assertEquals(expected(true), out);
        assertNothingRan();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "dash", "bash", "zsh"})
    void envNoExportSetsShellVariablesOnly(String shell) throws Exception {
        Path program = requireShell(shell);
        String script = CredentialExport.ENV_NO_EXPORT.lines(HOSTILE) + printValues("\"$%s\"") + printExported();
        List<String> out = run(List.of(program.toString(), "-c", script));
        assertEquals(expected(false), out);
        assertNothingRan();
    }

    @Test
    void fishIsEvaluatedByFishToExactlyTheValuesAndExportsThem() throws Exception {
        Path fish = requireShell("fish");
        String script = CredentialExport.FISH.lines(HOSTILE) + printValues("\"$%s\"") + printExported();
        List<String> out = run(List.of(fish.toString(), "--no-config", "-c", script));
        assertEquals(expected(true), out);
        assertNothingRan();
        assertTrue(CredentialExport.FISH
                .lines(Map.of("AWS_REGION", "eu-west-1"))
                .equals("set -gx AWS_REGION \"eu-west-1\"\n"));
    }

    @Test
    void dotenvIsReadByPythonDotenvToExactlyTheValues() throws Exception {
        Map<String, String> values = new LinkedHashMap<>(HOSTILE);
        values.remove("AWS_REGION"); // a '$' in a value that needs double quotes is refused (below)
        values.put("AWS_SECRET_ACCESS_KEY", "it's a \"quoted\" back\\slash\nsecond line");
        String file = CredentialExport.DOTENV.lines(values);
        Path env = dir.resolve(".env");
        Files.writeString(env, file);
        List<String> out = run(List.of(
                "python3",
                "-c",
                "import sys, dotenv\n"
                        + "for k, v in dotenv.dotenv_values(sys.argv[1]).items(): sys.stdout.write(k + '\\0' + v + '\\0')",
                env.toString()));
        List<String> expected = new ArrayList<>();
        values.forEach((k, v) -> {
            expected.add(k);
            expected.add(v);
        });
        assertEquals(expected, out);
        assertThrows(UsageException.class, () -> CredentialExport.DOTENV.lines(Map.of("X", "it's ${HOME}")));
    }

    @Test
    void powershellLinesHaveTheAwsCliShapeAndEveryQuoteEscaped() {
        String text = CredentialExport.POWERSHELL.lines(HOSTILE);
        Pattern line = Pattern.compile("\\$Env:[A-Z_]+=\"(?:[^\"`$\\u201C\\u201D\\u201E\\n\\r]|`.)*\"");
        text.lines().forEach(l -> assertTrue(line.matcher(l).matches(), l));
        assertEquals(HOSTILE.size(), text.lines().count());
        assertEquals(
                "$Env:AWS_REGION=\"eu-west-1\"\n",
                CredentialExport.POWERSHELL.lines(Map.of("AWS_REGION", "eu-west-1")));
        assertTrue(
                text.contains("$Env:AWS_SESSION_TOKEN=\"`$(touch pwned-a) ``touch pwned-b`` ; touch pwned-c\""), text);
    }

    @Test
    void windowsCmdLinesHaveTheAwsCliShapeAndRefuseWhatCmdCannotQuote() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AWS_ACCESS_KEY_ID", "ASIA/plain+key=");
        values.put("AWS_SESSION_TOKEN", "a & b | c < d > e ^ f (g)");
        assertEquals(
                "set AWS_ACCESS_KEY_ID=ASIA/plain+key=\nset AWS_SESSION_TOKEN=a ^& b ^| c ^< d ^> e ^^ f ^(g^)\n",
                CredentialExport.WINDOWS_CMD.lines(values));
        for (String refused : List.of("100%", "wow!", "a\"b", "two\nlines")) {
            UsageException e = assertThrows(
                    UsageException.class, () -> CredentialExport.WINDOWS_CMD.lines(Map.of("AWS_REGION", refused)));
            assertTrue(e.getMessage().contains("AWS_REGION") && e.getMessage().contains("powershell"), e.getMessage());
            assertFalse(e.getMessage().contains(refused), "the value stays out of the message");
        }
    }

    @Test
    void ordinaryValuesAreWrittenBareAsTheAwsCliWritesThem() {
        Map<String, String> plain = Map.of("AWS_ACCESS_KEY_ID", "ASIAXAMPLE");
        assertEquals("export AWS_ACCESS_KEY_ID=ASIAXAMPLE\n", CredentialExport.ENV.lines(plain));
        assertEquals("AWS_ACCESS_KEY_ID=ASIAXAMPLE\n", CredentialExport.ENV_NO_EXPORT.lines(plain));
        assertEquals("set AWS_ACCESS_KEY_ID=ASIAXAMPLE\n", CredentialExport.WINDOWS_CMD.lines(plain));
        assertEquals("AWS_ACCESS_KEY_ID=ASIAXAMPLE\n", CredentialExport.DOTENV.lines(plain));
        assertEquals(CredentialExport.ENV_NO_EXPORT, CredentialExport.named("env-no-export"));
        UsageException unknown = assertThrows(UsageException.class, () -> CredentialExport.named("csh"));
        assertTrue(
                unknown.getMessage().contains("env, env-no-export, fish, powershell, windows-cmd, dotenv, json, ini"),
                unknown.getMessage());
    }

    /** The values in order, each followed by NUL, as the shell sees them. */
    private static String printValues(String reference) {
        StringBuilder out = new StringBuilder("printf '%s\\0'");
        HOSTILE.keySet().forEach(name -> out.append(' ').append(String.format(reference, name)));
        return out.append('\n').toString();
    }

    /** What a child process sees: the exported variables, through printenv, each followed by NUL. */
    private static String printExported() {
        StringBuilder out = new StringBuilder();
        HOSTILE.keySet().forEach(name -> out.append("printenv ").append(name).append(" ; printf 'END\\0'\n"));
        return out.toString();
    }

    private static List<String> expected(boolean exported) {
        List<String> expected = new ArrayList<>(HOSTILE.values());
        HOSTILE.values().forEach(v -> expected.add((exported ? v + "\n" : "") + "END"));
        return expected;
    }

    private List<String> run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(HOSTILE::containsKey);
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\0"), text);
        return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
    }

    private void assertNothingRan() throws IOException {
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().startsWith("pwned"))
                            .toList());
        }
    }

    private static Path requireShell(String name) {
        java.util.Optional<Path> found = Arrays.stream(
                        System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
        // .ci/run installs every shell named here; a developer machine without one skips it.
        assumeTrue(found.isPresent() || System.getenv("CI") != null, name + " is not installed");
        return found.orElseThrow(() -> new AssertionError(name + " must be installed in CI"));
    }
}
