package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of docs/cli-reference.md that needs no STS: exit codes, one-line errors, JSON, nothing lost. */
class CommandLineContractTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void versionAndHelpWork() {
        CliHarness.Result version = cli.run("--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.out().matches("rolehop \\d+\\.\\d+\\.\\d+.*\\s*"), version.out());
        CliHarness.Result help = cli.run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("session"), help.out());
        CliHarness.Result sub = cli.run("help", "session");
        assertEquals(0, sub.code());
        assertTrue(sub.out().contains("start"), sub.out());
    }

    @Test
    void listOnAnEmptyWorkspaceWorksAndCreatesNothing() throws Exception {
        CliHarness.Result table = cli.run("session", "list");
        assertEquals(0, table.code(), table.toString());
        assertTrue(table.out().contains("No sessions"), table.out());
        CliHarness.Result json = cli.run("session", "list", "-o", "json");
        assertEquals(0, json.code(), json.toString());
        assertEquals("[ ]", json.out().strip());
        assertEquals("", json.err());
        assertFalse(Files.exists(cli.rolehopHome().resolve("workspace.json")));
    }

    @Test
    void addListsTheSessionWithoutItsSecret() throws Exception {
        CliHarness.Result add = addUser("alice");
        assertEquals(0, add.code(), add.toString());
        JsonNode list = JSON.readTree(cli.run("session", "list", "-o", "json").out());
        assertEquals(1, list.size());
        JsonNode alice = list.get(0);
        assertEquals("alice", alice.get("alias").asText());
        assertEquals("aws-iam-user", alice.get("method").asText());
        assertEquals("default", alice.get("profile").asText());
        assertEquals("us-east-1", alice.get("region").asText());
        assertEquals("inactive", alice.get("status").asText());
        String workspace = Files.readString(cli.rolehopHome().resolve("workspace.json"));
        assertFalse(workspace.contains(SECRET), "the secret must not be in the workspace file");
        assertFalse(cli.transcript().contains(SECRET), "the secret must not be printed");
        byte[] vault = Files.readAllBytes(cli.rolehopHome().resolve("secrets.vault"));
        assertFalse(new String(vault, java.nio.charset.StandardCharsets.ISO_8859_1).contains(SECRET));
    }

    @Test
    void aSecretIsNeverAcceptedAsAnOptionValue() {
        CliHarness.Result r = cli.run(
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "alice",
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key",
                SECRET);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--secret-access-key-stdin"), r.err());
        assertFalse(r.err().contains(SECRET));
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aMissingSecretWithoutTerminalNeedsInteraction() {
        CliHarness.Result r = cli.run(
                "session", "add", "aws-iam-user", "--alias", "alice", "--access-key-id", "AKIAIOSFODNN7EXAMPLE");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("--secret-access-key-stdin"), r.err());
    }

    @Test
    void badRoleArnIsAUsageErrorNamingTheValueAndWritesNothing() throws Exception {
        addUser("alice");
        String before = Files.readString(cli.rolehopHome().resolve("workspace.json"));
        CliHarness.Result r = cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "r1",
                "--assumer",
                "alice",
                "--role-arn",
                "arn:aws:iam::12345:role/x");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("rolehop: "), r.err());
        assertTrue(r.err().contains("arn:aws:iam::12345:role/x"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(before, Files.readString(cli.rolehopHome().resolve("workspace.json")));
    }

    @Test
    void helpShowsTheHelpOfACommandAtAnyDepth() {
        CliHarness.Result start = cli.run("help", "session", "start");
        assertEquals(0, start.code(), start.toString());
        assertTrue(start.out().startsWith("Usage: rolehop session start"), start.out());
        assertEquals(cli.run("session", "start", "--help").out(), start.out());

        CliHarness.Result top = cli.run("help");
        assertTrue(top.out().startsWith("Usage: rolehop"), top.out());

        CliHarness.Result unknown = cli.run("help", "session", "teleport");
        assertEquals(2, unknown.code(), unknown.toString());
        assertEquals(
                "rolehop: unknown command 'teleport' in 'rolehop session'; see 'rolehop session --help' for its"
                        + " commands",
                unknown.err().strip());
    }

    @Test
    void unknownSessionIsExitTwo() {
        CliHarness.Result r = cli.run("session", "start", "nobody");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("nobody"), r.err());
    }

    @Test
    void cycleRefusedAtAddAndEditAndDeleteRefusedWithDependents() throws Exception {
        addUser("alice");
        chained("r1", "alice", "arn:aws:iam::123456789012:role/r1");
        chained("r2", "r1", "arn:aws:iam::123456789012:role/r2");
        chained("r3", "r2", "arn:aws:iam::123456789012:role/r3");
        String before = Files.readString(cli.rolehopHome().resolve("workspace.json"));

        CliHarness.Result self = cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "loop",
                "--assumer",
                "loop",
                "--role-arn",
                "arn:aws:iam::123456789012:role/loop");
        assertEquals(2, self.code(), "a session cannot be its own assumer at add: " + self);
        assertEquals(1, self.err().strip().lines().count(), self::toString);
        assertEquals(before, Files.readString(cli.rolehopHome().resolve("workspace.json")));

        CliHarness.Result cycle = cli.run("session", "edit", "r1", "--assumer", "r3");
        assertEquals(2, cycle.code(), cycle.toString());
        assertTrue(cycle.err().contains("cycle"), cycle.err());
        assertEquals(before, Files.readString(cli.rolehopHome().resolve("workspace.json")));

        CliHarness.Result delete = cli.run("session", "delete", "r1");
        assertEquals(2, delete.code(), delete.toString());
        assertTrue(delete.err().contains("--cascade"), delete.err());

        CliHarness.Result cascade = cli.run("session", "delete", "r1", "--cascade", "--yes");
        assertEquals(0, cascade.code(), cascade.toString());
        JsonNode list = JSON.readTree(cli.run("session", "list", "-o", "json").out());
        assertEquals(1, list.size());
        assertEquals("alice", list.get(0).get("alias").asText());
    }

    @Test
    void treeShowsTheChain() throws Exception {
        addUser("alice");
        chained("r1", "alice", "arn:aws:iam::123456789012:role/r1");
        chained("r2", "r1", "arn:aws:iam::123456789012:role/r2");
        JsonNode tree = JSON.readTree(cli.run("session", "tree", "-o", "json").out());
        assertEquals("alice", tree.get(0).get("alias").asText());
        assertEquals("r1", tree.get(0).get("dependents").get(0).get("alias").asText());
        assertEquals(
                "r2",
                tree.get(0)
                        .get("dependents")
                        .get(0)
                        .get("dependents")
                        .get(0)
                        .get("alias")
                        .asText());
        String table = cli.run("session", "tree").out();
        assertTrue(table.contains("└── r2"), table);
    }

    @Test
    void chainedDurationOverTheCapIsRefusedNamingTheCap() throws Exception {
        addUser("alice");
        chained("r1", "alice", "arn:aws:iam::123456789012:role/r1");
        CliHarness.Result r = cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "r2",
                "--assumer",
                "r1",
                "--role-arn",
                "arn:aws:iam::123456789012:role/r2",
                "--duration",
                "7200");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("3600"), r.err());
    }

    @Test
    void profilesAndRegions() throws Exception {
        assertEquals(0, cli.run("profile", "create", "work").code());
        JsonNode profiles =
                JSON.readTree(cli.run("profile", "list", "-o", "json").out());
        assertEquals(2, profiles.size());
        assertEquals(0, cli.run("profile", "rename", "work", "job").code());
        assertTrue(cli.run("profile", "list").out().contains("job"));
        assertEquals(2, cli.run("profile", "delete", "default").code());
        assertEquals(0, cli.run("profile", "delete", "job").code());

        assertEquals("us-east-1", cli.run("region", "get-default").out().strip());
        assertEquals(0, cli.run("region", "set-default", "eu-west-2").code());
        assertEquals("eu-west-2", cli.run("region", "get-default").out().strip());
        assertEquals(2, cli.run("region", "set-default", "mars-1").code());
        assertTrue(cli.run("region", "list").out().contains("ap-southeast-2"));
        addUser("bob");
        JsonNode bob =
                JSON.readTree(cli.run("session", "list", "-o", "json").out()).get(0);
        assertEquals("eu-west-2", bob.get("region").asText());
    }

    @Test
    void unknownOptionIsExitTwo() {
        CliHarness.Result r = cli.run("session", "list", "--frobnicate");
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private CliHarness.Result addUser(String alias) {
        return cli.runWithStdin(
                SECRET + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                alias,
                "--access-key-id",
                "AKIAIOSFODNN7EXAMPLE",
                "--secret-access-key-stdin");
    }

    private void chained(String alias, String assumer, String arn) {
        CliHarness.Result r = cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                alias,
                "--assumer",
                assumer,
                "--role-arn",
                arn,
                "--profile",
                alias);
        assertEquals(0, r.code(), r.toString());
    }
}
