package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.application.fakes.FaultySecretStore;
import io.rolehop.application.fakes.MutableClock;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.cli.wiring.SecretStores;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session rotate-keys} through the real command line against moto's IAM and STS with authentication enforced,
 * with a fault at each step (create, store, prove, delete): moto always holds the key the vault holds, that key
 * works, and a chain rooted at the user still starts. IAM and STS are reached through a proxy that injects the faults.
 */
class RotateKeysTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy PROXY = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dir;

    /** Which write of the next run's secret store fails (0: none); each run gets a fresh store. */
    private int failingWrite;

    private final List<Duration> pauses = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    private CliHarness cli;
    private MotoServer.IamUser user;

    @BeforeEach
    void setUp() {
        String name = "rotor-" + NAMES.incrementAndGet();
        user = MOTO.createUser(name, MotoServer.OWN_ACCESS_KEYS_POLICY);
        String role = MOTO.createRole("rotor-role-" + NAMES.get(), user.arn());
        Map<String, String> env = PROXY.env();
        env.put("AWS_ENDPOINT_URL_IAM", PROXY.endpoint().toString());
        cli = new CliHarness(dir).env(env).clock(clock).override(new AbstractModule() {
            @Provides
            @Singleton
            SecretStore secretStore(SecretStores stores) {
                FaultySecretStore store = new FaultySecretStore(stores.lazy());
                if (failingWrite > 0) {
                    store.failWrite(failingWrite);
                }
                return store;
            }

            @Provides
            Pause pause() {
                return d -> {
                    pauses.add(d);
                    clock.advance(d);
                };
            }
        });
        ok(cli.runWithStdin(
                user.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "user",
                "--profile",
                "user",
                "--access-key-id",
                user.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "role",
                "--assumer",
                "user",
                "--profile",
                "role",
                "--role-arn",
                role));
        ok(cli.run("session", "start", "role"));
        PROXY.reset();
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertEquals(0, result.code(), result::toString);
        return result;
    }

    private static void failed(CliHarness.Result result, int code) {
        assertEquals(code, result.code(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    private LongTermCredentials stored() throws IOException {
        String id = sessionId("user");
        EncryptedFileSecretStore vault = new EncryptedFileSecretStore(
                cli.rolehopHome().resolve("secrets.vault"),
                () -> Optional.of(
                        cli.environment().get("ROLEHOP_VAULT_PASSPHRASE").toCharArray()));
        return new LongTermCredentials(
                vault.get("session/" + id + "/access-key-id").orElseThrow(),
                vault.get("session/" + id + "/secret-access-key").orElseThrow());
    }

    private String sessionId(String alias) throws IOException {
        for (JsonNode s : JSON.readTree(cli.run("session", "list", "-o", "json").out())) {
            if (s.get("alias").asText().equals(alias)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no session " + alias);
    }

    /** The vault holds a key moto knows for the user, and the chain rooted at the user starts with it. */
    private void assertWorkingKeyStored(List<String> expectedKeys) throws IOException {
        LongTermCredentials stored = stored();
        assertEquals(expectedKeys, MOTO.accessKeysOf(user.name()));
        assertTrue(expectedKeys.contains(stored.accessKeyId()), stored.accessKeyId() + " not in " + expectedKeys);
        assertEquals(user.arn(), MOTO.callerIdentity(stored));
        ok(cli.run("session", "logout", "user"));
        ok(cli.run("session", "start", "role"));
    }

    @Test
    void rotatesTheKeyAndTheChainStartsWithTheNewOne() throws IOException {
        CliHarness.Result result = ok(cli.run("session", "rotate-keys", "user", "-o", "json"));

        JsonNode json = JSON.readTree(result.out());
        String newKey = json.get("newAccessKeyId").asText();
        assertEquals(user.accessKeyId(), json.get("oldAccessKeyId").asText());
        assertEquals("user", json.get("alias").asText());
        assertEquals(List.of("user", "role"), JSON.convertValue(json.get("forgotten"), List.class));
        assertFalse(result.out().contains(stored().secretAccessKey()));
        assertEquals(newKey, stored().accessKeyId());
        assertThrows(IllegalStateException.class, () -> MOTO.callerIdentity(user.credentials()));
        assertWorkingKeyStored(List.of(newKey));
        assertTrue(PROXY.count("AssumeRole") >= 1, "the role was assumed again with the new key");
    }

    @Test
    void theTableNamesBothKeyIds() throws IOException {
        CliHarness.Result result = ok(cli.run("session", "rotate-keys", "user"));

        assertTrue(result.out().contains(user.accessKeyId()), result::toString);
        assertTrue(result.out().contains(stored().accessKeyId()), result::toString);
    }

    @Test
    void whenCreatingFailsNothingChanges() throws IOException {
        PROXY.failNext("CreateAccessKey", Fault.error(403, "AccessDenied", "not allowed"));

        CliHarness.Result result = cli.run("session", "rotate-keys", "user");

        failed(result, 1);
        assertTrue(result.err().contains("nothing changed"), result::toString);
        assertEquals(user.credentials(), stored());
        assertWorkingKeyStored(List.of(user.accessKeyId()));
    }

    @Test
    void whenStoringFailsTheNewKeyIsDeletedAgain() throws IOException {
        failingWrite = 1;

        CliHarness.Result result = cli.run("session", "rotate-keys", "user");
        failingWrite = 0;

        failed(result, 1);
        assertTrue(result.err().contains("the new key was deleted again"), result::toString);
        assertEquals(user.credentials(), stored());
        assertWorkingKeyStored(List.of(user.accessKeyId()));
    }

    @Test
    void whenTheNewKeyIsNeverAcceptedTheOldOneStaysAndTheWaitIsBounded() throws IOException {
        PROXY.failNext("GetCallerIdentity", Fault.pass());
        for (int i = 0; i < 20; i++) {
            PROXY.failNext("GetCallerIdentity", Fault.error(403, "InvalidClientTokenId", "not yet"));
        }

        CliHarness.Result result = cli.run("session", "rotate-keys", "user");

        failed(result, 1);
        assertTrue(result.err().contains("did not work"), result::toString);
        assertEquals(
                List.of(1L, 2L, 4L, 8L, 8L),
                pauses.stream().map(Duration::toSeconds).toList());
        assertEquals(user.credentials(), stored());
        assertWorkingKeyStored(List.of(user.accessKeyId()));
    }

    @Test
    void aNewKeyAcceptedAfterAFewTriesIsWaitedFor() throws IOException {
        PROXY.failNext("GetCallerIdentity", Fault.pass());
        PROXY.failNext("GetCallerIdentity", Fault.error(403, "InvalidClientTokenId", "not yet"));
        PROXY.failNext("GetCallerIdentity", Fault.error(403, "InvalidClientTokenId", "not yet"));

        CliHarness.Result result = ok(cli.run("session", "rotate-keys", "user"));

        assertEquals(List.of(1L, 2L), pauses.stream().map(Duration::toSeconds).toList(), result::toString);
        assertWorkingKeyStored(List.of(stored().accessKeyId()));
    }

    @Test
    void whenDeletingTheOldKeyFailsTheNewKeyIsStoredAndTheOldKeyNamed() throws IOException {
        for (int i = 0; i < 4; i++) {
            PROXY.failNext("DeleteAccessKey", Fault.status(503));
        }

        CliHarness.Result result = cli.run("session", "rotate-keys", "user");

        failed(result, 1);
        LongTermCredentials now = stored();
        assertFalse(now.accessKeyId().equals(user.accessKeyId()));
        assertTrue(
                result.err().contains("aws iam delete-access-key --access-key-id " + user.accessKeyId()),
                result::toString);
        assertFalse(result.err().contains(now.secretAccessKey()));
        assertWorkingKeyStored(List.of(user.accessKeyId(), now.accessKeyId()));
    }

    @Test
    void anMfaUserWithoutACodeAndNoTerminalIsExit3AndNothingChanges() throws IOException {
        ok(cli.runWithStdin(
                user.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "mfa-user",
                "--profile",
                "mfa-user",
                "--access-key-id",
                user.accessKeyId(),
                "--secret-access-key-stdin",
                "--mfa-device",
                "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/" + user.name()));
        PROXY.reset();

        CliHarness.Result result = cli.run("session", "rotate-keys", "mfa-user");

        failed(result, 3);
        assertTrue(result.err().contains("--mfa-code"), result::toString);
        assertEquals(0, PROXY.total(), "no call before the code");
        assertEquals(List.of(user.accessKeyId()), MOTO.accessKeysOf(user.name()));
    }

    @Test
    void aRoleSessionIsAUsageErrorAndCallsNothing() throws IOException {
        CliHarness.Result result = cli.run("session", "rotate-keys", "role");

        failed(result, 2);
        assertTrue(result.err().contains("aws-iam-role-chained"), result::toString);
        assertEquals(0, PROXY.total());
        assertEquals(user.credentials(), stored());
    }
}
