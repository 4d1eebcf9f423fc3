package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * credential_process lines name sessions by id, so an alias shaped like an id must never redirect one: new ones are
 * refused, and a workspace that already holds one (written before they were refused) still loads, warns, and looks
 * ids up first, on the full command and on the launcher's warm path alike.
 */
class AliasesAndIdsIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    static MotoServer.IamUser grace;

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeAll
    static void createRoles() {
        grace = MOTO.createUser("grace");
        MOTO.createRole("ids-a", grace.arn());
        MOTO.createRole("ids-b", grace.arn());
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        ok(Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-user",
                        "--alias",
                        "grace",
                        "--access-key-id",
                        grace.accessKeyId(),
                        "--secret-access-key-stdin"),
                env,
                grace.secretAccessKey() + "\n"));
        ok(rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "a",
                "--assumer",
                "grace",
                "--role-arn",
                MotoServer.roleArn("ids-a"),
                "--role-session-name",
                "ids-a",
                "--profile",
                "pa"));
        ok(rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "b",
                "--assumer",
                "grace",
                "--role-arn",
                MotoServer.roleArn("ids-b"),
                "--role-session-name",
                "ids-b",
                "--profile",
                "pb"));
    }

    @Test
    void anAliasShapedLikeAnIdIsRefusedOnAddAndEdit() throws Exception {
        String idOfA = idOf("a");
        Dist.Result add = rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                idOfA,
                "--assumer",
                "grace",
                "--role-arn",
                MotoServer.roleArn("ids-b"),
                "--profile",
                "pc");
        assertRefused(add, idOfA);
        Dist.Result edit = rolehop("session", "edit", "b", "--alias", idOfA.toUpperCase());
        assertRefused(edit, idOfA.toUpperCase());
        assertEquals("b", aliasOf(idOf("b")));
    }

    @Test
    void aStoredAliasShapedLikeAnotherSessionsIdNeverRedirectsItsCredentialProcessProfile() throws Exception {
        ok(rolehop("session", "start", "a", "--mode", "credential-process"));
        String idOfA = idOf("a");
        String idOfB = idOf("b");
        giveStoredAlias(idOfB, idOfA); // as a rolehop that did not refuse such aliases could write

        String roleA = MotoServer.assumedRoleArn("ids-a", "ids-a");
        // The AWS CLI runs the profile's line, "session generate ID", on the launcher's warm path.
        assertEquals(roleA, new AwsCli(env).callerArn("pa"));
        // The full command (four words: not the warm path's shape) looks the id up first too.
        Dist.Result full = rolehop("session", "generate", idOfA, "--debug");
        assertEquals(0, full.code(), full.toString());
        assertEquals(roleA, callerArn(full.out()));
        // Starting by id starts that session, not the one whose alias looks like it.
        ok(rolehop("session", "stop", idOfA));
        ok(rolehop("session", "start", idOfA));
        assertEquals(roleA, new AwsCli(env).callerArn("pa"));
        Path credentialsFile = Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        // credential_process mode writes no keys: the file rolehop created for none is gone again, or holds no [pb].
        assertFalse(Files.exists(credentialsFile)
                && Files.readString(credentialsFile).contains("[pb]"));

        Dist.Result list = rolehop("session", "list");
        assertEquals(0, list.code(), list.toString());
        assertTrue(
                list.err()
                        .contains("rolehop: warning: the alias '" + idOfA + "' of session " + idOfB
                                + " is shaped like a session id"),
                list.toString());
        assertTrue(list.err().contains("'rolehop session edit " + idOfB + " --alias NEW'"), list.toString());
        // The renaming the warning suggests works, by id.
        ok(rolehop("session", "edit", idOfB, "--alias", "b-renamed"));
        Dist.Result quiet = rolehop("session", "list");
        assertFalse(quiet.err().contains("warning"), quiet.toString());
    }

    @Test
    void execFindsTheSessionAnIdNamesEvenWhenAnEarlierSessionHasThatIdAsItsAlias() throws Exception {
        String idOfB = idOf("b");
        giveStoredAlias(idOf("a"), idOfB); // 'a' comes before 'b' in the workspace, and now has b's id as alias

        Dist.Result exec =
                rolehop("exec", idOfB, "--", "sh", "-c", "echo \"$ROLEHOP_EXEC_SESSION $AWS_ACCESS_KEY_ID\"");
        assertEquals(0, exec.code(), exec.toString());
        String[] seen = exec.out().strip().split(" ");
        // The session the id names, for the marker as for the credentials: one lookup, ids first.
        assertEquals("b", seen[0], exec.toString());
        Dist.Result generate = rolehop("session", "generate", idOfB);
        assertEquals(0, generate.code(), generate.toString());
        assertEquals(JSON.readTree(generate.out()).get("AccessKeyId").asText(), seen[1]);
    }

    private void assertRefused(Dist.Result result, String alias) {
        assertEquals(2, result.code(), result.toString());
        assertEquals(
                "rolehop: invalid alias '" + alias + "': it is shaped like a session id (a UUID), which names"
                        + " sessions in credential_process lines; choose another alias",
                result.err().strip());
    }

    private String callerArn(String credentialProcessJson) throws Exception {
        JsonNode json = JSON.readTree(credentialProcessJson);
        Map<String, String> keys = new HashMap<>(env);
        keys.keySet().removeIf(k -> k.startsWith("AWS_PROFILE") || k.equals("AWS_CONFIG_FILE"));
        keys.put("AWS_ACCESS_KEY_ID", json.get("AccessKeyId").asText());
        keys.put("AWS_SECRET_ACCESS_KEY", json.get("SecretAccessKey").asText());
        keys.put("AWS_SESSION_TOKEN", json.get("SessionToken").asText());
        keys.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        keys.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        return new AwsCli(keys)
                .run("sts", "get-caller-identity", "--query", "Arn", "--output", "text")
                .requireSuccess()
                .stdout()
                .strip();
    }

    private void giveStoredAlias(String id, String alias) throws Exception {
        Path file = Path.of(env.get("ROLEHOP_HOME")).resolve("workspace.json");
        JsonNode workspace = JSON.readTree(file.toFile());
        for (JsonNode session : workspace.get("sessions")) {
            if (session.get("id").asText().equals(id)) {
                ((ObjectNode) session).put("alias", alias);
            }
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(workspace));
    }

    private String idOf(String alias) throws Exception {
        for (JsonNode session : sessions()) {
            if (session.get("alias").asText().equals(alias)) {
                return session.get("id").asText();
            }
        }
        throw new AssertionError("no session " + alias);
    }

    private String aliasOf(String id) throws Exception {
        for (JsonNode session : sessions()) {
            if (session.get("id").asText().equals(id)) {
                return session.get("alias").asText();
            }
        }
        throw new AssertionError("no session " + id);
    }

    private JsonNode sessions() throws Exception {
        Dist.Result list = ok(rolehop("session", "list", "-o", "json"));
        return JSON.readTree(list.out());
    }

    private Dist.Result rolehop(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env);
    }

    private static Dist.Result ok(Dist.Result result) {
        assertEquals(0, result.code(), result.toString());
        return result;
    }
}
