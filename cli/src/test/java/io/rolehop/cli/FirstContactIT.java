package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.testing.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets first, through the assembled {@code bin/rolehop} without a terminal: typos answered with
 * "did you mean", a cascading delete that asks first, errors deep in a chain that name the session at fault, and
 * mistyped regions warned about.
 */
class FirstContactIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void setUp() {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
    }

    private Dist.Result rolehop(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env, stdin);
    }

    private static Dist.Result ok(Dist.Result result) {
        assertEquals(0, result.code(), result.toString());
        return result;
    }

    private static Dist.Result usage(Dist.Result result, String... expected) {
        assertEquals(2, result.code(), result.toString());
        String[] lines = result.err().strip().split("\n");
        assertEquals(1, lines.length, result.toString());
        for (String e : expected) {
            assertTrue(result.err().contains(e), "expected '" + e + "' in " + result);
        }
        return result;
    }

    private void addChain(String rootSecret) throws Exception {
        ok(rolehop(
                rootSecret + "\n",
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
                "mid",
                "--assumer",
                "root",
                "--role-arn",
                MotoServer.roleArn("fc-mid"),
                "--role-session-name",
                "fc-mid",
                "--profile",
                "mid"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "leaf",
                "--assumer",
                "mid",
                "--role-arn",
                MotoServer.roleArn("fc-leaf"),
                "--role-session-name",
                "fc-leaf",
                "--profile",
                "leaf"));
    }

    @Test
    void aMistypedCommandOptionMethodOrAliasIsAnsweredWithWhatWasMeant() throws Exception {
        usage(rolehop("", "sesion", "list"), "unknown command 'sesion'", "did you mean 'session'");
        usage(
                rolehop("", "session", "list", "--outptu", "json"),
                "unknown option '--outptu'",
                "did you mean '--output'");
        usage(
                rolehop("", "session", "add", "aws-iam-rol", "--alias", "x"),
                "unknown access method 'aws-iam-rol'",
                "did you mean 'aws-iam-role-chained'",
                "installed access methods: ",
                "aws-iam-user");
        addChain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        usage(rolehop("", "session", "start", "lef"), "no session with alias or id 'lef'", "did you mean 'leaf'");
    }

    @Test
    void aCascadingDeleteListsWhatGoesAndNeedsYesWithoutATerminal() throws Exception {
        addChain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        Dist.Result dry = ok(rolehop("", "session", "delete", "mid", "--cascade", "--dry-run"));
        assertEquals("would delete 'leaf'\nwould delete 'mid'\n", dry.out());

        Dist.Result refused = rolehop("", "session", "delete", "mid", "--cascade");
        assertEquals(3, refused.code(), refused.toString());
        assertTrue(refused.err().contains("'leaf', 'mid'") && refused.err().contains("--yes"), refused.toString());
        assertTrue(ok(rolehop("", "session", "list")).out().contains("leaf"), "nothing deleted without --yes");

        Dist.Result deleted = ok(rolehop("", "session", "delete", "mid", "--cascade", "--yes"));
        assertEquals("deleted 'leaf'\ndeleted 'mid'\n", deleted.out());
        assertFalse(ok(rolehop("", "session", "list")).out().contains("leaf"));
    }

    @Test
    void aWrongSecretAtTheRootNamesTheRootAndTheChainItBroke() throws Exception {
        MotoServer.IamUser user = MOTO.createUser("fc-root");
        MOTO.createRole("fc-mid", user.arn());
        MOTO.createRole("fc-leaf", "*");
        ok(rolehop(
                "not-the-secret-of-this-key\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "root",
                "--access-key-id",
                user.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "mid",
                "--assumer",
                "root",
                "--role-arn",
                MotoServer.roleArn("fc-mid"),
                "--role-session-name",
                "fc-mid",
                "--profile",
                "mid"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "leaf",
                "--assumer",
                "mid",
                "--role-arn",
                MotoServer.roleArn("fc-leaf"),
                "--role-session-name",
                "fc-leaf",
                "--profile",
                "leaf"));

        Dist.Result failed = rolehop("", "session", "start", "leaf");

        assertEquals(1, failed.code(), failed.toString());
        assertTrue(failed.err().contains("session 'root' in the chain root > mid > leaf of 'leaf'"), failed.toString());
        assertTrue(
                failed.err().contains("'rolehop session edit root --access-key-id ID --secret-access-key-stdin'"),
                failed.toString());
        assertFalse(failed.err().contains("SESSION"), failed.toString());
    }

    @Test
    void aMistypedRegionIsKeptWithAWarningAndWhatWasMeant() throws Exception {
        Dist.Result added = ok(rolehop(
                "secret\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "u",
                "--region",
                "eu-wst-1",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin"));
        assertTrue(
                added.err().contains("warning: region 'eu-wst-1' is not one rolehop knows")
                        && added.err().contains("did you mean 'eu-west-1'"),
                added.toString());
        assertTrue(added.out().contains("region eu-wst-1"), added.toString());

        Dist.Result known = ok(rolehop("", "session", "edit", "u", "--region", "eu-west-1"));
        assertEquals("", known.err(), known.toString());
        Dist.Result setDefault = ok(rolehop("", "region", "set-default", "us-est-1"));
        assertTrue(setDefault.err().contains("did you mean 'us-east-1'"), setDefault.toString());
    }

    @Test
    void helpShowsExamplesAndDocsOutputGoesAnywhereQuietDropsProseAndTimesAreLocal() throws Exception {
        Dist.Result help = ok(rolehop("", "session", "start", "--help"));
        assertTrue(help.out().contains("Examples:\n  rolehop session start ops"), help.toString());
        Dist.Result top = ok(rolehop("", "--help"));
        assertTrue(
                top.out().contains("Documentation: " + Dist.home().resolve("docs"))
                        && top.out().contains("man rolehop"),
                top.toString());
        assertTrue(ok(rolehop("", "session", "delete", "--help")).out().contains("--dry-run"));

        Dist.Result quiet = ok(rolehop(
                "secret\n",
                "-q",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "u",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin"));
        assertEquals("", quiet.out(), quiet.toString());

        String json = ok(rolehop("", "-o", "json", "session", "list")).out();
        assertTrue(json.strip().startsWith("[") && json.contains("\"alias\" : \"u\""), json);
        assertEquals(json, ok(rolehop("", "session", "--output=json", "list")).out());

        assertEquals(
                "2026-12-06 08:12:33 CET",
                io.rolehop.cli.output.Timestamps.human(
                        java.time.Instant.parse("2026-12-06T07:12:33.512Z"), java.time.ZoneId.of("Europe/Paris")));
    }
}
