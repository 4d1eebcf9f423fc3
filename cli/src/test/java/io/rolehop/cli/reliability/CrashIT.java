package io.rolehop.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.IniConfigFile;
import io.rolehop.adapters.filesystem.IniCredentialsFile;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.cli.CliHarness;
import io.rolehop.cli.Dist;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Workspace;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes SIGKILLed in the middle of writing. First, real processes that do nothing but write one file through the
 * production adapters ({@link CrashWriter}), killed after a random delay, many times, for the credentials file, the
 * config file, the workspace and the vault: after every kill the file is exactly one generation's content (the last
 * one written or the one being written), a temporary file left behind is private and never read, and the next
 * writer cleans it once it is old. Second, the real {@code bin/rolehop} killed at random points of
 * {@code session start}, {@code session stop}, {@code profile create} and {@code session edit}: every file stays
 * readable by botocore and rolehop, and the next run of the same command succeeds and converges.
 */
class CrashIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final int KILLS_PER_FILE = 12;
    private static final int VAULT_KILLS = 8;
    private static final int CLI_KILLS = 8;
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

            [profile personal]
            region = ap-southeast-2
            """;

    private static final AtomicInteger KILLS = new AtomicInteger();
    private static final AtomicInteger KILLED_MID_WRITE = new AtomicInteger();
    private static final AtomicInteger WHOLLY_NEW = new AtomicInteger();
    private static final AtomicInteger WHOLLY_OLD = new AtomicInteger();
    private static final Set<Path> TEMPS_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final AtomicInteger TEMPS_CLEANED = new AtomicInteger();
    private static final AtomicLong GENERATIONS = new AtomicLong();
    private static final AtomicInteger CLI_RUNS_KILLED = new AtomicInteger();
    private static final AtomicInteger CLI_RECOVERIES = new AtomicInteger();
    private static final List<Path> SNAPSHOTS = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    static Path dir;

    // ---- the writer loop, killed ----

    @Test
    void aWriterKilledAtAnyPointLeavesEachFileWhollyOldOrWhollyNew() throws Exception {
        Path aws = Files.createDirectories(dir.resolve("loop/aws"));
        Path home = Files.createDirectories(dir.resolve("loop/home"));
        Path credentials = writePrivate(aws.resolve("credentials"), FOREIGN_CREDENTIALS);
        Path config = writePrivate(aws.resolve("config"), FOREIGN_CONFIG);
        Path workspace = home.resolve("workspace.json");
        Path vaultFile = home.resolve("secrets.vault");
        EncryptedFileSecretStore vault =
                new EncryptedFileSecretStore(vaultFile, () -> Optional.of(CrashWriter.PASSPHRASE.toCharArray()));
        vault.put("crash/generation", CrashWriter.secret(0));
        vault.put("crash/untouched", "another secret that every generation keeps");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> killLoop("credentials", credentials, KILLS_PER_FILE, vault)));
            done.add(pool.submit(() -> killLoop("config", config, KILLS_PER_FILE, vault)));
            done.add(pool.submit(() -> killLoop("workspace", workspace, KILLS_PER_FILE, vault)));
            done.add(pool.submit(() -> killLoop("vault", vaultFile, VAULT_KILLS, vault)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // Old leftovers are removed by the next write of the same file; nothing else ever reads them.
        for (Path file : List.of(credentials, config, workspace, vaultFile)) {
            List<Path> left = temps(file);
            for (Path t : left) {
                Files.setLastModifiedTime(t, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
            }
            String kind = file == credentials
                    ? "credentials"
                    : file == config ? "config" : file == workspace ? "workspace" : "vault";
            long g = generationOnDisk(kind, file, vault) + 1;
            if (kind.equals("vault")) {
                vault.put("crash/generation", CrashWriter.secret(g));
            } else {
                CrashWriter.write(kind, file, g);
            }
            assertEquals(List.of(), temps(file), "stale temporary files of " + file + " were not removed");
            TEMPS_CLEANED.addAndGet(left.size());
        }
        assertEquals(
                "another secret that every generation keeps",
                vault.get("crash/untouched").orElseThrow());
    }

    private static void killLoop(String kind, Path file, int kills, EncryptedFileSecretStore vault) {
        long next = 1;
        for (int i = 0; i < kills; i++) {
            try {
                long lastDone = runAndKill(kind, file, next);
                long onDisk = generationOnDisk(kind, file, vault);
                assertTrue(
                        onDisk == lastDone || onDisk == lastDone + 1,
                        kind + ": generation " + onDisk + " on disk after the writer reported " + lastDone);
                (onDisk == lastDone ? WHOLLY_OLD : WHOLLY_NEW).incrementAndGet();
                GENERATIONS.addAndGet(onDisk - next + 1);
                if (!kind.equals("workspace") && !kind.equals("vault")) {
                    Path copy = dir.resolve("snapshots/" + kind + "-" + i);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    SNAPSHOTS.add(copy);
                }
                for (Path t : temps(file)) {
                    assertEquals("rw-------", mode(t), "a temporary file is readable by others: " + t);
                }
                temps(file).forEach(TEMPS_SEEN::add);
                next = onDisk + 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts a writer at generation {@code first}, kills it with SIGKILL at a random moment, returns its last done. */
    private static long runAndKill(String kind, Path file, long first) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                kind,
                file.toString(),
                String.valueOf(first));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long lastDone = -1;
        List<String> seen = new ArrayList<>();
        try {
            // Wait for the first complete generation, then let it write on for a random while.
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("done ")) {
                    lastDone = Long.parseLong(line.substring(5));
                    break;
                }
            }
            if (lastDone < 0) {
                fail(kind + " writer ended before writing: " + String.join("\n", seen));
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40));
            boolean alive = process.isAlive();
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of its stdout.
            process.toHandle().destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail(kind + " writer did not die");
            }
            assertTrue(alive, kind + " writer stopped by itself: " + String.join("\n", seen));
            assertEquals(137, process.exitValue(), "not killed by SIGKILL");
            KILLS.incrementAndGet();
            KILLED_MID_WRITE.incrementAndGet();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("done ")) {
                    lastDone = Long.parseLong(line.substring(5));
                } else {
                    fail(kind + " writer said: " + line);
                }
            }
            return lastDone;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The generation the file holds, after checking that it is exactly that generation's content and nothing else. */
    private static long generationOnDisk(String kind, Path file, EncryptedFileSecretStore vault) throws IOException {
        switch (kind) {
            case "credentials", "config" -> {
                String text = Files.readString(file);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                kind.equals("credentials")
                                        ? "aws_access_key_id = ASIACRASH(\\d+)"
                                        : "rolehop_crash_generation = (\\d+)")
                        .matcher(text);
                assertTrue(m.find(), kind + " holds no generation:\n" + text.length() + " characters");
                long g = Long.parseLong(m.group(1));
                assertArrayEquals(expected(kind, g), Files.readAllBytes(file), kind + " is not wholly generation " + g);
                return g;
            }
            case "workspace" -> {
                Workspace w = new JsonWorkspaceStore(file).load();
                long g = Long.parseLong(w.setting("crash-generation").orElseThrow());
                Set<String> profiles =
                        w.profiles().stream().map(NamedProfile::name).collect(Collectors.toCollection(TreeSet::new));
                Set<String> wanted = LongStream.rangeClosed(1, g)
                        .mapToObj(i -> "p" + i)
                        .collect(Collectors.toCollection(TreeSet::new));
                wanted.add("default");
                assertEquals(wanted, profiles, "the workspace of generation " + g + " lost or gained profiles");
                Path bak = file.resolveSibling(file.getFileName() + ".bak");
                if (g > 1) {
                    long previous = Long.parseLong(new JsonWorkspaceStore(bak)
                            .load()
                            .setting("crash-generation")
                            .orElseThrow());
                    assertTrue(
                            previous == g - 1 || previous == g, ".bak holds generation " + previous + " next to " + g);
                }
                return g;
            }
            case "vault" -> {
                String secret = vault.get("crash/generation").orElseThrow();
                long g = Long.parseLong(secret.split("-")[2]);
                assertEquals(CrashWriter.secret(g), secret);
                assertEquals(
                        "another secret that every generation keeps",
                        vault.get("crash/untouched").orElseThrow());
                return g;
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** The bytes a file must hold at generation {@code g}: the same write done on a fresh copy of the start. */
    private static byte[] expected(String kind, long g) throws IOException {
        Path scratch = Files.createTempDirectory(dir, "expected").resolve(kind);
        Files.writeString(scratch, kind.equals("credentials") ? FOREIGN_CREDENTIALS : FOREIGN_CONFIG);
        if (kind.equals("credentials")) {
            new IniCredentialsFile(scratch).write(CrashWriter.PROFILE, CrashWriter.credentials(g), false);
        } else {
            new IniConfigFile(scratch).write(CrashWriter.PROFILE, CrashWriter.config(g), false);
        }
        return Files.readAllBytes(scratch);
    }

    // ---- the real command line, killed ----

    @Test
    void rolehopKilledMidCommandLeavesReadableFilesAndTheNextRunConverges() throws Exception {
        Path root = dir.resolve("cli");
        Map<String, String> env = Dist.isolatedEnv(root);
        env.putAll(MOTO.env());
        MotoServer.IamUser alice = MOTO.createUser("crash-alice");
        String role = MOTO.createRole("crash-role", alice.arn());
        CliHarness seed = new CliHarness(root)
                .env(MOTO.env())
                .env("ROLEHOP_VAULT_PASSPHRASE", env.get("ROLEHOP_VAULT_PASSPHRASE"));
        writePrivate(seed.credentialsFile(), FOREIGN_CREDENTIALS);
        writePrivate(seed.configFile(), FOREIGN_CONFIG);
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
                "ops",
                "--assumer",
                "alice",
                "--profile",
                "ops",
                "--role-arn",
                role));
        ok(seed.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "idle",
                "--assumer",
                "alice",
                "--profile",
                "idle",
                "--role-arn",
                role));
        ok(seed.run("session", "start", "ops"));
        Processes rolehop = new Processes(env, root);

        long started = System.nanoTime();
        ok(rolehop.run("session", "stop", "ops"));
        long typicalMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        boolean active = false;
        for (int i = 0; i < CLI_KILLS; i++) {
            List<String> args = switch (i % 4) {
                case 0 -> List.of("session", "start", "ops");
                case 1 -> List.of("session", "stop", "ops");
                case 2 -> List.of("profile", "create", "made-" + i);
                default -> List.of("session", "edit", "idle", "--region", CrashWriter.REGIONS[i % 5]);
            };
            List<String> command = new ArrayList<>(List.of(Dist.launcher().toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            Thread.sleep(ThreadLocalRandom.current().nextLong(typicalMillis / 3, typicalMillis + 1));
            if (process.isAlive()) {
                CLI_RUNS_KILLED.incrementAndGet();
                KILLS.incrementAndGet();
            }
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            // Whatever the kill interrupted, every file reads, and rolehop itself can read its workspace.
            for (Path file : List.of(seed.credentialsFile(), seed.configFile())) {
                Path copy = dir.resolve("snapshots/cli-" + file.getFileName() + "-" + i);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                SNAPSHOTS.add(copy);
            }
            new JsonWorkspaceStore(root.resolve("rolehop/workspace.json")).load();

            // The same command again, not killed, succeeds and the state is what it asks for.
            ok(rolehop.run("", args));
            CLI_RECOVERIES.incrementAndGet();
            if (args.get(1).equals("start")) {
                active = true;
            } else if (args.get(1).equals("stop")) {
                active = false;
            }
            Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(seed.credentialsFile());
            assertEquals(active, parsed.containsKey("ops"), "after " + args + ": " + parsed.keySet());
            assertEquals(
                    "personal-secret-that-must-survive", parsed.get("personal").get("aws_secret_access_key"));
        }
        assertTrue(Files.readString(seed.credentialsFile()).startsWith(FOREIGN_CREDENTIALS));
        assertTrue(Files.readString(seed.configFile()).startsWith(FOREIGN_CONFIG));
        SecretScan secrets = new SecretScan()
                .add(alice.secretAccessKey())
                .harvest(seed.credentialsFile(), root.resolve("rolehop/cache"));
        assertEquals(List.of(), secrets.leaksIn(rolehop.transcript() + seed.transcript()));
    }

    @AfterAll
    static void everySnapshotIsReadByBotocoreAndFiguresArePrinted() {
        List<Botocore.ParseOutcome> outcomes = Botocore.rawConfigParseEach(List.copyOf(SNAPSHOTS));
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).parsed()) {
                unreadable.add(SNAPSHOTS.get(i) + ": " + outcomes.get(i).error().orElseThrow());
            } else if (!SNAPSHOTS.get(i).getFileName().toString().contains("config")
                    && !outcomes.get(i).sections().orElseThrow().containsKey("personal")) {
                unreadable.add(SNAPSHOTS.get(i) + " lost [personal]");
            }
        }
        System.out.println("reliability: crashes: " + KILLS.get() + " processes killed with SIGKILL ("
                + KILLED_MID_WRITE.get() + " writer loops over the credentials file, the config file, the workspace"
                + " and the vault, " + CLI_RUNS_KILLED.get() + " bin/rolehop commands mid-run), " + GENERATIONS.get()
                + " generations written; after each kill every file was wholly one generation (" + WHOLLY_OLD.get()
                + " the last reported, " + WHOLLY_NEW.get() + " the one in flight), " + SNAPSHOTS.size()
                + " AWS files read by botocore (" + unreadable.size() + " unreadable), " + TEMPS_SEEN.size()
                + " temporary files left by kills (all 0600, none ever read; young ones are left alone, "
                + TEMPS_CLEANED.get() + " still there at the end were removed by the next write once old), "
                + CLI_RECOVERIES.get() + " killed commands rerun and converged; 0 lost");
        assertEquals(List.of(), unreadable);
    }

    // ---- helpers ----

    private static List<Path> temps(Path file) {
        String prefix = "." + file.getFileName() + ".rolehop-tmp-";
        String bakPrefix = "." + file.getFileName() + ".bak.rolehop-tmp-";
        try (Stream<Path> entries = Files.list(file.getParent())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)
                            || p.getFileName().toString().startsWith(bakPrefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
