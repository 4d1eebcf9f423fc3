package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start, stop and delete as a user runs them, through the assembled {@code bin/rolehop}, with real AWS files read by
 * the AWS CLI and botocore against moto: a session keeps its mode and its own profile, a section replaced with
 * {@code --force} comes back, foreign keys never make tools disagree, delete is all or nothing, and no child sees
 * rolehop's secrets.
 */
class SessionLifecycleIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    Map<String, String> env;
    Path credentials;
    Path config;

    @BeforeAll
    static void createUserAndRole() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("lc-ops", erin.arn());
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        credentials = Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        config = Path.of(env.get("AWS_CONFIG_FILE"));
        // Neither session names a profile: the first takes 'default', the second one named after its alias.
        ok(rolehop(
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "ops",
                "--assumer",
                "erin",
                "--role-arn",
                MotoServer.roleArn("lc-ops"),
                "--role-session-name",
                "lc-ops"));
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

    private AwsCli aws() {
        return new AwsCli(env);
    }

    private JsonNode session(String alias) throws Exception {
        for (JsonNode s : new ObjectMapper()
                .readTree(ok(rolehop("", "session", "list", "-o", "json")).out())) {
            if (s.get("alias").asText().equals(alias)) {
                return s;
            }
        }
        throw new AssertionError("no session " + alias);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String OPS_ROLE = MotoServer.assumedRoleArn("lc-ops", "lc-ops");

    @Test
    void aSecondSessionGetsItsOwnProfileAndStartSaysWhichSessionItStopped() throws Exception {
        assertEquals("default", session("erin").get("profile").asText());
        assertEquals("ops", session("ops").get("profile").asText());

        ok(rolehop("", "session", "start", "erin"));
        Dist.Result second = ok(rolehop("", "session", "start", "ops"));

        assertFalse(second.out().contains("stopped"), second.out());
        assertEquals("active", session("erin").get("status").asText());
        assertEquals("active", session("ops").get("status").asText());
        assertTrue(Botocore.rawConfigParse(credentials).get("default").containsKey("aws_session_token"));
        assertEquals(OPS_ROLE, aws().callerArn("ops"));

        ok(rolehop("", "session", "stop", "ops"));
        ok(rolehop("", "session", "edit", "ops", "--profile", "default"));
        Dist.Result displacing = ok(rolehop("", "session", "start", "ops"));
        assertTrue(
                displacing.out().startsWith("stopped 'erin' (it was active on profile default)\n"), displacing.out());
    }

    @Test
    void aPlainStartKeepsCredentialProcessMode() throws Exception {
        ok(rolehop("", "session", "start", "ops", "--mode", "credential-process"));
        ok(rolehop("", "session", "start", "ops"));
        ok(rolehop("", "session", "stop", "ops"));
        ok(rolehop("", "session", "start", "ops"));

        assertEquals("credential-process", session("ops").get("mode").asText());
        assertTrue(((String) Botocore.rawConfigParse(config).get("profile ops").get("credential_process"))
                .contains(" session generate "));
        assertFalse(
                Files.exists(credentials)
                        && Botocore.rawConfigParse(credentials).containsKey("ops"),
                "no keys written to the credentials file");
        assertEquals(OPS_ROLE, aws().callerArn("ops"));

        ok(rolehop("", "session", "edit", "ops", "--mode", "file"));
        assertEquals("file", session("ops").get("mode").asText());
        assertTrue(Botocore.rawConfigParse(credentials).containsKey("ops"), "edit re-applies the active session");
        assertEquals(OPS_ROLE, aws().callerArn("ops"));
    }

    @Test
    void foreignKeysForACredentialProcessProfileAreRefusedOrMovedAsideUntilStop() throws Exception {
        String users = "# alice's keys, by hand\n[ops]\naws_access_key_id = " + erin.accessKeyId()
                + "\naws_secret_access_key = " + erin.secretAccessKey() + "\n\n[other]\nk = v\n";
        write(credentials, users);

        Dist.Result refused = rolehop("", "session", "start", "ops", "--mode", "credential-process");

        assertEquals(1, refused.code(), refused.toString());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("'ops'") && refused.err().contains("--force"), refused.err());
        assertFalse(refused.err().contains(erin.secretAccessKey()));
        assertArrayEquals(users.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(credentials));
        assertFalse(Files.exists(config) && Botocore.rawConfigParse(config).containsKey("profile ops"));
        assertEquals("inactive", session("ops").get("status").asText());

        ok(rolehop("", "session", "start", "ops", "--mode", "credential-process", "--force"));

        // No keys for the profile, so the AWS CLI, botocore and the Java SDK all run credential_process.
        assertEquals(Map.of(), Botocore.rawConfigParse(credentials).get("ops"));
        assertEquals(OPS_ROLE, aws().callerArn("ops"));

        ok(rolehop("", "session", "stop", "ops"));
        assertArrayEquals(users.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(credentials));
        assertEquals(erin.arn(), aws().callerArn("ops"), "the user's own profile works again");
    }

    @Test
    void sectionsReplacedWithForceComeBackByteForByteOnStopAndOnAMove() throws Exception {
        String userConfig = "[profile ops]\r\nregion = eu-west-1\r\noutput = json\r\n; mine\r\n[profile x]\r\nk=v";
        String userCredentials = "[ops]\naws_access_key_id = AKIAUSERSOWN00000001\naws_secret_access_key = own\n";
        write(config, userConfig);
        write(credentials, userCredentials);

        ok(rolehop("", "session", "start", "ops", "--force"));
        assertEquals(OPS_ROLE, aws().callerArn("ops"));
        ok(rolehop("", "session", "stop", "ops"));

        assertArrayEquals(userConfig.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(config));
        assertArrayEquals(userCredentials.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(credentials));

        ok(rolehop("", "session", "start", "ops", "--force", "--mode", "credential-process"));
        ok(rolehop("", "session", "edit", "ops", "--profile", "ops-elsewhere"));

        assertTrue(Files.readString(config).startsWith(userConfig + "\r\n"), Files.readString(config));
        assertEquals(OPS_ROLE, aws().callerArn("ops-elsewhere"));
        assertArrayEquals(userCredentials.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(credentials));
    }

    @Test
    void aDeleteThatCannotOpenTheSecretStoreChangesNothingAndARetryFinishes() throws Exception {
        ok(rolehop("", "session", "start", "erin"));
        String id = session("erin").get("id").asText();
        EncryptedFileSecretStore vault = new EncryptedFileSecretStore(
                Path.of(env.get("ROLEHOP_HOME"), "secrets.vault"),
                () -> Optional.of(env.get("ROLEHOP_VAULT_PASSPHRASE").toCharArray()));
        List<String> keys = vault.keys("session/" + id + "/");
        assertFalse(keys.isEmpty());
        byte[] credentialsBefore = Files.readAllBytes(credentials);

        Map<String, String> right = new HashMap<>(env);
        env.put("ROLEHOP_VAULT_PASSPHRASE", "not the passphrase");
        Dist.Result failed = rolehop("", "session", "delete", "erin", "--cascade", "--yes");
        env = right;

        assertEquals(1, failed.code(), failed.toString());
        assertEquals(1, failed.err().lines().count(), failed.err());
        assertEquals("active", session("erin").get("status").asText(), "the session is still there");
        assertEquals("ops", session("ops").get("alias").asText());
        assertEquals(keys, vault.keys("session/" + id + "/"));
        assertArrayEquals(credentialsBefore, Files.readAllBytes(credentials));

        ok(rolehop("", "session", "delete", "erin", "--cascade", "--yes"));

        assertEquals(List.of(), vault.keys("session/"));
        assertEquals(
                0,
                new ObjectMapper()
                        .readTree(
                                ok(rolehop("", "session", "list", "-o", "json")).out())
                        .size());
        // The profile's section is gone, and with it the file when rolehop had created it for that section.
        assertFalse(Files.exists(credentials)
                && Botocore.rawConfigParse(credentials).containsKey("default"));
    }

    @Test
    void theMfaCommandSeesNeitherTheVaultPassphraseNorTheCallersKeys() throws Exception {
        Path seen = dir.resolve("mfa-command-env");
        ok(rolehop(
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin-mfa",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin",
                "--mfa-device",
                "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/erin",
                "--mfa-command",
                "env > '" + seen + "'; echo 123456"));
        env.put("AWS_ACCESS_KEY_ID", "AKIACALLERSOWNKEY001");
        env.put("AWS_SECRET_ACCESS_KEY", "callers-secret-access-key");
        env.put("AWS_SESSION_TOKEN", "callers-session-token");
        env.put("KEPT_FOR_THE_CHILD", "yes");

        Dist.Result started = rolehop("", "session", "start", "erin-mfa");

        assertTrue(Files.exists(seen), "the MFA command ran: " + started);
        String childEnv = Files.readString(seen);
        assertTrue(childEnv.contains("KEPT_FOR_THE_CHILD=yes"), childEnv);
        assertTrue(childEnv.contains("ROLEHOP_MFA_DEVICE=arn:aws:iam::"), childEnv);
        for (String secret : List.of(
                "ROLEHOP_VAULT_PASSPHRASE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
            assertFalse(childEnv.contains(secret + "="), secret + " reached the MFA command");
        }
        assertFalse(childEnv.contains(env.get("ROLEHOP_VAULT_PASSPHRASE")));
        assertFalse(childEnv.contains("callers-secret-access-key"));
    }
}
