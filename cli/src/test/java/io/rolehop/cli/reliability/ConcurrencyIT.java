package io.rolehop.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.cli.CliHarness;
import io.rolehop.cli.Dist;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many real {@code bin/rolehop} processes at once on one workspace and one pair of AWS files, round after round:
 * sessions started and stopped on their own profiles, active sessions edited (re-applied with a new region),
 * sessions added, profiles created, while another tool appends profiles to both files under rolehop's lock
 * convention. After every round botocore reads both files and every section anyone wrote is there, as written; the
 * workspace holds every change. Then the bounded wait: a lock held too long is a clear exit 1, and nothing changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrencyIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final int ROUNDS = 3;
    private static final int STARTERS = 8;
    private static final int EDITORS = 4;
    private static final int ADDERS = 2;
    private static final int CREATORS = 2;
    private static final int PROCESSES = STARTERS + EDITORS + ADDERS + CREATORS;
    private static final String[] REGIONS = {"us-east-1", "eu-west-3", "ap-northeast-1", "sa-east-1"};
    private static final String FOREIGN_CREDENTIALS = """
            # personal keys: never lose these
            [personal]
            aws_access_key_id = AKIAPERSONALEXAMPLE1
            aws_secret_access_key = personal-secret-that-must-survive
            """;
    private static final String FOREIGN_CONFIG = """
            [default]
            region = eu-west-1
            s3 =
              max_concurrent_requests = 20
              multipart_threshold = 64MB
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    static Processes rolehop;
    static CliHarness seed;
    static String role;
    static MotoServer.IamUser alice;
    static int operations;
    static int foreignAppends;
    static long foreignAppendsDuring;
    static final Map<Integer, Integer> appendsByRound = new java.util.HashMap<>();
    static int sectionsChecked;

    @BeforeAll
    static void seed() throws IOException {
        alice = MOTO.createUser("conc-alice");
        String hub = MOTO.createRole("conc-hub", alice.arn());
        role = MOTO.createRole("conc-role", MotoServer.assumedRoleArn("conc-hub", "hub"));
        Map<String, String> env = Dist.isolatedEnv(root);
        env.putAll(MOTO.env());
        rolehop = new Processes(env, root);
        seed = new CliHarness(root)
                .env(MOTO.env())
                .env("ROLEHOP_VAULT_PASSPHRASE", env.get("ROLEHOP_VAULT_PASSPHRASE"));
        Files.createDirectories(seed.credentialsFile().getParent());
        Files.writeString(seed.credentialsFile(), FOREIGN_CREDENTIALS);
        Files.writeString(seed.configFile(), FOREIGN_CONFIG);
        for (Path f : List.of(seed.credentialsFile(), seed.configFile())) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
        ok(seed.runWithStdin(
                alice.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "alice",
                "--profile",
                "alice",
                "--access-key-id",
                alice.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(seed.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "hub",
                "--assumer",
                "alice",
                "--profile",
                "hub",
                "--role-arn",
                hub,
                "--role-session-name",
                "hub"));
        for (int i = 0; i < STARTERS; i++) {
            chained("c" + i, "pc" + i);
        }
        for (int i = 0; i < EDITORS; i++) {
            chained("e" + i, "pe" + i);
        }
        // The hub's credentials are cached from here on: the rounds need STS but never the vault.
        ok(seed.run("session", "start", "hub"));
    }

    private static void chained(String alias, String profile) {
        ok(seed.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                alias,
                "--assumer",
                "hub",
                "--profile",
                profile,
                "--role-arn",
                role,
                "--role-session-name",
                alias));
    }

    @Test
    @Order(1)
    void sixteenProcessesAtOnceAndAForeignWriterLoseNothing() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            List<List<String>> commands = new ArrayList<>();
            for (int i = 0; i < STARTERS; i++) {
                commands.add(List.of("session", round % 2 == 0 ? "start" : "stop", "c" + i));
            }
            for (int i = 0; i < EDITORS; i++) {
                commands.add(
                        round == 0
                                ? List.of("session", "start", "e" + i)
                                : List.of("session", "edit", "e" + i, "--region", REGIONS[round]));
            }
            for (int k = 0; k < ADDERS; k++) {
                commands.add(List.of(
                        "session",
                        "add",
                        "aws-iam-role-chained",
                        "--alias",
                        "a" + round + "-" + k,
                        "--assumer",
                        "hub",
                        "--role-arn",
                        role,
                        "--profile",
                        "q" + round + "-" + k));
            }
            for (int k = 0; k < CREATORS; k++) {
                commands.add(List.of("profile", "create", "w" + round + "-" + k));
            }
            ForeignWriter.Running foreign =
                    ForeignWriter.start(seed.credentialsFile().getParent(), "r" + round);
            long started = System.nanoTime();
            long from = System.currentTimeMillis();
            List<Dist.Result> results = rolehop.runTogether(commands);
            long to = System.currentTimeMillis();
            List<Long> appends = ForeignWriter.stop(foreign);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long during = appends.stream().filter(t -> t >= from && t <= to).count();
            // The check must be able to fail: the foreign appends fall while rolehop's processes write.
            assertTrue(
                    during >= 3,
                    "only " + during + " of " + appends.size() + " foreign appends fell while the"
                            + " rolehop processes ran (" + from + " to " + to + "): " + appends);
            appendsByRound.put(round, appends.size());
            for (int i = 0; i < results.size(); i++) {
                assertEquals(
                        0, results.get(i).code(), "round " + round + ": " + commands.get(i) + "\n" + results.get(i));
            }
            operations += commands.size();
            foreignAppends += 2 * appends.size();
            foreignAppendsDuring += 2 * during;
            checkRound(round);
            System.out.println("reliability: concurrency round " + round + ": " + PROCESSES + " rolehop processes and"
                    + " a foreign writer at once, " + millis + " ms, every section and change present");
        }
    }

    private static void checkRound(int round) throws IOException {
        boolean started = round % 2 == 0;
        Map<String, Map<String, Object>> credentials = Botocore.rawConfigParse(seed.credentialsFile());
        Map<String, Map<String, Object>> config = Botocore.rawConfigParse(seed.configFile());

        Set<String> wantedCredentials = new TreeSet<>(List.of("personal", "hub"));
        Set<String> wantedConfig = new TreeSet<>(List.of("default", "profile hub"));
        for (int r = 0; r <= round; r++) {
            for (int j = 0; j < appendsByRound.get(r); j++) {
                String name = "foreign-r" + r + "-" + j;
                wantedCredentials.add(name);
                wantedConfig.add("profile " + name);
                assertEquals("AKIAFOREIGNr" + r + j, credentials.get(name).get("aws_access_key_id"), name);
                assertEquals("eu-north-1", config.get("profile " + name).get("region"), name);
            }
        }
        for (int i = 0; i < STARTERS; i++) {
            if (started) {
                wantedCredentials.add("pc" + i);
                wantedConfig.add("profile pc" + i);
                assertTrue(String.valueOf(credentials.get("pc" + i).get("aws_session_token"))
                                .length()
                        > 20);
            }
        }
        for (int i = 0; i < EDITORS; i++) {
            wantedCredentials.add("pe" + i);
            wantedConfig.add("profile pe" + i);
            assertEquals(REGIONS[round], config.get("profile pe" + i).get("region"), "pe" + i);
        }
        assertEquals(wantedCredentials, new TreeSet<>(credentials.keySet()), "round " + round + " credentials");
        assertEquals(wantedConfig, new TreeSet<>(config.keySet()), "round " + round + " config");
        assertEquals(
                "personal-secret-that-must-survive", credentials.get("personal").get("aws_secret_access_key"));
        assertEquals(
                Map.of("max_concurrent_requests", "20", "multipart_threshold", "64MB"),
                config.get("default").get("s3"));
        assertTrue(Files.readString(seed.credentialsFile()).startsWith(FOREIGN_CREDENTIALS), "foreign bytes moved");
        assertTrue(Files.readString(seed.configFile()).startsWith(FOREIGN_CONFIG), "foreign bytes moved");
        sectionsChecked += wantedCredentials.size() + wantedConfig.size();

        JsonNode workspace =
                JSON.readTree(seed.rolehopHome().resolve("workspace.json").toFile());
        Map<String, JsonNode> sessions = new HashMap<>();
        workspace.get("sessions").forEach(s -> sessions.put(s.get("alias").asText(), s));
        Set<String> wantedSessions = new TreeSet<>(List.of("alice", "hub"));
        Set<String> profiles = new TreeSet<>();
        workspace.get("profiles").forEach(p -> profiles.add(p.asText()));
        for (int i = 0; i < STARTERS; i++) {
            wantedSessions.add("c" + i);
            assertEquals(
                    started ? "active" : "inactive",
                    sessions.get("c" + i).get("status").asText(),
                    "c" + i);
        }
        for (int i = 0; i < EDITORS; i++) {
            wantedSessions.add("e" + i);
            assertEquals("active", sessions.get("e" + i).get("status").asText(), "e" + i);
            assertEquals(REGIONS[round], sessions.get("e" + i).get("region").asText(), "e" + i);
        }
        for (int r = 0; r <= round; r++) {
            for (int k = 0; k < ADDERS; k++) {
                wantedSessions.add("a" + r + "-" + k);
                assertTrue(profiles.contains("q" + r + "-" + k), "profile q" + r + "-" + k + " lost");
            }
            for (int k = 0; k < CREATORS; k++) {
                assertTrue(profiles.contains("w" + r + "-" + k), "profile w" + r + "-" + k + " lost");
            }
        }
        assertEquals(wantedSessions, new TreeSet<>(sessions.keySet()), "round " + round + " sessions");
        sectionsChecked += wantedSessions.size();
        try (Stream<Path> files =
                Stream.concat(Files.list(seed.credentialsFile().getParent()), Files.list(seed.rolehopHome()))) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().contains(".rolehop-tmp-"))
                            .toList());
        }
    }

    @Test
    @Order(2)
    void aLockHeldTooLongIsAClearExitOneAndNothingChanges() throws Exception {
        Path lock = seed.credentialsFile().resolveSibling(".credentials.rolehop-lock");
        FileTree before =
                FileTree.of(seed.rolehopHome().resolve("workspace.json"), seed.credentialsFile(), seed.configFile());
        Process holder = ForeignWriter.hold(lock, 30);
        try {
            long started = System.nanoTime();
            // start writes the config file, then waits for the credentials file, gives up, and puts the config back.
            Dist.Result r = rolehop.run("session", "start", "a0-0");
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertEquals(1, r.code(), r.toString());
            assertEquals(
                    seed.credentialsFile() + " is locked by another process for more than 10 s; try again",
                    r.err().strip().replaceFirst("^rolehop: ", ""));
            assertTrue(waited >= 10_000 && waited < 25_000, "waited " + waited + " ms");
            assertEquals(
                    List.of(),
                    before.differences(FileTree.of(
                            seed.rolehopHome().resolve("workspace.json"), seed.credentialsFile(), seed.configFile())));
            System.out.println("reliability: lock timeout: session start waited " + waited + " ms for the credentials"
                    + " file's lock held by another process, then exit 1 with one line naming the file; the config"
                    + " section it had written was put back: nothing changed");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        ok(rolehop.run("session", "start", "a0-0"));
        assertTrue(Botocore.rawConfigParse(seed.credentialsFile()).containsKey("q0-0"));
        assertTrue(Botocore.rawConfigParse(seed.configFile()).containsKey("profile q0-0"));
    }

    @AfterAll
    static void noSecretWasPrintedAndFigures() {
        SecretScan secrets = new SecretScan()
                .add(alice.secretAccessKey())
                .harvest(seed.credentialsFile(), seed.rolehopHome().resolve("cache"));
        assertEquals(List.of(), secrets.leaksIn(rolehop.transcript() + seed.transcript()));
        System.out.println("reliability: concurrency: " + PROCESSES + " rolehop processes at once x " + ROUNDS
                + " rounds = " + operations + " operations (start, stop, edit, add, profile create) + "
                + foreignAppends + " appends by a foreign writer under the lock (" + foreignAppendsDuring
                + " while rolehop processes ran); " + sectionsChecked
                + " sections and sessions checked after the rounds, 0 lost, 0 unreadable; " + secrets.size()
                + " secrets checked against " + rolehop.runs() + " transcripts, 0 printed");
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
