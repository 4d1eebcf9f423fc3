package io.rolehop.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.cli.CliHarness;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files rolehop must not make worse, through the real command line: an AWS file botocore cannot read is never
 * rewritten (the error names the file and the line); a corrupt or newer workspace and a damaged vault are reported
 * with the way back and left as they are; a symbolic link to the credentials file is written through and stays a
 * link; and everything rolehop creates from nothing is private (files 0600, directories 0700).
 */
class BadFilesTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String FOREIGN_SECRET = "foreign-secret-on-a-broken-line";
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger PRIVATE_ENTRIES = new AtomicInteger();

    static MotoServer.IamUser alice;
    static String role;

    @TempDir
    Path dir;

    @BeforeAll
    static void chain() {
        alice = MOTO.createUser("bad-files-alice");
        role = MOTO.createRole("bad-files-role", alice.arn());
    }

    private CliHarness withChain(CliHarness cli) {
        ok(cli.runWithStdin(
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
        ok(cli.run(
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
        return cli;
    }

    private CliHarness cli() {
        return withChain(new CliHarness(dir).env(MOTO.env()));
    }

    @Test
    void anUnreadableCredentialsFileIsNeverRewrittenAndTheErrorNamesFileAndLine() throws Exception {
        CliHarness cli = cli();
        String broken = "[personal]\naws_access_key_id = AKIAPERSONALEXAMPLE1\n" + FOREIGN_SECRET + "\n";
        refusedNamingTheLine(cli, cli.credentialsFile(), broken, 3);
    }

    @Test
    void anUnreadableConfigFileIsNeverRewrittenAndTheErrorNamesFileAndLine() throws Exception {
        CliHarness cli = cli();
        String broken =
                "[default]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 20\n  " + FOREIGN_SECRET + "\n";
        refusedNamingTheLine(cli, cli.configFile(), broken, 5);
    }

    private void refusedNamingTheLine(CliHarness cli, Path file, String broken, int line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, broken);
        assertTrue(Botocore.parseError(file).isPresent(), "botocore reads the broken file");
        FileTree before =
                FileTree.of(cli.rolehopHome().resolve("workspace.json"), cli.credentialsFile(), cli.configFile());

        CliHarness.Result r = cli.run("session", "start", "ops");

        assertEquals(1, r.code(), r.toString());
        HostileInputTest.assertOneClearLine(r.err(), r.toString());
        assertTrue(r.err().contains(file + " line " + line + ":"), r.err());
        assertTrue(r.err().contains("fix that line and try again"), r.err());
        assertFalse(r.err().contains(FOREIGN_SECRET), "the broken line was quoted");
        assertEquals(
                List.of(),
                before.differences(FileTree.of(
                        cli.rolehopHome().resolve("workspace.json"), cli.credentialsFile(), cli.configFile())));
        CASES.incrementAndGet();
    }

    @Test
    void aCorruptWorkspaceIsReportedWithItsBackupLeftAsItIsAndTheWayBackWorks() throws Exception {
        CliHarness cli = cli();
        Path workspace = cli.rolehopHome().resolve("workspace.json");
        Path bak = cli.rolehopHome().resolve("workspace.json.bak");
        String good = Files.readString(workspace);
        Files.writeString(workspace, good.substring(0, good.length() / 2));
        FileTree before = FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent());

        for (String[] command :
                List.of(new String[] {"session", "list"}, new String[] {"profile", "create", "x"}, new String[] {
                    "session", "start", "ops"
                })) {
            CliHarness.Result r = cli.run(command);
            assertEquals(1, r.code(), r.toString());
            HostileInputTest.assertOneClearLine(r.err(), r.toString());
            assertTrue(r.err().contains("cannot read the workspace " + workspace), r.err());
            assertTrue(r.err().contains("left untouched"), r.err());
            assertTrue(r.err().contains("the previous version is in " + bak), r.err());
        }
        assertEquals(
                List.of(),
                before.differences(
                        FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent())));

        // The way back the message names: the previous version.
        Files.move(bak, workspace, StandardCopyOption.REPLACE_EXISTING);
        CliHarness.Result list = cli.run("session", "list");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().contains("alice"), list.out());
        CASES.incrementAndGet();
    }

    @Test
    void aWorkspaceOfANewerRolehopIsLeftAsItIs() throws Exception {
        CliHarness cli = cli();
        Path workspace = cli.rolehopHome().resolve("workspace.json");
        Files.writeString(
                workspace, Files.readString(workspace).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));
        FileTree before = FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent());

        CliHarness.Result r = cli.run(
                "session", "add", "aws-iam-role-chained", "--alias", "more", "--assumer", "alice", "--role-arn", role);

        assertEquals(1, r.code(), r.toString());
        HostileInputTest.assertOneClearLine(r.err(), r.toString());
        assertTrue(r.err().contains(workspace + " was written by a newer rolehop (schema version 7"), r.err());
        assertTrue(r.err().contains("upgrade rolehop"), r.err());
        assertEquals(
                List.of(),
                before.differences(
                        FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent())));
        CASES.incrementAndGet();
    }

    @Test
    void aDamagedVaultIsReportedAndLeftAsItIs() throws Exception {
        CliHarness cli = cli();
        Path vault = cli.rolehopHome().resolve("secrets.vault");
        byte[] bytes = Files.readAllBytes(vault);
        bytes[bytes.length - 5] ^= 0x40;
        Files.write(vault, bytes);
        FileTree before = FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent());

        CliHarness.Result r = cli.run("session", "start", "ops");

        assertEquals(1, r.code(), r.toString());
        HostileInputTest.assertOneClearLine(r.err(), r.toString());
        assertTrue(r.err().contains(vault + ": wrong passphrase or damaged file"), r.err());
        assertEquals(
                List.of(),
                before.differences(
                        FileTree.of(cli.rolehopHome(), cli.credentialsFile().getParent())));
        CASES.incrementAndGet();
    }

    @Test
    void aSymbolicLinkToTheCredentialsFileIsWrittenThroughAndStaysALink() throws Exception {
        CliHarness cli = cli();
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("aws-credentials");
        Files.writeString(
                real,
                "[personal]\naws_access_key_id = AKIAPERSONALEXAMPLE1\n" + "aws_secret_access_key = personal-secret\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Files.createDirectories(cli.credentialsFile().getParent());
        Files.createSymbolicLink(cli.credentialsFile(), Path.of("../dotfiles/aws-credentials"));

        ok(cli.run("session", "start", "ops"));
        assertTrue(Files.isSymbolicLink(cli.credentialsFile()), "the link was replaced by a regular file");
        assertEquals(Path.of("../dotfiles/aws-credentials"), Files.readSymbolicLink(cli.credentialsFile()));
        assertEquals(
                List.of("ops", "personal"),
                Botocore.rawConfigParse(real).keySet().stream().sorted().toList());
        assertEquals("rw-r-----", CrashIT.mode(real), "the file behind the link lost its mode");
        ok(cli.run("session", "stop", "ops"));
        assertTrue(Files.isSymbolicLink(cli.credentialsFile()));
        assertEquals(
                List.of("personal"), List.copyOf(Botocore.rawConfigParse(real).keySet()));
        CASES.incrementAndGet();
    }

    @Test
    void everythingRolehopCreatesFromNothingIsPrivate() throws Exception {
        // No ROLEHOP_HOME, no AWS file variables: ~/.rolehop and ~/.aws are made by rolehop itself.
        CliHarness cli = new CliHarness(dir)
                .env(MOTO.env())
                .withoutEnv("ROLEHOP_HOME")
                .withoutEnv("AWS_SHARED_CREDENTIALS_FILE")
                .withoutEnv("AWS_CONFIG_FILE");
        withChain(cli);
        ok(cli.run("session", "start", "ops"));
        ok(cli.run("session", "start", "alice"));
        ok(cli.run("profile", "create", "spare"));
        Path home = dir.resolve("home");
        List<String> wrong = new ArrayList<>();
        for (Path top : List.of(home.resolve(".rolehop"), home.resolve(".aws"))) {
            try (Stream<Path> walk = Files.walk(top)) {
                for (Path p : walk.toList()) {
                    String mode = CrashIT.mode(p);
                    String wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                    if (!mode.equals(wanted)) {
                        wrong.add(p + " is " + mode);
                    }
                    PRIVATE_ENTRIES.incrementAndGet();
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(Files.exists(home.resolve(".aws/credentials")) && Files.exists(home.resolve(".rolehop/cache")));
        CASES.incrementAndGet();
    }

    @AfterAll
    static void printFigures() {
        System.out.println("reliability: bad files: " + CASES.get() + " cases (unreadable credentials and config"
                + " files, corrupt and newer workspaces, a damaged vault, a symlinked credentials file, files made"
                + " from nothing): each refused on one line naming the file and the way back, and left byte for byte;"
                + " " + PRIVATE_ENTRIES.get() + " files and directories rolehop created checked: all 0600 / 0700");
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
