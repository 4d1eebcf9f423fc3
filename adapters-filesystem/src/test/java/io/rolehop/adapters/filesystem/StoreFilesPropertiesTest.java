package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import io.rolehop.testing.seeds.FixedSeedOnCi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * rolehop's own files on bad input: a damaged, foreign or newer workspace or vault is either read or reported on one
 * line naming the file, and never changed, never replaced; nothing but {@link OperationFailedException} comes out.
 */
@AddLifecycleHook(FixedSeedOnCi.class)
class StoreFilesPropertiesTest {
    private static final String PASSPHRASE = "property test passphrase";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final byte[] BAK =
            "{\"schemaVersion\": 1, \"the\": \"previous version\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger WORKSPACES_READ = new AtomicInteger();
    private static final AtomicInteger WORKSPACES_REFUSED = new AtomicInteger();
    private static final AtomicInteger VAULTS_READ = new AtomicInteger();
    private static final AtomicInteger VAULTS_REFUSED = new AtomicInteger();

    private Path dir;
    private byte[] validWorkspace;
    private byte[] validVault;
    private EncryptedFileSecretStore vaultStore;

    @BeforeProperty
    void setUp() throws IOException {
        dir = Files.createTempDirectory("store-properties");
        Path file = dir.resolve("seed/workspace.json");
        new JsonWorkspaceStore(file).update(w -> {
            fill(w);
            return null;
        });
        validWorkspace = Files.readAllBytes(file);
        Path vault = dir.resolve("vault/secrets.vault");
        vaultStore = new EncryptedFileSecretStore(vault, () -> Optional.of(PASSPHRASE.toCharArray()));
        vaultStore.put("session/1/secretAccessKey", SECRET);
        vaultStore.put("session/2/secretAccessKey", "an other secret ünïcode \u2028 value");
        validVault = Files.readAllBytes(vault);
    }

    @AfterProperty
    void tearDown() throws IOException {
        IniFilesPropertiesTest.deleteTree(dir);
    }

    // ---- the workspace ----

    @Property(tries = 1000)
    void aWorkspaceFileIsReadOrReportedAndNeverReplaced(
            @ForAll("workspaceTexts") byte[] content, @ForAll boolean withBackup) throws IOException {
        Path home = Files.createTempDirectory(dir, "home");
        Path file = home.resolve("workspace.json");
        Path bak = home.resolve("workspace.json.bak");
        Files.write(file, content);
        if (withBackup) {
            Files.write(bak, BAK);
        }
        JsonWorkspaceStore store = new JsonWorkspaceStore(file);
        Optional<OperationFailedException> refused = refusal(store::load);
        if (refused.isEmpty()) {
            store.update(w -> {
                w.addProfile(NamedProfile.of("added-by-property"));
                return null;
            });
            assertTrue(store.load().hasProfile(NamedProfile.of("added-by-property")));
            assertArrayEquals(content, Files.readAllBytes(bak), "the .bak is not the previous version");
            WORKSPACES_READ.incrementAndGet();
            return;
        }
        String message = refused.get().getMessage();
        assertOneLine(message);
        assertTrue(message.contains(file.toString()), "the message does not name the file: " + message);
        assertTrue(message.contains("untouched"), "the message does not say the file was kept: " + message);
        assertTrue(
                message.contains(withBackup ? "the previous version is in " + bak : "empty workspace"),
                "the message does not say how to recover: " + message);
        Optional<OperationFailedException> onUpdate = refusal(() -> store.update(w -> {
            w.addProfile(NamedProfile.of("added-by-property"));
            return null;
        }));
        assertTrue(onUpdate.isPresent(), "an update went through a workspace that load refused");
        assertArrayEquals(content, Files.readAllBytes(file), "a refused workspace was changed");
        if (withBackup) {
            assertArrayEquals(BAK, Files.readAllBytes(bak), "the backup was changed");
        } else {
            assertFalse(Files.exists(bak), "a backup appeared");
        }
        WORKSPACES_REFUSED.incrementAndGet();
    }

    // ---- the vault ----

    @Property(tries = 300)
    void aVaultFileIsReadOrReportedAndNeverReplaced(@ForAll("vaultBytes") byte[] content) throws IOException {
        Path file = vaultStore.location();
        Files.write(file, content);
        // The same instance throughout, so the key derived for the real salt is reused and each try stays cheap.
        Optional<OperationFailedException> refused = refusal(() -> vaultStore.get("session/1/secretAccessKey"));
        if (refused.isEmpty()) {
            assertEquals(Optional.of(SECRET), vaultStore.get("session/1/secretAccessKey"));
            VAULTS_READ.incrementAndGet();
            return;
        }
        String message = refused.get().getMessage();
        assertOneLine(message);
        assertTrue(message.contains(file.toString()), message);
        assertFalse(message.contains(SECRET) || message.contains(PASSPHRASE), "a secret in: " + message);
        assertTrue(
                refusal(() -> vaultStore.put("session/3/secretAccessKey", "x")).isPresent(),
                "a put went through a vault that get refused");
        assertTrue(
                refusal(() -> vaultStore.delete("session/1/secretAccessKey")).isPresent(),
                "a delete went through a vault that get refused");
        assertArrayEquals(content, Files.readAllBytes(file), "a refused vault was changed");
        VAULTS_REFUSED.incrementAndGet();
    }

    @AfterContainer
    static void printFigures() {
        System.out.println("reliability: damaged store files: " + (WORKSPACES_READ.get() + WORKSPACES_REFUSED.get())
                + " workspace files (" + WORKSPACES_READ.get() + " read and updated, " + WORKSPACES_REFUSED.get()
                + " refused on one line naming the file and the way back, left byte for byte), "
                + (VAULTS_READ.get() + VAULTS_REFUSED.get()) + " vault files (" + VAULTS_READ.get() + " read, "
                + VAULTS_REFUSED.get() + " refused, left byte for byte); 0 other exceptions");
    }

    // ---- generators ----

    @Provide
    Arbitrary<byte[]> workspaceTexts() {
        Arbitrary<String> base = Arbitraries.create(() -> new String(validWorkspace, StandardCharsets.UTF_8));
        Arbitrary<String> charEdits = Combinators.combine(
                        base,
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.chars().with("{}[]\":,0123456789-.eE \n\\unlé\u0000\ufeff".toCharArray()),
                        Arbitraries.integers().between(0, 3))
                .as((text, at, c, how) -> {
                    int i = at % (text.length() + 1);
                    return switch (how) {
                        case 0 -> text.substring(0, i) + c + text.substring(i);
                        case 1 -> text.substring(0, i) + text.substring(Math.min(text.length(), i + 1));
                        case 2 -> text.substring(0, i);
                        default -> i < text.length() ? text.substring(0, i) + c + text.substring(i + 1) : text;
                    };
                });
        Arbitrary<String> tokenEdits = Combinators.combine(
                        base,
                        Arbitraries.of(
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : 0"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : -1"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : \"1\""),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : 1.5"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : 99999999999999999999"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : null"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : 1, \"newField\" : true"),
                                Map.entry("\"schemaVersion\" : 1", "\"schemaVersion\" : 1, \"schemaVersion\" : 1"),
                                Map.entry("\"active\"", "\"sleeping\""),
                                Map.entry("\"eu-west-1\"", "\"eu-west-1\\n[evil]\""),
                                Map.entry("\"prod\"", "\"prod]\\n[default\""),
                                Map.entry("\"aws-iam-user\"", "\"\""),
                                Map.entry("\"2030-05-06T07:08:09Z\"", "\"tomorrow\""),
                                Map.entry("\"me\"", "\"" + "x".repeat(100_000) + "\""),
                                Map.entry("{", "\ufeff{"),
                                Map.entry("{", "[{"),
                                Map.entry("\"assumer\" : \"", "\"assumer\" : \"0")))
                .as((text, edit) -> text.replaceFirst(
                        java.util.regex.Pattern.quote(edit.getKey()),
                        java.util.regex.Matcher.quoteReplacement(edit.getValue())));
        Arbitrary<String> others = Arbitraries.of(
                "",
                " ",
                "null",
                "[]",
                "{}",
                "1",
                "\"workspace\"",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"schemaVersion\": 1}",
                "{\"schemaVersion\": 1, \"defaultRegion\": \"us-east-1\", \"profiles\": [],"
                        + " \"settings\": {}, \"sessions\": []}");
        Arbitrary<byte[]> texts = Arbitraries.frequencyOf(
                        Tuple.of(1, base), Tuple.of(6, charEdits), Tuple.of(3, tokenEdits), Tuple.of(1, others))
                .map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> badUtf8 = texts.map(b -> {
            byte[] out = Arrays.copyOf(b, b.length + 2);
            out[b.length] = (byte) 0xc3;
            out[b.length + 1] = (byte) 0x28;
            return out;
        });
        return Arbitraries.frequencyOf(Tuple.of(10, texts), Tuple.of(1, binary), Tuple.of(1, badUtf8));
    }

    @Provide
    Arbitrary<byte[]> vaultBytes() {
        // A fresh copy for every try: the edits below change their array.
        Arbitrary<byte[]> base = Arbitraries.create(() -> validVault.clone());
        // Header: magic 0-6, format 7, kdf 8, iterations 9-12, salt length 13, salt 14-29, iv length 30, iv 31-42.
        // Iterations and salt are left alone (but for a few below): each new pair costs a key derivation.
        Arbitrary<Integer> position = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 8)),
                Tuple.of(1, Arbitraries.of(13, 30)),
                Tuple.of(2, Arbitraries.integers().between(31, 42)),
                Tuple.of(6, Arbitraries.integers().between(43, 100_000)));
        Arbitrary<byte[]> flipped = Combinators.combine(
                        base, position, Arbitraries.integers().between(1, 255))
                .as((b, at, mask) -> {
                    int i = at < 43 ? at : 43 + (at - 43) % (b.length - 43);
                    b[i] ^= (byte) (int) mask;
                    return b;
                });
        Arbitrary<byte[]> truncated = Combinators.combine(
                        base, Arbitraries.integers().between(0, 100_000))
                .as((b, at) -> Arrays.copyOf(b, at % b.length));
        Arbitrary<byte[]> extended = Combinators.combine(
                        base,
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40))
                .as((b, extra) -> {
                    byte[] out = Arrays.copyOf(b, b.length + extra.length);
                    System.arraycopy(extra, 0, out, b.length, extra.length);
                    return out;
                });
        Arbitrary<byte[]> weakKdf = base.map(b -> {
            // A forged header asking for a weak key derivation is refused before any derivation.
            b[9] = 0;
            b[10] = 0;
            b[11] = 0;
            b[12] = 1;
            return b;
        });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.frequencyOf(
                Tuple.of(1, base),
                Tuple.of(8, flipped),
                Tuple.of(3, truncated),
                Tuple.of(2, extended),
                Tuple.of(1, weakKdf),
                Tuple.of(2, random));
    }

    // ---- helpers ----

    private static void fill(Workspace w) {
        Session user = Session.create(
                Alias.of("me"),
                AccessMethodId.of("aws-iam-user"),
                NamedProfile.DEFAULT,
                Region.of("eu-west-1"),
                Optional.empty(),
                Map.of("accessKeyId", "AKIAIOSFODNN7EXAMPLE"));
        Session admin = Session.create(
                Alias.of("prod admin"),
                AccessMethodId.of("aws-iam-role-chained"),
                NamedProfile.of("prod"),
                Region.of("us-gov-west-1"),
                Optional.of(user.id()),
                Map.of("roleArn", "arn:aws:iam::210987654321:role/Admin"));
        w.add(user);
        w.add(admin);
        w.activate(admin.id(), Instant.parse("2030-05-06T07:08:09Z"), DeliveryMode.FILE);
        w.putSetting("refresh-margin-seconds", "600");
    }

    private static Optional<OperationFailedException> refusal(Runnable action) {
        try {
            action.run();
            return Optional.empty();
        } catch (OperationFailedException e) {
            return Optional.of(e);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("expected an OperationFailedException, got " + e, e);
        }
    }

    private static void assertOneLine(String message) {
        String bad = message.codePoints()
                .filter(c -> Character.isISOControl(c)
                        || c == 0x2028
                        || c == 0x2029
                        || Character.getType(c) == Character.FORMAT)
                .mapToObj(c -> String.format("U+%04X", c))
                .collect(Collectors.joining(","));
        assertTrue(bad.isEmpty(), "the message holds " + bad + ": " + message);
    }
}
