package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.IdentityCenterEmulator;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM Identity Center through the assembled {@code bin/rolehop}: a browser login with PKCE through a scripted browser
 * that follows the authorize redirect, a device-code login, a sync through throttling, a three-deep chain rooted in
 * an SSO role cold and warm (portal and STS calls counted), silent renewal, logout, and exit 3 without a login.
 */
class SsoIT {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    static final String START_URL = "https://it.awsapps.com/start";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    IdentityCenterEmulator sso;
    Map<String, String> env;

    @BeforeAll
    static void roles() {
        MOTO.createRole("it-sso-admin", MOTO.admin().arn());
        MOTO.createRole("it-hop1", MotoServer.assumedRoleArn("it-sso-admin", IdentityCenterEmulator.USER));
        MOTO.createRole("it-hop2", MotoServer.assumedRoleArn("it-hop1", "hop1"));
        MOTO.createRole("it-hop3", MotoServer.assumedRoleArn("it-hop2", "hop2"));
    }

    @BeforeEach
    void setUp() {
        sso = new IdentityCenterEmulator(MOTO).start();
        sso.account(MotoServer.ACCOUNT_ID, "Sandbox", "it-sso-admin", "ReadOnly")
                .account("111111111111", "Dev", "Admin", "ReadOnly")
                .account("222222222222", "Prod", "ReadOnly");
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(STS.env());
        env.putAll(sso.env());
    }

    @AfterEach
    void tearDown() {
        sso.close();
    }

    private Dist.Result rolehop(String... args) throws IOException {
        return Dist.rolehop(dir, env, "", args);
    }

    private Dist.Result ok(Dist.Result result) {
        assertEquals(0, result.code(), result.toString());
        return result;
    }

    private void deviceLogin() throws IOException {
        sso.approveAfterPolls(1);
        ok(rolehop(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "eu-west-1",
                "--use-device-code",
                "--no-browser"));
    }

    private void addChain() throws IOException {
        ok(rolehop(
                "session",
                "add",
                "aws-sso",
                "--alias",
                "root",
                "--profile",
                "root",
                "--start-url",
                START_URL,
                "--sso-region",
                "eu-west-1",
                "--account-id",
                MotoServer.ACCOUNT_ID,
                "--role-name",
                "it-sso-admin"));
        ok(rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "h1",
                "--assumer",
                "root",
                "--profile",
                "h1",
                "--role-arn",
                MotoServer.roleArn("it-hop1"),
                "--role-session-name",
                "hop1"));
        ok(rolehop(
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
                MotoServer.roleArn("it-hop2"),
                "--role-session-name",
                "hop2"));
        ok(rolehop(
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
                MotoServer.roleArn("it-hop3"),
                "--role-session-name",
                "hop3"));
    }

    @Test
    void withoutALoginAStartExits3NamingTheLoginCommand() throws IOException {
        addChain();

        Dist.Result start = rolehop("session", "start", "h3");

        assertEquals(3, start.code(), start.toString());
        assertTrue(
                start.err().contains("rolehop sso login --start-url " + START_URL + " --sso-region eu-west-1"),
                start.err());
        assertEquals(0, sso.calls("GetRoleCredentials"));
    }

    /** A browser that loads the URL it is given last, as a browser would, and follows its redirect. */
    private Path followingBrowser() throws IOException {
        Path browser = dir.resolve("browser");
        Files.writeString(
                browser,
                "#!/bin/sh\nexec python3 -c 'import sys, urllib.request; "
                        + "urllib.request.urlopen(sys.argv[-1]).read()' \"$@\"\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
        return browser;
    }

    @Test
    void browserListsCommandsTriedInOrderAsForTheConsole() throws IOException {
        Path browser = followingBrowser();
        env.put("BROWSER", "nonexistent-browser:" + browser + " --new-window %s");

        Dist.Result login = ok(rolehop("sso", "login", "--start-url", START_URL, "--sso-region", "eu-west-1"));

        assertEquals(1, sso.calls("Authorize"), sso.callCounts().toString());
        assertEquals(0, sso.calls("StartDeviceAuthorization"), sso.callCounts().toString());
        assertTrue(login.out().startsWith("logged in to " + START_URL), login.toString());
    }

    @Test
    void browserLoginWithPkceThroughAScriptedBrowserThenAChainColdAndWarm() throws IOException {
        Path browser = followingBrowser();

        Dist.Result login = ok(rolehop(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "eu-west-1",
                "--browser",
                browser.toString()));
        assertEquals(1, sso.calls("Authorize"), sso.callCounts().toString());
        assertTrue(login.out().startsWith("logged in to " + START_URL), login.toString());

        addChain();
        sso.resetCounts();
        STS.reset();
        ok(rolehop("session", "start", "h3"));
        System.out.println("sso: IT cold start of a chain of an SSO role and three hops: identity center "
                + sso.callCounts() + ", sts " + STS.counts());
        assertEquals(Map.of("GetRoleCredentials", 1), sso.callCounts());
        assertEquals(3, STS.count("AssumeRole"), STS.counts().toString());
        assertEquals(3, STS.total(), STS.counts().toString());
        AwsCli aws = new AwsCli(MOTO.env())
                .with("AWS_CONFIG_FILE", env.get("AWS_CONFIG_FILE"))
                .with("AWS_SHARED_CREDENTIALS_FILE", env.get("AWS_SHARED_CREDENTIALS_FILE"));
        assertEquals(MotoServer.assumedRoleArn("it-hop3", "hop3"), aws.callerArn("h3"));

        sso.resetCounts();
        STS.reset();
        ok(rolehop("session", "start", "h3"));
        ok(rolehop("session", "start", "root"));
        ok(rolehop("session", "generate", "h2"));
        System.out.println("sso: IT warm starts: identity center " + sso.callCounts() + ", sts " + STS.counts());
        assertEquals(Map.of(), sso.callCounts());
        assertEquals(0, STS.total(), STS.counts().toString());
    }

    @Test
    void deviceCodeLoginThenSilentRenewalThenLogout() throws IOException {
        sso.approveAfterPolls(2);
        sso.tokenLifetime(Duration.ofMinutes(2));
        Dist.Result login = ok(rolehop(
                "sso",
                "login",
                "--start-url",
                START_URL,
                "--sso-region",
                "eu-west-1",
                "--use-device-code",
                "--no-browser"));
        assertTrue(login.err().contains("/device") && login.err().contains("ABCD-"), login.err());
        assertEquals(2, sso.calls("CreateToken"));
        addChain();
        sso.resetCounts();

        ok(rolehop("session", "start", "root"));
        System.out.println("sso: IT start with an expiring token: " + sso.callCounts());
        assertEquals(1, sso.calls("RefreshToken"), sso.callCounts().toString());
        assertEquals(0, sso.calls("Authorize") + sso.calls("StartDeviceAuthorization"));

        ok(rolehop("sso", "logout", "--start-url", START_URL));
        assertEquals(1, sso.calls("Logout"));
        assertEquals(3, rolehop("session", "generate", "root").code());
    }

    @Test
    void syncThroughThrottlingIsIdempotent() throws IOException {
        deviceLogin();
        sso.pageSize(1);
        sso.throttleNext(3);
        sso.resetCounts();

        JsonNode first = JSON.readTree(
                ok(rolehop("sso", "sync", "--start-url", START_URL, "--sso-region", "eu-west-1", "-o", "json"))
                        .out());
        System.out.println("sso: IT sync of 3 accounts and 5 roles, page size 1, 3 throttled: " + sso.callCounts()
                + ", portal calls counted by rolehop " + first.get("portalCalls"));
        assertEquals(5, first.get("sessions").size(), first.toString());
        first.get("sessions").forEach(s -> assertEquals("added", s.get("action").asText()));
        assertEquals(3, sso.calls("Throttled"));

        JsonNode again = JSON.readTree(
                ok(rolehop("sso", "sync", "--start-url", START_URL, "--sso-region", "eu-west-1", "-o", "json"))
                        .out());
        again.get("sessions")
                .forEach(s -> assertEquals("unchanged", s.get("action").asText()));
        JsonNode list =
                JSON.readTree(ok(rolehop("session", "list", "-o", "json")).out());
        assertEquals(5, list.size(), list.toString());
        JsonNode one = list.get(0);
        assertEquals("aws-sso", one.get("method").asText(), one.toString());
        for (String attribute : new String[] {"start-url", "sso-region", "account-id", "role-name"}) {
            assertTrue(one.get("attributes").has(attribute), one.toString());
        }
        assertEquals(START_URL, one.get("attributes").get("start-url").asText());
    }
}
