package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.application.port.out.Pause;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.IdentityCenterEmulator;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM Identity Center through the real command line, in process: logins (browser with PKCE, device code), sync,
 * chains rooted in an SSO role (role credentials from the emulator are real moto role sessions; the hops below are
 * assumed in moto, counted at a proxy), silent renewal, logout, and exit 3 without a login. Waits go through a
 * recording {@link Pause}, so nothing here waits on the wall clock.
 */
class SsoEndToEndTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    static final String START_URL = "https://example.awsapps.com/start";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    IdentityCenterEmulator sso;
    CliHarness cli;
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void roles() {
        MOTO.createRole("sso-admin", MOTO.admin().arn());
        MOTO.createRole("sso-hop1", MotoServer.assumedRoleArn("sso-admin", IdentityCenterEmulator.USER));
        MOTO.createRole("sso-hop2", MotoServer.assumedRoleArn("sso-hop1", "hop1"));
        MOTO.createRole("sso-hop3", MotoServer.assumedRoleArn("sso-hop2", "hop2"));
    }

    @BeforeEach
    void setUp() {
        sso = new IdentityCenterEmulator(MOTO).start();
        sso.account(MotoServer.ACCOUNT_ID, "Moto Sandbox", "sso-admin", "ReadOnly")
                .account("111111111111", "Dev", "Admin")
                .account("222222222222", "Prod", "ReadOnly");
        cli = new CliHarness(dir)
                .env(STS.env())
                .env(sso.env())
                .override(binder -> binder.bind(Pause.class).toInstance(pauses::add));
    }

    @AfterEach
    void tearDown() {
        sso.close();
    }

    private static CliHarness.Result ok(CliHarness.Result result) {
        assertEquals(0, result.code(), result.toString());
        return result;
    }

    private void deviceLogin() {
        sso.approveAfterPolls(1);
        ok(cli.run(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--use-device-code",
                "--no-browser"));
    }

    private void addChain() {
        ok(cli.run(
                "session",
                "add",
                "aws-sso",
                "--alias",
                "sso-root",
                "--profile",
                "sso-root",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--account-id",
                MotoServer.ACCOUNT_ID,
                "--role-name",
                "sso-admin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "h1",
                "--assumer",
                "sso-root",
                "--profile",
                "h1",
                "--role-arn",
                MotoServer.roleArn("sso-hop1"),
                "--role-session-name",
                "hop1"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "h2",
                "--assumer",
                "h1",
                "--profile",
                "h2",
                "--role-arn",
                MotoServer.roleArn("sso-hop2"),
                "--role-session-name",
                "hop2"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "h3",
                "--assumer",
                "h2",
                "--profile",
                "h3",
                "--role-arn",
                MotoServer.roleArn("sso-hop3"),
                "--role-session-name",
                "hop3"));
    }

    @Test
    void startWithoutALoginExits3NamingTheLoginCommand() {
        addChain();

        CliHarness.Result start = cli.run("session", "start", "h3");

        assertEquals(3, start.code(), start.toString());
        assertTrue(
                start.err().contains("rolehop sso login --start-url " + START_URL + " --sso-region us-east-1"),
                start.err());
        assertEquals(0, sso.calls("GetRoleCredentials"));
        assertEquals(0, STS.total());
    }

    @Test
    void threeDeepChainRootedInAnSsoRoleColdThenWarm() {
        deviceLogin();
        addChain();
        sso.resetCounts();
        STS.reset();

        ok(cli.run("session", "start", "h3"));

        System.out.println("sso: cold start of h3: identity center " + sso.callCounts() + ", sts " + STS.counts());
        assertEquals(1, sso.calls("GetRoleCredentials"), sso.callCounts().toString());
        assertEquals(0, sso.calls("CreateToken"), "the token of the login serves: " + sso.callCounts());
        assertEquals(3, STS.count("AssumeRole"), STS.counts().toString());
        assertEquals(3, STS.total(), STS.counts().toString());
        AwsCli aws = new AwsCli(MOTO.env())
                .with("AWS_CONFIG_FILE", cli.configFile())
                .with("AWS_SHARED_CREDENTIALS_FILE", cli.credentialsFile());
        assertEquals(MotoServer.assumedRoleArn("sso-hop3", "hop3"), aws.callerArn("h3"));

        sso.resetCounts();
        STS.reset();
        ok(cli.run("session", "start", "sso-root"));
        ok(cli.run("session", "start", "h1"));
        ok(cli.run("session", "start", "h2"));
        ok(cli.run("session", "generate", "h3"));

        System.out.println("sso: warm starts: identity center " + sso.callCounts() + ", sts " + STS.counts());
        assertEquals(
                0,
                sso.callCounts().values().stream().mapToInt(Integer::intValue).sum(),
                sso.callCounts().toString());
        assertEquals(0, STS.total(), STS.counts().toString());
        assertEquals(MotoServer.assumedRoleArn("sso-admin", IdentityCenterEmulator.USER), aws.callerArn("sso-root"));
    }

    @Test
    void deviceCodeLoginPrintsUrlAndCodeAndPollsAtTheIntervalPlusFiveOnSlowDown() throws IOException {
        sso.approveAfterPolls(3);
        sso.slowDownOnPoll(2);

        CliHarness.Result login = ok(cli.run(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--use-device-code",
                "--no-browser"));

        assertTrue(login.err().contains(sso.endpoint() + "/device"), login.err());
        assertTrue(login.err().matches("(?s).*confirm the code ABCD-\\d+.*"), login.err());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(6)), pauses);
        assertEquals(3, sso.calls("CreateToken"));
        assertTrue(login.out().startsWith("logged in to " + START_URL), login.out());
        String vault = new String(
                Files.readAllBytes(cli.rolehopHome().resolve("secrets.vault")),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(cli.transcript().contains("access-"), "a token was printed");
        assertFalse(vault.contains("refresh-"), "the vault holds tokens encrypted");
    }

    @Test
    void browserLoginWithPkceThroughAScriptedBrowser() throws IOException {
        Path browser = script("browser", "import sys, urllib.request\nurllib.request.urlopen(sys.argv[1]).read()\n");

        CliHarness.Result login = ok(cli.run(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--browser",
                "python3 " + browser));

        assertEquals(1, sso.calls("Authorize"), sso.callCounts().toString());
        assertEquals(1, sso.calls("CreateToken"), sso.callCounts().toString());
        assertEquals(0, sso.calls("StartDeviceAuthorization"));
        assertTrue(sso.lastState().orElseThrow().length() >= 43, "state: 32 random bytes");
        assertTrue(login.err().contains("opened the browser"), login.err());
        addChain();
        ok(cli.run("session", "start", "sso-root"));
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws IOException {
        Path browser = script(
                "forger",
                String.join(
                        "\n",
                        "import sys, urllib.request, urllib.error, re",
                        "class Stop(urllib.request.HTTPRedirectHandler):",
                        "    def redirect_request(self, *a, **k): return None",
                        "try:",
                        "    urllib.request.build_opener(Stop).open(sys.argv[1])",
                        "except urllib.error.HTTPError as e:",
                        "    loc = re.sub('state=[^&]*', 'state=forged', e.headers['Location'])",
                        "    urllib.request.urlopen(loc).read()",
                        ""));

        CliHarness.Result login = cli.run(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--browser",
                "python3 " + browser);

        assertEquals(1, login.code(), login.toString());
        assertTrue(login.err().contains("wrong state"), login.err());
        assertEquals(0, sso.calls("CreateToken"), "the code is never exchanged");
    }

    @Test
    void noBrowserAvailableFallsBackToTheDeviceCode() {
        cli.withoutEnv("BROWSER")
                .withoutEnv("DISPLAY")
                .env("ROLEHOP_BROWSER", dir.resolve("missing").toString());
        sso.approveAfterPolls(1);

        CliHarness.Result login = ok(cli.run("sso", "login", "--start-url", START_URL, "--sso-region", "us-east-1"));

        assertTrue(login.err().contains("no browser could be opened"), login.err());
        assertEquals(1, sso.calls("StartDeviceAuthorization"));
    }

    @Test
    void anExpiringTokenIsRenewedWithoutABrowser() {
        sso.tokenLifetime(Duration.ofMinutes(2));
        deviceLogin();
        addChain();
        sso.resetCounts();

        ok(cli.run("session", "start", "sso-root"));

        assertEquals(1, sso.calls("RefreshToken"), sso.callCounts().toString());
        assertEquals(0, sso.calls("Authorize") + sso.calls("StartDeviceAuthorization"));
        assertEquals(1, sso.calls("GetRoleCredentials"));
    }

    @Test
    void aTokenThePortalNoLongerAcceptsIsRenewedOnce() {
        deviceLogin();
        addChain();
        sso.expireAccessTokens();
        sso.resetCounts();

        ok(cli.run("session", "start", "sso-root"));

        assertEquals(1, sso.calls("RefreshToken"), sso.callCounts().toString());
        assertEquals(2, sso.calls("GetRoleCredentials"), sso.callCounts().toString());
    }

    @Test
    void logoutSignsOutAndForgetsTheChainsCredentials() {
        deviceLogin();
        addChain();
        ok(cli.run("session", "start", "h3"));

        CliHarness.Result logout = ok(cli.run("sso", "logout", "--start-url", START_URL));

        assertEquals(1, sso.calls("Logout"));
        for (String alias : List.of("sso-root", "h1", "h2", "h3")) {
            assertTrue(logout.out().contains("'" + alias + "'"), logout.out());
        }
        assertEquals(3, cli.run("session", "generate", "h3").code(), "no login, no cached credentials");
    }

    @Test
    void syncMakesOneSessionPerRoleThroughThrottlingAndIsIdempotent() throws Exception {
        deviceLogin();
        sso.pageSize(1);
        sso.throttleNext(3);
        sso.resetCounts();

        JsonNode first = JSON.readTree(
                ok(cli.run("sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1", "-o", "json"))
                        .out());

        System.out.println("sso: sync of 3 accounts, 4 roles, page size 1, 3 throttled: " + sso.callCounts()
                + ", pauses " + pauses);
        assertEquals(3, sso.calls("Throttled"));
        assertEquals(4, first.get("sessions").size(), first.toString());
        for (JsonNode s : first.get("sessions")) {
            assertEquals("added", s.get("action").asText(), first.toString());
        }
        assertTrue(
                pauses.contains(Duration.ofMillis(500)) && pauses.contains(Duration.ofSeconds(2)),
                "backoff doubles: " + pauses);
        JsonNode list =
                JSON.readTree(ok(cli.run("session", "list", "-o", "json")).out());
        List<String> aliases = new ArrayList<>();
        list.forEach(s -> aliases.add(s.get("alias").asText()));
        assertTrue(
                aliases.containsAll(
                        List.of("Moto-Sandbox-sso-admin", "Moto-Sandbox-ReadOnly", "Dev-Admin", "Prod-ReadOnly")),
                aliases.toString());
        JsonNode dev = find(list, "Dev-Admin");
        assertEquals("aws-sso", dev.get("method").asText());

        JsonNode again = JSON.readTree(
                ok(cli.run("sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1", "-o", "json"))
                        .out());
        again.get("sessions")
                .forEach(s -> assertEquals("unchanged", s.get("action").asText(), again.toString()));
        assertEquals(
                4,
                JSON.readTree(ok(cli.run("session", "list", "-o", "json")).out())
                        .size());
    }

    @Test
    void pruneRemovesWhatIsGoneButNeverASessionOthersAssumeFrom() throws Exception {
        deviceLogin();
        ok(cli.run("sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "below-dev",
                "--assumer",
                "Dev-Admin",
                "--role-arn",
                MotoServer.roleArn("sso-hop1")));
        sso.unassign("111111111111", "Admin");
        sso.unassign("222222222222", "ReadOnly");

        CliHarness.Result kept = ok(cli.run("sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1"));
        assertTrue(kept.out().contains("--prune removes it"), kept.out());
        CliHarness.Result dry = ok(
                cli.run("sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1", "--prune", "--dry-run"));
        assertTrue(dry.out().contains("would be removed"), dry.out());
        assertEquals(
                5,
                JSON.readTree(ok(cli.run("session", "list", "-o", "json")).out())
                        .size());

        JsonNode pruned = JSON.readTree(ok(cli.run(
                        "sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1", "--prune", "-o", "json"))
                .out());

        assertEquals(
                "kept", find(pruned.get("sessions"), "Dev-Admin").get("action").asText());
        assertTrue(
                find(pruned.get("sessions"), "Dev-Admin").get("note").asText().contains("'below-dev'"));
        assertEquals(
                "removed",
                find(pruned.get("sessions"), "Prod-ReadOnly").get("action").asText());
        JsonNode list =
                JSON.readTree(ok(cli.run("session", "list", "-o", "json")).out());
        assertEquals(4, list.size(), list.toString());
    }

    @Test
    void writesTheAwsCliTokenCacheWhenAskedAndAnotherWorkspaceReadsIt() throws Exception {
        ok(cli.run("settings", "set", "sso-token-cache", "write"));
        deviceLogin();
        Path home = dir.resolve("home");
        Path cache = home.resolve(".aws/sso/cache/" + sha1(START_URL) + ".json");
        assertTrue(Files.isRegularFile(cache), "no " + cache);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        JsonNode entry = JSON.readTree(cache.toFile());
        for (String field : List.of(
                "startUrl",
                "region",
                "accessToken",
                "expiresAt",
                "refreshToken",
                "clientId",
                "clientSecret",
                "registrationExpiresAt")) {
            assertTrue(entry.hasNonNull(field), field + " in " + entry.fieldNames());
        }
        assertTrue(entry.get("expiresAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        // As botocore's SSO credential provider loads it: the JSON file cache of ~/.aws/sso/cache.
        ProcessBuilder reader = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import os, sys; from botocore.utils import"
                                + " SSOTokenLoader, JSONFileCache; print(SSOTokenLoader(JSONFileCache(os.path.expanduser("
                                + "'~/.aws/sso/cache')))(sys.argv[1])['accessToken'] == sys.argv[2])",
                        START_URL,
                        entry.get("accessToken").asText())
                .redirectErrorStream(true);
        reader.environment().put("HOME", home.toString());
        Process botocore = reader.start();
        String answer = new String(botocore.getInputStream().readAllBytes()).strip();
        assertEquals(0, botocore.waitFor(), answer);
        assertEquals("True", answer, "botocore's SSO token loader reads the entry");

        CliHarness other = new CliHarness(dir.resolve("other"))
                .env(STS.env())
                .env(sso.env())
                .env("HOME", home.toString());
        ok(other.run(
                "session",
                "add",
                "aws-sso",
                "--alias",
                "elsewhere",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--account-id",
                MotoServer.ACCOUNT_ID,
                "--role-name",
                "sso-admin"));
        sso.resetCounts();
        ok(other.run("session", "generate", "elsewhere"));
        assertEquals(Map.of("GetRoleCredentials", 1), sso.callCounts(), "the AWS CLI's token served");

        ok(cli.run("sso", "logout", "--start-url", START_URL));
        assertFalse(Files.exists(cache), "logout removes the cache entry rolehop wrote");
    }

    @Test
    void aTokenCacheSettingOffIgnoresTheAwsCliCache() throws Exception {
        ok(cli.run("settings", "set", "sso-token-cache", "write"));
        deviceLogin();
        CliHarness other = new CliHarness(dir.resolve("other"))
                .env(STS.env())
                .env(sso.env())
                .env("HOME", dir.resolve("home").toString());
        ok(other.run("settings", "set", "sso-token-cache", "off"));
        ok(other.run(
                "session",
                "add",
                "aws-sso",
                "--alias",
                "elsewhere",
                "--start-url",
                START_URL,
                "--sso-region",
                "us-east-1",
                "--account-id",
                MotoServer.ACCOUNT_ID,
                "--role-name",
                "sso-admin"));

        assertEquals(3, other.run("session", "generate", "elsewhere").code());
        assertEquals(
                2, cli.run("settings", "set", "sso-token-cache", "sometimes").code());
    }

    private static String sha1(String value) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                        .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void badInputIsAUsageError() {
        CliHarness.Result url = cli.run("sso", "login", "--start-url", "not a url", "--sso-region", "us-east-1");
        assertEquals(2, url.code(), url.toString());
        assertTrue(url.err().contains("invalid start URL"), url.err());
        CliHarness.Result template = cli.run(
                "sso", "sync", "--start-url", START_URL, "--sso-region", "us-east-1", "--alias-template", "{account}");
        assertEquals(2, template.code(), template.toString());
    }

    private static JsonNode find(JsonNode list, String alias) {
        for (JsonNode s : list) {
            if (s.get("alias").asText().equals(alias)) {
                return s;
            }
        }
        throw new AssertionError("no " + alias + " in " + list);
    }

    private Path script(String name, String python) throws IOException {
        Path file = dir.resolve(name + ".py");
        Files.writeString(file, python);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
