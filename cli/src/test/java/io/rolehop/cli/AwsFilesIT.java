package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS shared files at the real command line (the assembled {@code bin/rolehop}, moto's STS): profile files of the
 * AWS SDKs' parser suites survive a start and a stop byte for byte while the AWS CLI and botocore read every foreign
 * profile unchanged; paths that are not regular files and lock files that are links are refused with one line.
 */
class AwsFilesIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String ROLE_SESSION_ARN = MotoServer.assumedRoleArn("files", "files-hop");

    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    Map<String, String> env;
    Path credentials;
    Path config;

    @BeforeAll
    static void createChain() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("files", erin.arn());
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        credentials = Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        config = Path.of(env.get("AWS_CONFIG_FILE"));
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
                "files",
                "--assumer",
                "erin",
                "--role-arn",
                MotoServer.roleArn("files"),
                "--role-session-name",
                "files-hop",
                "--profile",
                "p"));
    }

    private Dist.Result rolehop(String stdin, String... args) throws Exception {
        return Dist.rolehop(dir, env, stdin, args);
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    /** Exit 1, and one line on stderr that names {@code path} and says {@code what}. */
    private static void refused(Dist.Result r, Path path, String what) {
        assertEquals(1, r.code(), r.toString());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + r.err());
        assertTrue(line.contains(path.toString()) && line.contains(what), r.err());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static int fileType(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }

    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;

    /** A device like /dev/null made in the temporary directory, or the test is skipped when that needs root. */
    private Path nullDevice() throws Exception {
        Path device = dir.resolve("null");
        Process p = new ProcessBuilder("mknod", device.toString(), "c", "1", "3")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0, "making a device node needs root");
        return device;
    }

    @Test
    void aDeviceAsTheCredentialsFileIsRefusedAndStaysADeviceAlsoThroughALinkFromTheDefaultPlace() throws Exception {
        Path device = nullDevice();
        env.put("AWS_SHARED_CREDENTIALS_FILE", device.toString());
        refused(rolehop("", "session", "start", "files"), device, "is a character device, not a regular file");
        assertEquals(CHARACTER_DEVICE, fileType(device));
        assertFalse(Files.exists(config), "a refused start writes no config file");

        env.remove("AWS_SHARED_CREDENTIALS_FILE");
        Path link = Path.of(env.get("HOME"), ".aws/credentials");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, device);
        refused(rolehop("", "session", "start", "files"), link, "links to " + device + ", a character device");
        assertEquals(CHARACTER_DEVICE, fileType(device));
        assertTrue(Files.isSymbolicLink(link));

        // The machine's own /dev/null only once a device of our own has survived the same commands.
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        refused(rolehop("", "session", "start", "files"), link, "links to /dev/null, a character device");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        refused(rolehop("", "session", "start", "files"), Path.of("/dev/null"), "is a character device");
        assertEquals(CHARACTER_DEVICE, fileType(Path.of("/dev/null")));
    }

    @Test
    void aFifoOrADirectoryAsAnAwsFileTheWorkspaceOrTheVaultIsRefusedWithoutBlocking() throws Exception {
        // The vault first: once a start has cached the chain's credentials, it is not read again.
        Path vault = Path.of(env.get("ROLEHOP_HOME"), "secrets.vault");
        assertTrue(Files.isRegularFile(vault), "the user's key is in the vault");
        Path keys = Files.move(vault, dir.resolve("vault-aside"));
        run("mkfifo", vault.toString());
        refused(rolehop("", "session", "start", "files"), vault, "is a FIFO, not a regular file");
        assertEquals(FIFO, fileType(vault));
        Files.delete(vault);
        Files.move(keys, vault);

        Path fifo = dir.resolve("fifo");
        run("mkfifo", fifo.toString());
        env.put("AWS_CONFIG_FILE", fifo.toString());
        refused(rolehop("", "session", "start", "files"), fifo, "is a FIFO, not a regular file");
        assertEquals(FIFO, fileType(fifo));
        env.put("AWS_CONFIG_FILE", config.toString());

        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        env.put("AWS_SHARED_CREDENTIALS_FILE", directory.toString());
        refused(rolehop("", "session", "start", "files"), directory, "is a directory, not a regular file");
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        assertFalse(Files.exists(config), "a refused start writes no config file");

        Path workspace = Path.of(env.get("ROLEHOP_HOME"), "workspace.json");
        Files.delete(workspace);
        run("mkfifo", workspace.toString());
        refused(rolehop("", "session", "list"), workspace, "is a FIFO, not a regular file");
        refused(rolehop("", "session", "generate", "files"), workspace, "is a FIFO, not a regular file");
        assertEquals(FIFO, fileType(workspace));
    }

    @Test
    void aLockFileThatIsALinkIsRefusedItsTargetKeptAndTheRefusedStartLeavesNoFileBehind() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious\n");
        String users = "[work]\naws_access_key_id = AKIAWORK0000000000001\n";
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, users);
        Path lock = credentials.resolveSibling(".credentials.rolehop-lock");
        Files.createSymbolicLink(lock, victim);

        Dist.Result start = rolehop("", "session", "start", "files");

        refused(start, lock, "is a symbolic link");
        assertEquals("precious\n", Files.readString(victim));
        assertEquals(users, Files.readString(credentials));
        assertFalse(Files.exists(config), "the config section written before the failure is taken back, file and all");
    }

    /** A config file and a credentials file from the suites, and a profile of each that the AWS CLI must still read. */
    private record Case(String name, String config, String credentials, String profile, String key) {}

    private static List<Case> cases() {
        return List.of(
                new Case(
                        "smithy-rs 'Semicolon sign comments are ignored.'",
                        "; Comment\n[profile foo] ; Comment\nname = value ; Comment with ; sign",
                        "[   foo    ]\nname = value\n[profile bar]",
                        "foo",
                        "name"),
                new Case(
                        "smithy-rs 'Comment characters adjacent to profile decls' and 'sso-session without the space'",
                        "[profile foo]; semicolon\n[profile bar]# pound",
                        "[sso-sessionfoo]\nname = value\n[bar]",
                        "sso-sessionfoo",
                        "name"),
                new Case(
                        "smithy-rs 'Windows style line endings are supported.'",
                        "[profile foo]\r\nname = value",
                        "[foo]\r\nname2 = value2\r\n",
                        "foo",
                        "name2"),
                new Case(
                        "smithy-rs 'Blank lines are ignored.' with a whitespace-only last line",
                        "\t \n[profile foo]\n\t\n \nname = value\n\t \n[profile bar]\n \t",
                        "[foo]\nname2 = value2\n \t\n",
                        "foo",
                        "name"),
                new Case(
                        "botocore tests/unit/cfg/aws_config_nested",
                        "[default]\naws_access_key_id = foo\naws_secret_access_key = bar\ns3 =\n"
                                + "    signature_version = s3v4\ncloudwatch =\n    signature_version = v4\n"
                                + "region=us-west-2\n",
                        "",
                        "default",
                        "region"));
    }

    @Test
    void filesOfTheSuitesComeBackByteForByteAndTheAwsCliReadsTheirProfilesUnchangedMeanwhile() throws Exception {
        AwsCli aws = new AwsCli(env);
        for (Case c : cases()) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, c.config());
            Files.writeString(credentials, c.credentials());
            Map<String, Map<String, Object>> configBefore = Botocore.rawConfigParse(config);
            Map<String, Map<String, Object>> credentialsBefore = Botocore.rawConfigParse(credentials);
            String valueBefore = aws.run("configure", "get", c.key(), "--profile", c.profile())
                    .stdout();
            assertFalse(valueBefore.isBlank(), c.name() + ": the AWS CLI reads " + c.key() + " of " + c.profile());

            ok(rolehop("", "session", "start", "files"));

            assertEquals(ROLE_SESSION_ARN, aws.callerArn("p"), c.name());
            assertEquals(
                    valueBefore,
                    aws.run("configure", "get", c.key(), "--profile", c.profile())
                            .stdout(),
                    c.name());
            Map<String, Map<String, Object>> configDuring = new LinkedHashMap<>(Botocore.rawConfigParse(config));
            assertTrue(configDuring.remove("profile p") != null, c.name());
            assertEquals(configBefore, configDuring, c.name());
            Map<String, Map<String, Object>> credentialsDuring =
                    new LinkedHashMap<>(Botocore.rawConfigParse(credentials));
            assertTrue(credentialsDuring.remove("p") != null, c.name());
            assertEquals(credentialsBefore, credentialsDuring, c.name());

            ok(rolehop("", "session", "stop", "files"));

            assertArrayEquals(c.config().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(config), c.name());
            assertArrayEquals(
                    c.credentials().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(credentials), c.name());
        }
    }

    @Test
    void filesThatDidNotExistAreAbsentAgainAfterTheStop() throws Exception {
        assertFalse(Files.exists(config) || Files.exists(credentials));

        ok(rolehop("", "session", "start", "files"));
        assertEquals(ROLE_SESSION_ARN, new AwsCli(env).callerArn("p"));
        ok(rolehop("", "session", "stop", "files"));

        assertFalse(Files.exists(config), "config");
        assertFalse(Files.exists(credentials), "credentials");
    }
}
