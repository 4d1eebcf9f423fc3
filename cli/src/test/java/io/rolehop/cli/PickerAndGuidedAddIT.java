package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.MotoServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session picker and the guided {@code session add} of the assembled {@code bin/rolehop} in a real terminal
 * (tmux), typed at as a user would; and without a terminal, the usage error they replace.
 */
class PickerAndGuidedAddIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void setUp() {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        env.put("TERM", "xterm-256color");
    }

    private Dist.Result rolehop(String stdin, String... args) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(List.of("setsid", Dist.launcher().toString()));
        command.addAll(List.of(args));
        return Dist.run(dir, command, env, stdin);
    }

    private static void ok(Dist.Result result) {
        assertEquals(0, result.code(), result.toString());
    }

    @Test
    void sessionStartAloneOpensAPickerFilteredByTypingAndMovedWithArrows() throws Exception {
        MotoServer.IamUser user = MOTO.createUser("picked-user");
        ok(rolehop(
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "alpha",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin"));
        ok(rolehop(
                user.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "picked-one",
                "--access-key-id",
                user.accessKeyId(),
                "--secret-access-key-stdin",
                "--profile",
                "picked"));
        ok(rolehop(
                user.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "picked-two",
                "--access-key-id",
                user.accessKeyId(),
                "--secret-access-key-stdin",
                "--profile",
                "other"));

        try (Tmux terminal = Tmux.start(dir, env, List.of(Dist.launcher().toString(), "session", "start"))) {
            String screen = terminal.waitFor("Start session:");
            assertTrue(
                    screen.contains("> alpha") && screen.contains("picked-one") && screen.contains("picked-two"),
                    screen);
            terminal.type("pick");
            screen = terminal.waitFor("Start session: pick");
            assertTrue(!screen.contains("alpha") && screen.contains("> picked-one"), screen);
            terminal.key("Down");
            terminal.waitFor("> picked-two");
            terminal.key("Up");
            terminal.waitFor("> picked-one");
            terminal.key("Enter");
            screen = terminal.waitFor("EXIT=");
            assertTrue(screen.contains("started 'picked-one' on profile picked") && screen.contains("EXIT=0"), screen);
        }

        Dist.Result noTerminal = rolehop("", "session", "start");
        assertEquals(2, noTerminal.code(), noTerminal.toString());
        assertTrue(noTerminal.err().contains("missing SESSION"), noTerminal.toString());
    }

    @Test
    void aGuidedAddAsksEachMissingFieldChecksEachAnswerAndPicksTheAssumer() throws Exception {
        ok(rolehop(
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "root",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin"));

        try (Tmux terminal =
                Tmux.start(dir, env, List.of(Dist.launcher().toString(), "session", "add", "aws-iam-role-chained"))) {
            terminal.waitFor("Session alias:");
            terminal.type("ops");
            terminal.key("Enter");
            terminal.waitFor("Named profile (in use: default) [ops]:");
            terminal.type("ops-profile");
            terminal.key("Enter");
            terminal.waitFor("Region [us-east-1]:");
            terminal.key("Enter");
            terminal.waitFor("ARN of the role to assume");
            terminal.type("arn:aws:iam::12:role/x");
            terminal.key("Enter");
            String screen = terminal.waitFor("invalid role ARN");
            assertTrue(screen.contains("the account must be 12 digits"), screen);
            terminal.type("arn:aws:iam::123456789012:role/ops");
            terminal.key("Enter");
            terminal.waitFor("Name of the role session");
            terminal.type("ops-hop");
            terminal.key("Enter");
            for (String optional : List.of("External id", "Source identity", "Seconds the role session lasts")) {
                terminal.waitFor(optional);
                terminal.key("Enter");
            }
            terminal.waitFor("Assumer session:");
            terminal.key("Enter");
            screen = terminal.waitFor("EXIT=");
            assertTrue(screen.contains("added 'ops'") && screen.contains("EXIT=0"), screen);
        }

        JsonNode sessions = new ObjectMapper()
                .readTree(rolehop("", "session", "list", "-o", "json").out());
        JsonNode ops = null;
        for (JsonNode s : sessions) {
            if (s.get("alias").asText().equals("ops")) {
                ops = s;
            }
        }
        assertTrue(ops != null, sessions.toString());
        assertEquals("ops-profile", ops.get("profile").asText(), ops.toString());
        assertEquals("us-east-1", ops.get("region").asText(), ops.toString());
        assertEquals("root", ops.get("assumer").asText(), ops.toString());
        assertTrue(
                ops.toString().contains("arn:aws:iam::123456789012:role/ops")
                        && ops.toString().contains("ops-hop"),
                ops.toString());

        Dist.Result noTerminal = rolehop("", "session", "add", "aws-iam-role-chained", "--alias", "x");
        assertEquals(2, noTerminal.code(), noTerminal.toString());
    }

    @Test
    void aCascadingDeleteOnATerminalListsWhatGoesAndAsks() throws Exception {
        ok(rolehop(
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "root",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "child",
                "--assumer",
                "root",
                "--role-arn",
                "arn:aws:iam::123456789012:role/child"));
        List<String> delete = List.of(Dist.launcher().toString(), "session", "delete", "root", "--cascade");

        try (Tmux terminal = Tmux.start(dir, env, delete)) {
            terminal.waitFor("Delete 2 sessions ('child', 'root')? [y/N]");
            terminal.type("n");
            terminal.key("Enter");
            String screen = terminal.waitFor("EXIT=");
            assertTrue(screen.contains("deleted nothing") && screen.contains("EXIT=0"), screen);
        }
        assertTrue(rolehop("", "session", "list").out().contains("child"), "nothing deleted on 'n'");

        try (Tmux terminal = Tmux.start(dir, env, delete)) {
            terminal.waitFor("Delete 2 sessions ('child', 'root')? [y/N]");
            terminal.type("y");
            terminal.key("Enter");
            String screen = terminal.waitFor("EXIT=");
            assertTrue(
                    screen.contains("deleted 'child'")
                            && screen.contains("deleted 'root'")
                            && screen.contains("EXIT=0"),
                    screen);
        }
        assertTrue(!rolehop("", "session", "list").out().contains("child"), "both deleted on 'y'");
    }
}
