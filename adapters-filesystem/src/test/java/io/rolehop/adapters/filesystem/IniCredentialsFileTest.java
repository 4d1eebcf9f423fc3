package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.bytes;
import static io.rolehop.adapters.filesystem.TestFiles.credentials;
import static io.rolehop.adapters.filesystem.TestFiles.mode;
import static io.rolehop.adapters.filesystem.TestFiles.names;
import static io.rolehop.adapters.filesystem.TestFiles.read;
import static io.rolehop.adapters.filesystem.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.UsageException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.Botocore;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IniCredentialsFileTest {
    private static final NamedProfile DEV = NamedProfile.of("dev");
    private static final TemporaryCredentials ONE = credentials("A1");
    private static final TemporaryCredentials TWO = credentials("B2");

    // A user's file with what Leapp lost: comments of both kinds, blank lines, order, odd spacing, non-ASCII.
    private static final String USERS_FILE = "# my keys — don't lose this comment\n"
            + "[work]\n"
            + "aws_access_key_id=AKIAWORK0000000000001\n"
            + "; rotated 2024-05-01\n"
            + "aws_secret_access_key   =   workSecret/abc\n"
            + "\n"
            + "\n"
            + "[home]\n"
            + "aws_access_key_id = AKIAHOME0000000000001\n"
            + "aws_secret_access_key = homeSecret\n";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("aws/credentials");
    }

    private static String block(String profile, TemporaryCredentials c) {
        return "[" + profile + "]\n# managed by rolehop\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\naws_session_token = " + c.sessionToken()
                + "\n";
    }

    @Test
    void createsANewFile0600InANewDirectory0700ThatBotocoreReads() {
        Path file = dir.resolve("new/aws/credentials");
        IniCredentialsFile credentials = new IniCredentialsFile(file);

        credentials.write(DEV, ONE, false);

        assertEquals(block("dev", ONE), read(file));
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(dir.resolve("new")));
        assertEquals("rwx------", mode(dir.resolve("new/aws")));
        var resolved = Botocore.resolveProfile(dir.resolve("no-config"), file, "dev");
        assertEquals(ONE.accessKeyId(), resolved.accessKeyId().orElseThrow());
        assertEquals(ONE.secretAccessKey(), resolved.secretAccessKey().orElseThrow());
        assertEquals(ONE.sessionToken(), resolved.sessionToken().orElseThrow());
    }

    @Test
    void appendsItsSectionAndKeepsEveryOtherByte() {
        write(file(), USERS_FILE);
        IniCredentialsFile credentials = new IniCredentialsFile(file());

        credentials.write(DEV, ONE, false);

        assertEquals(USERS_FILE + "\n" + block("dev", ONE), read(file()));
        Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(file());
        assertEquals(List.of("work", "home", "dev"), List.copyOf(parsed.keySet()));
        assertEquals("workSecret/abc", parsed.get("work").get("aws_secret_access_key"));
        assertEquals(ONE.sessionToken(), parsed.get("dev").get("aws_session_token"));
        assertTrue(credentials.owns(DEV));
        assertFalse(credentials.owns(NamedProfile.of("work")));
    }

    @Test
    void replacesItsOwnSectionInPlaceBetweenForeignOnes() {
        write(file(), USERS_FILE);
        new IniCredentialsFile(file()).write(DEV, ONE, false);
        String after = "\n# added by the user after rolehop's section\n[later]\nregion_note = kept\n";
        write(file(), read(file()) + after);

        new IniCredentialsFile(file()).write(DEV, TWO, false);

        assertEquals(USERS_FILE + "\n" + block("dev", TWO) + after, read(file()));
        assertEquals(
                TWO.accessKeyId(),
                Botocore.resolveProfile(dir.resolve("none"), file(), "dev")
                        .accessKeyId()
                        .orElseThrow());
    }

    @Test
    void ownershipIsReadFromTheFileByANewInstance() {
        new IniCredentialsFile(file()).write(DEV, ONE, false);

        IniCredentialsFile later = new IniCredentialsFile(file());
        assertTrue(later.owns(DEV));
        later.checkWritable(DEV, false);
        later.write(DEV, TWO, false);
        assertEquals(block("dev", TWO), read(file()));
    }

    @Test
    void refusesAForeignSectionWithoutForce() {
        write(file(), USERS_FILE);
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        NamedProfile work = NamedProfile.of("work");

        var check = assertThrows(ProfileConflictException.class, () -> credentials.checkWritable(work, false));
        var write = assertThrows(ProfileConflictException.class, () -> credentials.write(work, ONE, false));

        for (var e : List.of(check, write)) {
            assertTrue(e.getMessage().contains(file().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("'work'"), e.getMessage());
            assertTrue(e.getMessage().contains("--force replaces it after a backup"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertFalse(e.getMessage().contains("workSecret"));
        }
        assertEquals(USERS_FILE, read(file()));
        assertEquals(
                List.of("credentials"),
                names(file().getParent()).stream()
                        .filter(n -> !n.endsWith(AwsSharedFile.LOCK_SUFFIX))
                        .toList());
        assertFalse(credentials.owns(work));
        assertFalse(credentials.remove(work));
        assertEquals(USERS_FILE, read(file()));
    }

    @Test
    void withForceBacksTheFileUpThenReplacesTheForeignSection() throws Exception {
        write(file(), USERS_FILE);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        NamedProfile work = NamedProfile.of("work");

        credentials.checkWritable(work, true);
        credentials.write(work, ONE, true);

        List<String> backups = names(file().getParent()).stream()
                .filter(n -> n.contains(".rolehop-backup-"))
                .toList();
        assertEquals(1, backups.size(), backups.toString());
        assertTrue(backups.get(0).matches("credentials\\.rolehop-backup-\\d{8}T\\d{6}Z"), backups.get(0));
        Path backup = file().resolveSibling(backups.get(0));
        assertArrayEquals(USERS_FILE.getBytes(StandardCharsets.UTF_8), bytes(backup));
        assertEquals("rw-------", mode(backup));
        // The section's own lines are replaced where they stood; the blank lines and [home] after it are kept.
        String expected = "# my keys — don't lose this comment\n"
                + block("work", ONE)
                        .replace(
                                "rolehop\n",
                                "rolehop\n"
                                        + IniConfigFileTest.kept(
                                                "[work]\naws_access_key_id=AKIAWORK0000000000001\n; rotated 2024-05-01\n"
                                                        + "aws_secret_access_key   =   workSecret/abc\n"))
                + "\n\n"
                + "[home]\naws_access_key_id = AKIAHOME0000000000001\naws_secret_access_key = homeSecret\n";
        assertEquals(expected, read(file()));
        assertEquals("rw-r-----", mode(file()));
        assertTrue(new IniCredentialsFile(file()).owns(work));
        assertEquals(
                ONE.accessKeyId(),
                Botocore.resolveProfile(dir.resolve("none"), file(), "work")
                        .accessKeyId()
                        .orElseThrow());
    }

    @Test
    void aSectionReplacedWithForceComesBackByteForByteWhenRolehopsGoes() {
        String users = USERS_FILE.replace("\n", "\r\n") + "[last]\r\nk = v";
        write(file(), users);
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        NamedProfile last = NamedProfile.of("last");

        credentials.write(NamedProfile.of("work"), ONE, true);
        credentials.write(NamedProfile.of("work"), TWO, false);
        credentials.write(last, ONE, true);
        assertEquals(
                TWO.accessKeyId(),
                Botocore.resolveProfile(dir.resolve("none"), file(), "work")
                        .accessKeyId()
                        .orElseThrow());

        assertTrue(credentials.remove(NamedProfile.of("work")));
        assertTrue(credentials.remove(last));

        assertArrayEquals(users.getBytes(StandardCharsets.UTF_8), bytes(file()));
    }

    @Test
    void clearMovesForeignKeysAsideOnlyWithForceAndRemoveBringsThemBack() {
        write(file(), USERS_FILE);
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        NamedProfile work = NamedProfile.of("work");

        assertThrows(ProfileConflictException.class, () -> credentials.clear(work, false));
        assertEquals(USERS_FILE, read(file()));

        credentials.clear(work, true);
        credentials.clear(work, true);
        assertTrue(
                Botocore.resolveProfile(dir.resolve("none"), file(), "work")
                        .accessKeyId()
                        .isEmpty(),
                "no keys for the profile while rolehop has it");
        assertTrue(credentials.owns(work));

        assertTrue(credentials.remove(work));
        assertArrayEquals(USERS_FILE.getBytes(StandardCharsets.UTF_8), bytes(file()));

        credentials.write(DEV, ONE, false);
        credentials.clear(DEV, false);
        assertArrayEquals(USERS_FILE.getBytes(StandardCharsets.UTF_8), bytes(file()), "rolehop's own keys just go");
    }

    @Test
    void removeTakesOutExactlyWhatItAddedAndNothingForeign() {
        write(file(), USERS_FILE);
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        credentials.write(DEV, ONE, false);
        credentials.write(NamedProfile.of("ops"), TWO, false);

        assertTrue(credentials.remove(DEV));
        assertTrue(credentials.remove(NamedProfile.of("ops")));

        assertArrayEquals(USERS_FILE.getBytes(StandardCharsets.UTF_8), bytes(file()));
        assertFalse(credentials.remove(DEV));
        assertFalse(credentials.owns(DEV));
    }

    @Test
    void removeOfASectionInTheMiddleTakesItsSeparatingBlankLine() {
        new IniCredentialsFile(file()).write(DEV, ONE, false);
        String rest = "\n[home]\naws_access_key_id = AKIAHOME0000000000001\n";
        write(file(), "[first]\nk = v\n\n" + read(file()) + rest);

        assertTrue(new IniCredentialsFile(file()).remove(DEV));

        assertEquals("[first]\nk = v\n" + rest, read(file()));
    }

    @Test
    void aMissingFileIsNotOwnedAndNotCreatedByRemove() {
        Path file = dir.resolve("missing/credentials");
        IniCredentialsFile credentials = new IniCredentialsFile(file);

        assertFalse(credentials.owns(DEV));
        assertFalse(credentials.remove(DEV));
        credentials.checkWritable(DEV, false);

        assertFalse(Files.exists(file.getParent()));
    }

    static Stream<Arguments> unparseable() {
        return Stream.of(
                Arguments.of("aws_access_key_id = AKIAXXXXXXXXXXXXXXXX\n[a]\nk = v\n", 1),
                Arguments.of("[a]\nk = v\nthis line has no equals sign\n", 3),
                Arguments.of("[a]\nk = v\n\n[b]\nk = v\n[a]\nx = y\n", 6),
                Arguments.of("[a]\nk = v\nK = w\n", 3),
                Arguments.of("[a]\n= value without a key\n", 2),
                Arguments.of("[a]\nk = v\n[]\n", 3),
                Arguments.of("[a]\ns3 =\n  max_concurrent_requests = 20\n  not-a-pair\n", 4),
                Arguments.of("\uFEFF[a]\nk = v\n", 1));
    }

    @ParameterizedTest
    @MethodSource("unparseable")
    void neverRewritesAFileBotocoreCannotReadAndNamesTheLine(String text, int line) {
        write(file(), text);
        assertTrue(Botocore.parseError(file()).isPresent(), "botocore accepts what we reject: " + text);
        IniCredentialsFile credentials = new IniCredentialsFile(file());

        for (Runnable attempt : List.<Runnable>of(
                () -> credentials.write(DEV, ONE, false),
                () -> credentials.write(DEV, ONE, true),
                () -> credentials.checkWritable(DEV, false),
                () -> credentials.remove(DEV))) {
            var e = assertThrows(OperationFailedException.class, attempt::run);
            assertTrue(e.getMessage().startsWith(file() + " line " + line + ": "), e.getMessage());
        }
        assertEquals(text, read(file()));
        assertEquals(
                List.of("credentials"),
                names(file().getParent()).stream()
                        .filter(n -> !n.endsWith(AwsSharedFile.LOCK_SUFFIX))
                        .toList());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws Exception {
        byte[] text = {'[', 'a', ']', '\n', 'k', ' ', '=', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        Files.createDirectories(file().getParent());
        Files.write(file(), text);

        var e = assertThrows(
                OperationFailedException.class, () -> new IniCredentialsFile(file()).write(DEV, ONE, false));

        assertEquals(
                file() + " line 2: not valid UTF-8 text; rolehop does not rewrite a file the AWS CLI cannot"
                        + " read: fix that line and try again",
                e.getMessage());
        assertArrayEquals(text, bytes(file()));
    }

    @Test
    void aBrokenLineHoldingASecretIsNeverQuoted() {
        write(file(), "[a]\naws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n");

        var e = assertThrows(
                OperationFailedException.class, () -> new IniCredentialsFile(file()).write(DEV, ONE, false));

        assertFalse(e.getMessage().contains("wJalr"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void keepsCrlfLineEndingsAndUsesThemForItsOwnLines() {
        String original = "[work]\r\naws_access_key_id = AKIAWORK0000000000001\r\n";
        write(file(), original);

        new IniCredentialsFile(file()).write(DEV, ONE, false);

        assertEquals(original + "\r\n" + block("dev", ONE).replace("\n", "\r\n"), read(file()));
        assertEquals(
                ONE.sessionToken(), Botocore.rawConfigParse(file()).get("dev").get("aws_session_token"));
        assertTrue(new IniCredentialsFile(file()).remove(DEV));
        assertEquals(original, read(file()));
    }

    @Test
    void endsALastLineThatHadNoNewlineAndTheStopTakesTheLineEndingBack() {
        String users = "[work]\naws_access_key_id = AKIAWORK0000000000001";
        write(file(), users);
        IniCredentialsFile credentials = new IniCredentialsFile(file());

        credentials.write(DEV, ONE, false);
        assertEquals(
                users + "\n\n"
                        + block("dev", ONE)
                                .replace("# managed by rolehop", "# managed by rolehop (it ended the line above)"),
                read(file()));
        credentials.write(DEV, TWO, false);
        assertTrue(credentials.remove(DEV));

        assertEquals(users, read(file()));
    }

    @Test
    void aBlankOrWhitespaceOnlyLastLineSurvivesAStartAndAStop() {
        for (String users : List.of(USERS_FILE + "\n", USERS_FILE + " \t\n", USERS_FILE + "  ", USERS_FILE + "\n\n")) {
            write(file(), users);
            IniCredentialsFile credentials = new IniCredentialsFile(file());

            credentials.write(DEV, ONE, false);
            assertEquals(
                    ONE.accessKeyId(),
                    Botocore.rawConfigParse(file()).get("dev").get("aws_access_key_id"));
            assertTrue(credentials.remove(DEV));

            assertEquals(users, read(file()));
        }
    }

    @Test
    void aFileThatDidNotExistIsGoneAgainAfterTheStopAndAnEmptyOneStaysEmpty() throws Exception {
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        credentials.write(DEV, ONE, false);
        credentials.write(NamedProfile.of("ops"), TWO, false);
        assertEquals(block("dev", ONE) + "\n" + block("ops", TWO), read(file()));
        assertTrue(credentials.remove(DEV));
        assertTrue(credentials.remove(NamedProfile.of("ops")));
        assertFalse(Files.exists(file()), "rolehop created the file, and nothing else is in it");

        write(file(), "");
        credentials.write(DEV, ONE, false);
        assertTrue(credentials.remove(DEV));
        assertTrue(Files.exists(file()));
        assertEquals(0, Files.size(file()));
    }

    @Test
    void aFileRolehopCreatedStaysWhenTheUserAddedToIt() {
        IniCredentialsFile credentials = new IniCredentialsFile(file());
        credentials.write(DEV, ONE, false);
        write(file(), read(file()) + "\n[mine]\nk = v\n");

        assertTrue(credentials.remove(DEV));

        assertEquals("[mine]\nk = v\n", read(file()));
    }

    @Test
    void aSectionWrittenByAnEarlierVersionIsStillRemovedWithItsSeparator() {
        write(file(), USERS_FILE + "\n" + block("dev", ONE));

        assertTrue(new IniCredentialsFile(file()).remove(DEV));

        assertEquals(USERS_FILE, read(file()));
    }

    @Test
    void acceptsACommentAfterASectionHeaderAsBotocoreDoes() {
        for (String users : List.of("[work] ; Comment\nk = v\n", "[work]# pound\nk = v", "[work];\nk = v ;\n")) {
            write(file(), users);
            IniCredentialsFile credentials = new IniCredentialsFile(file());

            credentials.write(DEV, ONE, false);
            assertEquals(
                    "v",
                    Botocore.rawConfigParse(file())
                            .get("work")
                            .get("k")
                            .toString()
                            .split(" ")[0]);
            assertTrue(credentials.remove(DEV));

            assertEquals(users, read(file()));
        }
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        write(file(), USERS_FILE);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        new IniCredentialsFile(file()).write(DEV, ONE, false);

        assertEquals("rw-r--r--", mode(file()));
    }

    @Test
    void writesThroughASymbolicLink() throws Exception {
        Path real = dir.resolve("dotfiles/aws-credentials");
        write(real, USERS_FILE);
        Path link = file();
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("../dotfiles/aws-credentials"));

        new IniCredentialsFile(link).write(DEV, ONE, false);

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(USERS_FILE + "\n" + block("dev", ONE), read(real));
        assertTrue(new IniCredentialsFile(link).owns(DEV));
        assertEquals(List.of("credentials"), names(link.getParent()));
    }

    @Test
    void createsTheTargetOfADanglingSymbolicLink() throws Exception {
        Path real = dir.resolve("elsewhere/credentials");
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), real);

        new IniCredentialsFile(file()).write(DEV, ONE, false);

        assertTrue(Files.isSymbolicLink(file()));
        assertEquals(block("dev", ONE), read(real));
        assertEquals("rw-------", mode(real));
    }

    @Test
    void givesUpWithAClearMessageWhenTheFileStaysLockedInThisJvm() throws Exception {
        write(file(), USERS_FILE);
        Path lockFile = file().resolveSibling(".credentials" + AwsSharedFile.LOCK_SUFFIX);
        IniCredentialsFile credentials = new IniCredentialsFile(file(), Duration.ofSeconds(1));

        ExecutorService holder = Executors.newSingleThreadExecutor();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            holder.submit(() -> channel.lock()).get();
            long start = System.nanoTime();
            var e = assertThrows(OperationFailedException.class, () -> credentials.write(DEV, ONE, false));
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertEquals(file() + " is locked by another process for more than 1 s; try again", e.getMessage());
            assertTrue(waited >= 1000 && waited < 5000, "waited " + waited + " ms");
            assertThrows(OperationFailedException.class, () -> credentials.remove(DEV));
        } finally {
            holder.shutdownNow();
        }
        assertEquals(USERS_FILE, read(file()));
    }

    @Test
    void waitsForAnotherProcessAndWritesOnceItLetsGo() throws Exception {
        write(file(), USERS_FILE);
        Path lockFile = file().resolveSibling(".credentials" + AwsSharedFile.LOCK_SUFFIX);
        IniCredentialsFile credentials = new IniCredentialsFile(file(), Duration.ofMillis(700));

        try (ExternalLock held = new ExternalLock(lockFile)) {
            var e = assertThrows(OperationFailedException.class, () -> credentials.write(DEV, ONE, false));
            assertEquals(file() + " is locked by another process for more than 700 ms; try again", e.getMessage());
            assertEquals(USERS_FILE, read(file()));
        }

        credentials.write(DEV, ONE, false);
        assertTrue(credentials.owns(DEV));
    }

    @Test
    void concurrentWritersInOneJvmLoseNoSection() throws Exception {
        write(file(), USERS_FILE);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                NamedProfile profile = NamedProfile.of("p" + i);
                IniCredentialsFile own = new IniCredentialsFile(file());
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 4; round++) {
                        own.write(profile, round % 2 == 0 ? ONE : TWO, false);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(file());
        assertEquals(8, parsed.size(), parsed.keySet().toString());
        for (int i = 0; i < 6; i++) {
            assertEquals(TWO.accessKeyId(), parsed.get("p" + i).get("aws_access_key_id"));
        }
        assertTrue(read(file()).startsWith(USERS_FILE));
        assertTrue(names(file().getParent()).stream().noneMatch(n -> n.contains(AtomicFiles.TEMP_MARK)));
    }

    @Test
    void leftoverTemporaryFilesOfACrashedWriterDoNoHarmAndOldOnesAreTidied() throws Exception {
        write(file(), USERS_FILE);
        Path stale = file().resolveSibling(".credentials" + AtomicFiles.TEMP_MARK + "0123456789abcdef");
        Path young = file().resolveSibling(".credentials" + AtomicFiles.TEMP_MARK + "fedcba9876543210");
        write(stale, "[half");
        write(young, "[half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        new IniCredentialsFile(file()).write(DEV, ONE, false);

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(young));
        assertEquals(USERS_FILE + "\n" + block("dev", ONE), read(file()));
    }

    @Test
    void refusesTheProfileNameDefaultInCapitals() {
        var e = assertThrows(
                UsageException.class,
                () -> new IniCredentialsFile(file()).write(NamedProfile.of("DEFAULT"), ONE, false));
        assertTrue(e.getMessage().contains("DEFAULT"), e.getMessage());
        assertThrows(
                UsageException.class,
                () -> new IniCredentialsFile(file()).checkWritable(NamedProfile.of("DEFAULT"), true));
        assertFalse(new IniCredentialsFile(file()).owns(NamedProfile.of("DEFAULT")));
        assertFalse(new IniCredentialsFile(file()).remove(NamedProfile.of("DEFAULT")));
        assertFalse(Files.exists(file()));
    }

    @Test
    void aFileChangedAfterItsCheckIsReadAgainBeforeTheWrite() throws Exception {
        write(file(), USERS_FILE);
        IniCredentialsFile credentialsFile = new IniCredentialsFile(file());
        credentialsFile.checkWritable(DEV, false);
        // Another program writes between the check and the write (the file read for the check is kept in memory).
        write(file(), USERS_FILE + "\n[added]\naws_access_key_id = AKIAADDED00000000001\n");
        credentialsFile.write(DEV, ONE, false);
        assertEquals(
                USERS_FILE + "\n[added]\naws_access_key_id = AKIAADDED00000000001\n\n" + block("dev", ONE),
                read(file()));
        // Unchanged since the write: the next one reads what is there, the section written a moment ago included.
        credentialsFile.write(DEV, TWO, false);
        assertEquals(
                USERS_FILE + "\n[added]\naws_access_key_id = AKIAADDED00000000001\n\n" + block("dev", TWO),
                read(file()));
    }
}
