package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'rolehop completion bash|zsh|fish' loaded into the real shells: commands, options and the values that change
 * (session aliases, profiles, access methods) complete as a user's TAB would ask for them.
 */
class CompletionIT {

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void twoSessions() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        // The scripts call 'rolehop' by the name the user typed: the launcher on the PATH, as installed.
        env.put("PATH", Dist.home().resolve("bin") + ":" + System.getenv("PATH"));
        Dist.Result root = Dist.rolehop(
                dir,
                env,
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "prod-root",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin",
                "--profile",
                "work");
        assertEquals(0, root.code(), root.toString());
        Dist.Result role = Dist.rolehop(
                dir,
                env,
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "prod-admin",
                "--assumer",
                "prod-root",
                "--role-arn",
                "arn:aws:iam::123456789012:role/admin");
        assertEquals(0, role.code(), role.toString());
    }

    private Dist.Result bash(String script) throws Exception {
        Files.writeString(dir.resolve("complete.bash"), script);
        return Dist.run(
                dir,
                List.of(
                        "bash",
                        "--norc",
                        "--noprofile",
                        dir.resolve("complete.bash").toString()),
                env);
    }

    /** What bash offers for the command line {@code words}, the last being the word under the cursor. */
    private String bashOffers(String... words) throws Exception {
        StringBuilder quoted = new StringBuilder();
        for (String word : words) {
            quoted.append(" '").append(word).append('\'');
        }
        // The function runs as bash runs it on TAB, but outside completion, where compopt (display options only)
        // refuses to run: it is made a no-op.
        Dist.Result r = bash("set -e\nsource <(rolehop completion bash)\ncompopt() { :; }\n"
                + "COMP_WORDS=(rolehop" + quoted + ")\nCOMP_CWORD=" + words.length + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_rolehop_dynamic rolehop \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    @Test
    void bashRegistersTheFunctionForRolehop() throws Exception {
        Dist.Result r = bash("source <(rolehop completion bash)\ncomplete -p rolehop\n");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("-F _rolehop_dynamic"), r.toString());
    }

    @Test
    void bashCompletesCommandsSessionsProfilesMethodsAndOptions() throws Exception {
        assertTrue(bashOffers("ses").lines().toList().contains("session"), "commands");
        assertEquals(
                List.of("prod-admin", "prod-root"),
                bashOffers("session", "start", "prod").lines().sorted().toList());
        assertEquals(List.of("prod-admin"), bashOffers("exec", "prod-a").lines().toList());
        assertEquals(
                List.of("prod-root"),
                bashOffers("session", "add", "aws-iam-role-chained", "--assumer", "prod-r")
                        .lines()
                        .toList());
        assertTrue(
                bashOffers("session", "add", "aws-iam-user", "--profile", "")
                        .lines()
                        .toList()
                        .contains("work"),
                "profiles");
        assertTrue(
                bashOffers("session", "add", "")
                        .lines()
                        .toList()
                        .containsAll(List.of("aws-iam-user", "aws-iam-role-chained")),
                "access methods");
        assertTrue(bashOffers("session", "list", "--").lines().toList().contains("--output"), "options");
    }

    @Test
    void zshLoadsTheScriptThroughBashcompinit() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/zsh")) || "true".equals(System.getenv("CI")),
                "zsh is not installed (CI installs it)");
        Dist.Result r = Dist.run(
                dir, List.of("zsh", "-f", "-c", "source <(rolehop completion zsh) && complete -p rolehop"), env);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("_rolehop_dynamic"), r.toString());
    }

    @Test
    void fishCompletesSessionsAndSubcommands() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/fish")) || "true".equals(System.getenv("CI")),
                "fish is not installed (CI installs it)");
        Dist.Result sessions = Dist.run(
                dir,
                List.of(
                        "fish",
                        "--no-config",
                        "-c",
                        "rolehop completion fish | source; complete -C 'rolehop session start '"),
                env);
        assertEquals(0, sessions.code(), sessions.toString());
        assertEquals(
                List.of("prod-admin", "prod-root"),
                sessions.out().lines().map(line -> line.split("\t")[0]).sorted().toList(),
                sessions.toString());
        Dist.Result commands = Dist.run(
                dir,
                List.of("fish", "--no-config", "-c", "rolehop completion fish | source; complete -C 'rolehop sess'"),
                env);
        assertTrue(commands.out().startsWith("session\t"), commands.toString());
    }

    @Test
    void anUnknownShellIsAUsageError() throws Exception {
        Dist.Result r = Dist.rolehop(dir, env, "", "completion", "tcsh");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("bash, zsh or fish"), r.toString());
    }
}
