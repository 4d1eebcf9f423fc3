package io.rolehop.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.cli.CliHarness;
import io.rolehop.domain.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of hostile inputs (INI section injection, line breaks, control and terminal escape characters, very long
 * values, odd Unicode) through the real command line, in every option and argument that takes a name or a value:
 * each one gets exit 2, exactly one clear line on stderr, nothing on stdout, and leaves every file of the workspace,
 * the vault and both AWS files byte for byte as it was.
 */
class HostileInputTest {
    private static final String SECRET = "hostileTESTsecret/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String ARN = "arn:aws:iam::123456789012:role/ops";
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String FOREIGN_CREDENTIALS = """
            # keys of my own
            [personal]
            aws_access_key_id = AKIAPERSONALEXAMPLE1
            aws_secret_access_key = personal-secret
            """;
    private static final String FOREIGN_CONFIG = """
            [default]
            region = eu-west-1
            s3 =
              max_concurrent_requests = 20
            """;
    private static final String LONG = "x".repeat(100_000);

    /**
     * The hostile values, by what they try. An empty value is not among the refusals for optional fields: there it
     * means "none" (add) or clears the field (edit).
     */
    private static final Map<String, String> VALUES = values();

    private static Map<String, String> values() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("newline and a section", "a\n[evil]");
        v.put("section with keys", "x]\n[default]\naws_access_key_id = AKIAEVILEVILEVIL1");
        v.put("a bare section header", "[default]");
        v.put("CRLF and a section", "p\r\n[evil]");
        v.put("key=value lines", "k=v\nk2=v2");
        v.put("a NUL byte", "nul\u0000byte");
        v.put("terminal escapes", "\u001b[2J\u001b[31mred\u001b]0;title\u0007");
        v.put("a tab", "tab\tinside");
        v.put("a Unicode line separator", "line\u2028separator");
        v.put("a next-line control", "next\u0085line");
        v.put("a bidi override", "\u202egpj.exe\u202c");
        v.put("a zero-width space", "zero\u200bwidth");
        v.put("a lone surrogate", "half\ud800");
        v.put("100 000 characters", LONG);
        v.put("empty", "");
        v.put("leading space", " lead");
        v.put("a comment", "#comment");
        v.put("a semicolon comment", ";comment");
        v.put("a path", "../../etc/passwd");
        v.put("shell", "$(touch pwned)`id`");
        v.put("an option", "--force");
        return v;
    }

    /** One command with a slot for the hostile value; {@code valid} marks values that field rightly accepts. */
    private record Template(String name, List<String> args, String stdin, Predicate<String> valid) {
        Template(String name, String stdin, String... args) {
            this(name, List.of(args), stdin, v -> false);
        }

        Template accepting(Predicate<String> alsoValid) {
            return new Template(name, args, stdin, alsoValid);
        }

        String[] with(String value) {
            return args.stream().map(a -> a.equals("{}") ? value : a).toArray(String[]::new);
        }
    }

    /** Valid role session names and source identities; "--force" and empty among them. */
    private static final Predicate<String> SESSION_NAME = v -> v.isEmpty() || v.matches("[\\w+=,.@-]{2,64}");

    private static final List<Template> TEMPLATES = List.of(
            chained("session add --alias", "--alias", "{}"),
            chained("session add --profile", "--profile", "{}"),
            chained("session add --region", "--region", "{}"),
            new Template(
                    "session add --role-arn",
                    "",
                    "session",
                    "add",
                    "aws-iam-role-chained",
                    "--alias",
                    "t-arn",
                    "--assumer",
                    "root",
                    "--role-arn",
                    "{}"),
            chained("session add --role-session-name", "--role-session-name", "{}")
                    .accepting(SESSION_NAME),
            chained("session add --duration", "--duration", "{}").accepting(String::isEmpty),
            chained("session add --external-id", "--external-id", "{}")
                    .accepting(v -> v.isEmpty() || v.matches("[\\w+=,.@:/-]{2,1224}")),
            chained("session add --source-identity", "--source-identity", "{}").accepting(SESSION_NAME),
            new Template(
                    "session add --assumer",
                    "",
                    "session",
                    "add",
                    "aws-iam-role-chained",
                    "--alias",
                    "t-as",
                    "--assumer",
                    "{}",
                    "--role-arn",
                    ARN),
            new Template(
                    "session add --access-key-id",
                    SECRET + "\n",
                    "session",
                    "add",
                    "aws-iam-user",
                    "--alias",
                    "t-key",
                    "--access-key-id",
                    "{}",
                    "--secret-access-key-stdin"),
            new Template(
                            "session add --mfa-device",
                            SECRET + "\n",
                            "session",
                            "add",
                            "aws-iam-user",
                            "--alias",
                            "t-mfa",
                            "--access-key-id",
                            KEY_ID,
                            "--mfa-device",
                            "{}",
                            "--secret-access-key-stdin")
                    .accepting(v -> v.isEmpty() || v.matches("[\\w+=/:,.@-]{9,256}")),
            new Template(
                            "session add --mfa-session-duration",
                            SECRET + "\n",
                            "session",
                            "add",
                            "aws-iam-user",
                            "--alias",
                            "t-mfad",
                            "--access-key-id",
                            KEY_ID,
                            "--mfa-session-duration",
                            "{}",
                            "--secret-access-key-stdin")
                    .accepting(String::isEmpty),
            new Template("session add METHOD", "", "session", "add", "{}", "--alias", "t-method"),
            new Template("session edit --alias", "", "session", "edit", "chained", "--alias", "{}"),
            new Template("session edit --profile", "", "session", "edit", "chained", "--profile", "{}"),
            new Template("session edit --region", "", "session", "edit", "chained", "--region", "{}"),
            new Template("session edit --role-arn", "", "session", "edit", "chained", "--role-arn", "{}"),
            new Template(
                            "session edit --role-session-name",
                            "",
                            "session",
                            "edit",
                            "chained",
                            "--role-session-name",
                            "{}")
                    .accepting(SESSION_NAME),
            new Template("session edit --duration", "", "session", "edit", "chained", "--duration", "{}")
                    .accepting(String::isEmpty),
            new Template("session edit --assumer", "", "session", "edit", "chained", "--assumer", "{}"),
            new Template("session edit SESSION", "", "session", "edit", "{}", "--region", "eu-west-2"),
            new Template("session start SESSION", "", "session", "start", "{}"),
            new Template("session start --mode", "", "session", "start", "chained", "--mode", "{}"),
            new Template("session stop SESSION", "", "session", "stop", "{}"),
            new Template("session delete SESSION", "", "session", "delete", "{}"),
            new Template("session generate SESSION", "", "session", "generate", "{}"),
            new Template("session current --profile", "", "session", "current", "--profile", "{}"),
            new Template("exec SESSION", "", "exec", "{}", "--", "true"),
            new Template("profile create NAME", "", "profile", "create", "{}"),
            new Template("profile rename OLD", "", "profile", "rename", "{}", "other"),
            new Template("profile rename NEW", "", "profile", "rename", "spare", "{}"),
            new Template("profile delete NAME", "", "profile", "delete", "{}"),
            new Template("region set-default REGION", "", "region", "set-default", "{}"),
            new Template("settings set KEY", "", "settings", "set", "{}", "600"),
            new Template("settings set refresh-margin-seconds", "", "settings", "set", "refresh-margin-seconds", "{}"),
            new Template("settings set default-mode", "", "settings", "set", "default-mode", "{}"),
            new Template("settings unset KEY", "", "settings", "unset", "{}"),
            new Template("session list -o", "", "session", "list", "-o", "{}"));

    private static Template chained(String name, String option, String slot) {
        String alias = "t-" + Integer.toHexString(name.hashCode());
        return new Template(
                name,
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                alias,
                "--assumer",
                "root",
                "--role-arn",
                ARN,
                option,
                slot);
    }

    @TempDir
    static Path dir;

    static CliHarness cli;
    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();

    @BeforeAll
    static void seed() throws Exception {
        cli = new CliHarness(dir);
        Files.createDirectories(cli.credentialsFile().getParent());
        Files.writeString(cli.credentialsFile(), FOREIGN_CREDENTIALS);
        Files.writeString(cli.configFile(), FOREIGN_CONFIG);
        ok(cli.runWithStdin(
                SECRET + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "root",
                "--profile",
                "root",
                "--access-key-id",
                KEY_ID,
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "chained",
                "--assumer",
                "root",
                "--profile",
                "p1",
                "--role-arn",
                ARN));
        ok(cli.run("profile", "create", "spare"));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileValueInEveryFieldIsRefusedOnOneLineAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Template template : TEMPLATES) {
            for (Map.Entry<String, String> value : VALUES.entrySet()) {
                if (template.valid().test(value.getValue())) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(
                        template.name() + " <- " + value.getKey(),
                        () -> refusedAndNothingChanged(template, value.getValue())));
            }
        }
        return tests.stream();
    }

    private static void refusedAndNothingChanged(Template template, String value) {
        FileTree before = tree();
        CliHarness.Result r = cli.runWithStdin(template.stdin(), template.with(value));
        RUNS.incrementAndGet();
        String shown = template.name() + " with '" + Text.printable(value) + "': " + printable(r.toString());
        assertEquals(2, r.code(), shown);
        assertEquals("", r.out(), shown);
        assertOneClearLine(r.err(), shown);
        List<String> changes = before.differences(tree());
        assertTrue(changes.isEmpty(), "changed " + changes + " by " + shown);
        assertFalse(r.err().contains(SECRET), "the secret was printed by " + shown);
        REFUSED.incrementAndGet();
    }

    /** One line, "rolehop: ...", of a length a person reads, holding nothing a terminal acts on. */
    static void assertOneClearLine(String err, String shown) {
        assertTrue(err.startsWith("rolehop: ") && err.endsWith("\n"), shown);
        String line = err.substring(0, err.length() - 1);
        String bad = line.codePoints()
                .filter(c -> Character.isISOControl(c)
                        || c == 0x2028
                        || c == 0x2029
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE)
                .mapToObj(c -> String.format("U+%04X", c))
                .distinct()
                .collect(Collectors.joining(","));
        assertTrue(bad.isEmpty(), "stderr holds " + bad + ": " + shown);
        assertTrue(line.length() <= 1100, "a line of " + line.length() + " characters: " + shown);
    }

    @AfterAll
    static void printFigures() {
        System.out.println("reliability: hostile inputs: " + VALUES.size() + " hostile values x " + TEMPLATES.size()
                + " options and arguments = " + RUNS.get() + " runs of the real command line, " + REFUSED.get()
                + " refused with exit 2 and one clear line, 0 files changed, "
                + FileTree.of(dir).size()
                + " files and directories checked byte for byte after each");
        assertFalse(cli.transcript().contains(SECRET), "the secret was printed");
    }

    private static FileTree tree() {
        return FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent());
    }

    private static String printable(String s) {
        return s.length() > 2000 ? Text.printable(s.substring(0, 2000)) : s.replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
