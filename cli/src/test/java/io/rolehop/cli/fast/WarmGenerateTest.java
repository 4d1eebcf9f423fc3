package io.rolehop.cli.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.cli.CliHarness;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm path prints exactly what the full {@code session generate} prints whenever it answers, and answers
 * nothing where the full command would do more than read the cache.
 */
class WarmGenerateTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;

    CliHarness cli;
    Session root;
    Session role;
    FileCredentialsCache cache;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                // Should the full command ever miss, it must not reach a real STS.
                .env("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9");
        root = Session.create(
                Alias.of("alice"),
                AccessMethodId.of("aws-iam-user"),
                NamedProfile.of("alice"),
                Region.of("us-east-1"),
                Optional.empty(),
                Map.of());
        role = Session.create(
                Alias.of("prod admin"),
                AccessMethodId.of("aws-iam-role-chained"),
                NamedProfile.of("prod"),
                Region.of("eu-west-1"),
                Optional.of(root.id()),
                Map.of("role-arn", "arn:aws:iam::123456789012:role/admin"));
        new JsonWorkspaceStore(cli.rolehopHome().resolve("workspace.json")).update(w -> {
            w.add(root);
            w.add(role);
            return null;
        });
        cache = new FileCredentialsCache(cli.rolehopHome().resolve("cache"));
    }

    private Optional<String> warm(String session) {
        return WarmGenerate.credentialProcessLine(cli.environment(), session, NOW);
    }

    private String full(String session) {
        CliHarness.Result r = cli.run("session", "generate", session);
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    private static TemporaryCredentials credentials(String expiration) {
        return new TemporaryCredentials(
                "ASIAWARMPATH00000001",
                "secret/with+chars\\and\"quotes",
                "token/with+base64==",
                Instant.parse(expiration));
    }

    @Test
    void printsExactlyWhatTheFullCommandPrints() {
        for (String expiration : new String[] {
            "2026-11-28T11:00:00Z",
            "2026-11-28T11:00:00.5Z",
            "2026-11-28T11:00:00.123456Z",
            "2026-11-28T11:00:00.123456789Z",
            "+12026-01-01T00:00:00Z"
        }) {
            cache.put(role.id().value(), credentials(expiration));
            for (String name : new String[] {"prod admin", role.id().value()}) {
                Optional<String> line = warm(name);
                assertTrue(line.isPresent(), expiration);
                assertEquals(full(name), line.get() + System.lineSeparator());
            }
        }
    }

    @Test
    void servesTheHandoutOfAnIamUser() {
        cache.put(root.id().value() + ".handout", credentials("2026-11-28T11:00:00Z"));
        assertEquals(full("alice"), warm("alice").orElseThrow() + System.lineSeparator());
        // An expired entry under the id is passed over, as the resolver does.
        cache.put(root.id().value(), credentials("2026-11-28T09:00:00Z"));
        assertEquals(full("alice"), warm("alice").orElseThrow() + System.lineSeparator());
    }

    @Test
    void honoursTheRefreshMargin() {
        cache.put(role.id().value(), credentials("2026-11-28T10:14:59Z"));
        assertEquals(Optional.empty(), warm("prod admin"), "within the default margin of 15 minutes");
        cache.put(role.id().value(), credentials("2026-11-28T10:15:01Z"));
        assertTrue(warm("prod admin").isPresent());
        new JsonWorkspaceStore(cli.rolehopHome().resolve("workspace.json")).update(w -> {
            w.putSetting(Workspace.REFRESH_MARGIN_SETTING, "3600");
            return null;
        });
        assertEquals(Optional.empty(), warm("prod admin"));
        cache.put(role.id().value(), credentials("2026-11-28T11:00:01Z"));
        assertEquals(full("prod admin"), warm("prod admin").orElseThrow() + System.lineSeparator());
    }

    @Test
    void answersNothingWhereTheFullCommandMustDecide() throws Exception {
        assertEquals(Optional.empty(), warm("prod admin"), "nothing cached");
        assertEquals(Optional.empty(), warm("nobody"));
        cache.put(role.id().value(), credentials("2026-11-28T11:00:00Z"));
        assertTrue(warm("prod admin").isPresent());
        Path entry = cli.rolehopHome().resolve("cache").resolve(role.id().value() + ".json");
        Files.writeString(entry, "{\"AccessKeyId\":\"ASIAWARMPATH00000001\"}");
        assertEquals(Optional.empty(), warm("prod admin"), "a corrupt entry is the full command's to delete");
        assertTrue(Files.exists(entry), "the warm path writes and deletes nothing");
        cache.put(role.id().value(), credentials("2026-11-28T11:00:00Z"));
        Path workspace = cli.rolehopHome().resolve("workspace.json");
        Files.writeString(
                workspace, Files.readString(workspace).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
        assertEquals(Optional.empty(), warm("prod admin"), "a newer schema is the full command's to report");
        Files.delete(workspace);
        assertEquals(Optional.empty(), warm("prod admin"));
    }

    @Test
    void aHomeOrWorkspaceOthersCouldWriteIsTheFullCommandsToRefuse() throws Exception {
        cache.put(role.id().value(), credentials("2026-11-28T11:00:00Z"));
        Path workspace = cli.rolehopHome().resolve("workspace.json");
        assertTrue(warm("prod admin").isPresent());

        Files.setPosixFilePermissions(workspace, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(Optional.empty(), warm("prod admin"), "a world-writable workspace");
        CliHarness.Result full = cli.run("session", "generate", "prod admin");
        assertEquals(1, full.code(), full.toString());
        assertEquals(
                "rolehop: " + workspace + " is writable by other users (mode 0666); run 'chmod go-w " + workspace
                        + "' and try again",
                full.err().strip());
        assertEquals("", full.out());

        Files.setPosixFilePermissions(workspace, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(
                cli.rolehopHome(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwx---"));
        assertEquals(Optional.empty(), warm("prod admin"), "a group-writable home");
    }

    @Test
    void takesOnlyTheExactCommandLine() {
        assertTrue(WarmGenerate.applies(new String[] {"session", "generate", "x"}));
        assertFalse(WarmGenerate.applies(new String[] {"session", "generate", "--help"}));
        assertFalse(WarmGenerate.applies(new String[] {"session", "generate", "x", "--mfa-code", "1"}));
        assertFalse(WarmGenerate.applies(new String[] {"--debug", "session", "generate", "x"}));
        assertFalse(WarmGenerate.applies(new String[] {"session", "start", "x"}));
        assertFalse(WarmGenerate.applies(new String[] {}));
    }

    @Test
    void findsRolehopHomeAsTheCliEnvironmentDoes() {
        String userHome = System.getProperty("user.home");
        String[][] cases = {
            {null, null},
            {"", ""},
            {"/h", null},
            {"/h", ""},
            {"/h", "/abs/rolehop"},
            {"/h", "~"},
            {"/h", "~/r"},
            {"/h", "relative/dir"},
            {null, "~/r"},
            {"", "~"},
            {"/h", "~x"},
            {"/h/", "~/"},
        };
        for (String[] c : cases) {
            Map<String, String> env = new HashMap<>();
            if (c[0] != null) {
                env.put("HOME", c[0]);
            }
            if (c[1] != null) {
                env.put("ROLEHOP_HOME", c[1]);
            }
            CliEnvironment expected = new CliEnvironment(
                    env,
                    InputStream.nullInputStream(),
                    new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                    Clock.systemUTC(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
            assertEquals(expected.rolehopHome(), WarmGenerate.rolehopHome(env), env + " (user.home " + userHome + ")");
        }
    }

    @Test
    void ignoresIdsThatAreNotSessions() {
        assertEquals(Optional.empty(), warm(new SessionId("00000000-0000-0000-0000-000000000000").value()));
    }
}
