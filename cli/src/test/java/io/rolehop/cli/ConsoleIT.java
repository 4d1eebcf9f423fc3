package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rolehop.cli.browser.ScriptedBrowsers;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.FakeFederationEndpoint;
import io.rolehop.testing.FakeFederationEndpoint.TokenRequest;
import io.rolehop.testing.FakeFederationEndpoint.Visit;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop console} at the assembled command line: a chain user → hub → spoke in moto (signatures and policies
 * enforced, STS behind a proxy that counts calls), and a loopback federation endpoint that checks the Session JSON
 * and refuses SessionDuration where AWS does. Debian's headless Chromium follows the URL rolehop opens.
 */
class ConsoleIT {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    @RegisterExtension
    @Order(3)
    static final FakeFederationEndpoint FEDERATION = new FakeFederationEndpoint();

    private static final String DEVICE = "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/mona";
    private static final String PASS_THROUGH = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    static MotoServer.IamUser user;
    static MotoServer.IamUser mona;

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeAll
    static void createChain() {
        user = MOTO.createUser("console-user");
        mona = MOTO.createUser("mona");
        MOTO.createRole("console-hub", user.arn());
        MOTO.createRole("console-spoke", MotoServer.assumedRoleArn("console-hub", "hub-session"));
        MOTO.createRole("mona-mfa-session", mona.arn());
    }

    @BeforeEach
    void addSessions() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(STS.env());
        env.putAll(FEDERATION.env());
        ok(Dist.rolehop(
                dir,
                env,
                user.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "user",
                "--access-key-id",
                user.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "hub",
                "--assumer",
                "user",
                "--role-arn",
                MotoServer.roleArn("console-hub"),
                "--role-session-name",
                "hub-session"));
        ok(rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "spoke",
                "--assumer",
                "hub",
                "--role-arn",
                MotoServer.roleArn("console-spoke"),
                "--role-session-name",
                "spoke-session"));
        STS.reset();
        FEDERATION.reset();
    }

    private Dist.Result rolehop(String... args) throws Exception {
        return Dist.rolehop(dir, env, "", args);
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    private static Map<String, String> query(URI uri) {
        return FakeFederationEndpoint.parameters(uri);
    }

    /** Who moto says the credentials rolehop sent to the federation endpoint belong to. */
    private static String identityOf(TokenRequest sent) {
        return MOTO.callerIdentity(new TemporaryCredentials(
                sent.session().get("sessionId"),
                sent.session().get("sessionKey"),
                sent.session().get("sessionToken"),
                Instant.now().plus(Duration.ofHours(1))));
    }

    @Test
    void aChainedSessionSignsInWithItsRoleAndNoSessionDuration() throws Exception {
        FEDERATION.refuseSessionDuration();

        Dist.Result r = rolehop("console", "spoke", "--print", "--no-logout");

        ok(r);
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.toString());
        URI login = URI.create(lines.get(0));
        assertEquals(
                FEDERATION.baseUrl() + "/federation",
                login.getScheme() + "://" + login.getRawAuthority() + login.getRawPath());
        Map<String, String> parameters = query(login);
        assertEquals("login", parameters.get("Action"));
        assertEquals("rolehop", parameters.get("Issuer"));
        assertEquals(
                "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
                parameters.get("Destination"));
        assertEquals(Boolean.FALSE, FEDERATION.tokens().get(parameters.get("SigninToken")));
        TokenRequest sent = FEDERATION.tokenRequests().get(0);
        assertEquals(Optional.empty(), sent.sessionDuration());
        assertEquals(MotoServer.assumedRoleArn("console-spoke", "spoke-session"), identityOf(sent));
        assertEquals(Map.of("AssumeRole", 2), STS.counts(), "the user's keys sign the hub, the hub signs the spoke");
        assertEquals("", r.err());
    }

    @Test
    void cachedHopsServeAndTheLogoutRedirectComesFirstByDefault() throws Exception {
        ok(rolehop("session", "start", "spoke"));
        STS.reset();

        Dist.Result r = rolehop("console", "spoke", "--print");

        ok(r);
        assertEquals(0, STS.total(), "no STS call: the chain is cached");
        URI url = URI.create(r.out().strip());
        assertEquals("/oauth", url.getRawPath());
        assertEquals("logout", query(url).get("Action"));
        URI login = URI.create(query(url).get("redirect_uri"));
        assertEquals("login", query(login).get("Action"));
    }

    @Test
    void aRoleAssumedWithTheUsersKeysGetsAnHourOfConsole() throws Exception {
        ok(rolehop("console", "hub", "--print"));

        TokenRequest sent = FEDERATION.tokenRequests().get(0);
        assertEquals(Optional.of("3600"), sent.sessionDuration());
        assertEquals(MotoServer.assumedRoleArn("console-hub", "hub-session"), identityOf(sent));
    }

    @Test
    void anIamUserFederatesAndItsLongTermKeysNeverReachTheSignIn() throws Exception {
        Dist.Result r = rolehop("console", "user", "--print");

        ok(r);
        assertEquals(Map.of("GetFederationToken", 1), STS.counts());
        Map<String, String> call = STS.parameters("GetFederationToken").get(0);
        assertEquals("user", call.get("Name"));
        assertEquals(PASS_THROUGH, call.get("Policy"));
        assertEquals("3600", call.get("DurationSeconds"));
        TokenRequest sent = FEDERATION.tokenRequests().get(0);
        assertFalse(sent.session().containsValue(user.accessKeyId()), sent.toString());
        assertFalse(sent.session().containsValue(user.secretAccessKey()));
        assertEquals(Optional.empty(), sent.sessionDuration());
    }

    @Test
    void anIamUserWithAnMfaDeviceProvesItOnceAndFederatesWithItsKeys() throws Exception {
        ok(Dist.rolehop(
                dir,
                env,
                mona.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "mona",
                "--access-key-id",
                mona.accessKeyId(),
                "--secret-access-key-stdin",
                "--mfa-device",
                DEVICE));
        Dist.Result noCode = rolehop("console", "mona", "--print");
        assertEquals(3, noCode.code(), noCode.toString());
        assertEquals(0, FEDERATION.tokenRequests().size());

        TemporaryCredentials token =
                MOTO.assumeRole(mona.credentials(), MotoServer.roleArn("mona-mfa-session"), "mona-mfa");
        STS.reset();
        STS.failNext(
                "GetSessionToken",
                Fault.sessionToken(
                        token.accessKeyId(), token.secretAccessKey(), token.sessionToken(), token.expiration()));
        ok(rolehop("console", "mona", "--print", "--mfa-code", "135790"));
        ok(rolehop("console", "mona", "--print"));

        assertEquals(Map.of("GetSessionToken", 1, "GetFederationToken", 2), STS.counts());
        assertEquals("135790", STS.parameters("GetSessionToken").get(0).get("TokenCode"));
        assertEquals(DEVICE, STS.parameters("GetSessionToken").get(0).get("SerialNumber"));
        assertEquals(2, FEDERATION.tokenRequests().size());
        FEDERATION
                .tokenRequests()
                .forEach(sent -> assertFalse(
                        sent.session().containsValue(token.accessKeyId()),
                        "the MFA session token never reaches the sign-in: it would be refused"));
    }

    @Test
    void theRegionChoosesTheConsoleAndAnotherPartitionIsRefused() throws Exception {
        Dist.Result ireland = rolehop("console", "spoke", "--print", "--no-logout", "--region", "eu-west-1");
        Dist.Result china = rolehop("console", "spoke", "--print", "--region", "cn-north-1");
        Dist.Result nowhere = rolehop("console", "spoke", "--print", "--region", "mars-1");

        ok(ireland);
        assertEquals(
                "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1",
                query(URI.create(ireland.out().strip())).get("Destination"));
        assertEquals(2, china.code(), china.toString());
        assertTrue(china.err().contains("aws-cn"), china.err());
        assertEquals(1, china.err().lines().count(), china.err());
        assertEquals(2, nowhere.code(), nowhere.toString());
        assertEquals(1, FEDERATION.tokenRequests().size(), "refused before any sign-in");
    }

    @Test
    void badInputIsOneLineAndExitTwoAndAnUnreachableEndpointExitOne() throws Exception {
        Dist.Result unknown = rolehop("console", "nobody", "--print");
        Dist.Result destination = rolehop("console", "spoke", "--print", "--destination", "ftp://example.com/x");
        env.put("ROLEHOP_SIGNIN_URL", "http://127.0.0.1:1");
        Dist.Result down = rolehop("console", "spoke", "--print");

        assertEquals(2, unknown.code(), unknown.toString());
        assertEquals(2, destination.code(), destination.toString());
        assertEquals(1, down.code(), down.toString());
        for (Dist.Result r : List.of(unknown, destination, down)) {
            assertEquals(1, r.err().lines().count(), r.toString());
            assertEquals("", r.out(), r.toString());
        }
        assertTrue(down.err().contains("could not reach the federation endpoint"), down.err());
    }

    // --- which browser: one rule for console and sso login

    private Path recordingBrowser(String name) throws Exception {
        return ScriptedBrowsers.recording(dir, name, 0);
    }

    private List<String> awaitArguments(String name) throws Exception {
        return ScriptedBrowsers.arguments(dir, name);
    }

    @Test
    void browserListsCommandsTriedInOrderAsForTheLogin() throws Exception {
        Path browser = recordingBrowser("second-browser");
        env.put("BROWSER", "nonexistent-browser:" + browser + " --new-window %s");

        Dist.Result r = rolehop("console", "spoke", "--no-logout");

        ok(r);
        assertEquals(
                "opened the AWS console of 'spoke' (us-east-1) in the browser",
                r.out().strip());
        List<String> args = awaitArguments("second-browser");
        assertEquals(2, args.size(), args.toString());
        assertEquals("--new-window", args.get(0));
        URI login = URI.create(args.get(1));
        assertEquals("login", query(login).get("Action"));
        assertFalse(r.err().contains("SigninToken"), r.err());
    }

    @Test
    void withoutADisplayXdgOpenIsNotTriedAndTheConsoleSaysWhatToDoInOneLine() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.move(recordingBrowser("xdg-open"), bin.resolve("xdg-open"));
        env.put("PATH", bin + File.pathSeparator + env.get("PATH"));
        env.remove("BROWSER");
        env.remove("ROLEHOP_BROWSER");
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");

        Dist.Result r = rolehop("console", "spoke");

        assertEquals(1, r.code(), r.toString());
        assertFalse(Files.exists(dir.resolve("xdg-open.args")), "xdg-open was started without a display");
        assertEquals("", r.out(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("DISPLAY"), r.err());
        assertTrue(r.err().contains("--print"), r.err());
        assertFalse(r.err().contains("SigninToken"), r.err());

        env.put("DISPLAY", ":0");
        ok(rolehop("console", "spoke", "--no-logout"));
        assertEquals(
                "login", query(URI.create(awaitArguments("xdg-open").get(0))).get("Action"));
    }

    // --- a real browser follows what rolehop opens

    private static String chromium() {
        Optional<String> found =
                List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)).stream()
                        .map(d -> Path.of(d, "chromium"))
                        .filter(Files::isExecutable)
                        .map(Path::toString)
                        .findFirst();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is missing; .ci/run installs it (apt-get install chromium)");
        }
        assumeTrue(found.isPresent(), "chromium is not installed (apt-get install chromium; CI installs it)");
        return found.get();
    }

    /** Headless Chromium that loads the URL, follows its redirects, prints the page and exits. */
    private static String headless(String chromium) {
        return chromium + " --headless --no-sandbox --disable-gpu --disable-background-networking"
                + " --disable-component-update --no-first-run --disable-sync --dump-dom";
    }

    /**
     * Waits until Chromium is done with {@code profile}: its SingletonLock is gone and no process names the profile
     * on its command line any more (Chromium's helper processes, which carry {@code --user-data-dir}, may still write
     * into it after the browser has removed its lock; the temporary directory is deleted after the test).
     */
    private static void awaitExit(Path profile) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while ((Files.exists(profile.resolve("SingletonLock"), LinkOption.NOFOLLOW_LINKS) || usedByAProcess(profile))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Whether a process of this machine has {@code profile} on its command line (read from /proc). */
    private static boolean usedByAProcess(Path profile) {
        String wanted = profile.toString();
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .contains(wanted);
                        } catch (java.io.IOException e) {
                            return false; // gone meanwhile, or not ours to read
                        }
                    });
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void headlessChromiumFollowsTheLogoutTheLoginAndLandsOnTheDestination() throws Exception {
        String chromium = chromium();
        Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
        String destination = FEDERATION.baseUrl() + "/console/home?region=us-east-1";

        Dist.Result r = rolehop(
                "console",
                "spoke",
                "--destination",
                destination,
                "--browser",
                headless(chromium) + " --user-data-dir=" + profile);

        ok(r);
        assertEquals(
                "opened the AWS console of 'spoke' (us-east-1) in the browser",
                r.out().strip());
        Optional<Visit> console = FEDERATION.awaitVisit("/console/", Duration.ofSeconds(120));
        awaitExit(profile);
        assertTrue(console.isPresent(), "the browser never reached the console: " + FEDERATION.visits());
        List<String> path = new ArrayList<>();
        for (Visit visit : FEDERATION.visits()) {
            path.add(visit.path() + " " + visit.action() + " " + visit.status());
        }
        assertEquals(
                List.of(
                        "/federation getSigninToken 200",
                        "/oauth logout 302",
                        "/federation login 302",
                        "/console/home  200"),
                path.subList(0, 4));
        assertEquals(Map.of("region", "us-east-1"), console.get().parameters());
        assertTrue(FEDERATION.tokens().values().stream().allMatch(used -> used), "the token was used to sign in");
    }

    @Test
    void aChromiumProfileContextKeepsEachSessionInItsOwnDirectory() throws Exception {
        String chromium = chromium();
        ok(rolehop("settings", "set", "console-browser-context", "chromium-profile"));
        String destination = FEDERATION.baseUrl() + "/console/home?region=us-east-1";

        ok(rolehop("console", "spoke", "--no-logout", "--destination", destination, "--browser", headless(chromium)));

        Optional<Visit> console = FEDERATION.awaitVisit("/console/", Duration.ofSeconds(120));
        Path profile = dir.resolve("rolehop").resolve("browser-profiles").resolve(idOf("spoke"));
        awaitExit(profile);
        assertTrue(console.isPresent(), "the browser never reached the console: " + FEDERATION.visits());
        assertTrue(Files.isDirectory(profile), "no profile directory " + profile);
        try (var entries = Files.list(profile)) {
            assertTrue(entries.findAny().isPresent(), "Chromium wrote nothing into " + profile);
        }
        assertEquals(
                List.of("/federation getSigninToken", "/federation login", "/console/home"),
                FEDERATION.visits().stream()
                        .map(v -> (v.path() + " " + v.action()).strip())
                        .toList()
                        .subList(0, 3));
    }

    private String idOf(String alias) throws Exception {
        Dist.Result list = rolehop("session", "list", "-o", "json");
        ok(list);
        for (com.fasterxml.jackson.databind.JsonNode session :
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.out())) {
            if (alias.equals(session.path("alias").asText())) {
                return session.path("id").asText();
            }
        }
        throw new AssertionError("no session " + alias + " in " + list.out());
    }
}
