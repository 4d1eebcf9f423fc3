package io.rolehop.cli.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.domain.Alias;
import io.rolehop.domain.SessionId;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser adapter starts a real process, a script standing in for the browser that writes down its arguments:
 * which command is chosen, where the URL goes, and what each browser context adds.
 */
class CommandLineBrowserTest {
    private static final URI URL = URI.create("https://signin.aws.amazon.com/oauth?Action=logout&redirect_uri="
            + "https%3A%2F%2Fsignin.aws.amazon.com%2Ffederation%3FAction%3Dlogin%26SigninToken%3Dsecret-token");
    private static final SessionId ID = new SessionId("0b6c7f3e-1d2a-4c5b-8e9f-0a1b2c3d4e5f");

    @TempDir
    Path dir;

    private BrowserContext context(BrowserContext.Kind kind) {
        return new BrowserContext(kind, ID, Alias.of("dev admin"));
    }

    private Path browser(String name, int exit) throws IOException {
        return ScriptedBrowsers.recording(dir, name, exit);
    }

    private List<String> arguments(String name) throws Exception {
        return ScriptedBrowsers.arguments(dir, name);
    }

    private CommandLineBrowser adapter(Map<String, String> env) {
        // Long enough for any machine: a failing stand-in exits at once, a succeeding one is not waited for longer.
        return new CommandLineBrowser(env, dir.resolve("home"), false, Duration.ofSeconds(60));
    }

    @Test
    void theUrlReplacesPercentSOrIsAppended() throws Exception {
        Path browser = browser("b", 0);

        adapter(Map.of())
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.of(browser + " --new-window %s" + " --after"));
        assertEquals(List.of("--new-window", URL.toString(), "--after"), arguments("b"));

        Files.delete(dir.resolve("b.args"));
        adapter(Map.of()).open(URL, context(BrowserContext.Kind.PLAIN), Optional.of(browser.toString()));
        assertEquals(List.of(URL.toString()), arguments("b"));
    }

    @Test
    void theOptionBeatsRolehopBrowserWhichBeatsBrowser() throws Exception {
        Path given = browser("given", 0);
        Path rolehop = browser("rolehop", 0);
        Path plain = browser("plain", 0);

        adapter(Map.of("ROLEHOP_BROWSER", rolehop.toString(), "BROWSER", plain.toString()))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.of(given.toString()));
        adapter(Map.of("ROLEHOP_BROWSER", rolehop.toString(), "BROWSER", plain.toString()))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());
        adapter(Map.of("BROWSER", plain + ":/usr/bin/false"))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());

        assertEquals(List.of(URL.toString()), arguments("given"));
        assertEquals(List.of(URL.toString()), arguments("rolehop"));
        assertEquals(List.of(URL.toString()), arguments("plain"));
    }

    @Test
    void aFirefoxContainerGetsAnExtContainerUrlNamedAfterTheSession() throws Exception {
        Path firefox = browser("firefox", 0);

        adapter(Map.of()).open(URL, context(BrowserContext.Kind.FIREFOX_CONTAINER), Optional.of(firefox.toString()));

        List<String> args = arguments("firefox");
        assertEquals(1, args.size());
        String container = args.get(0);
        assertTrue(container.startsWith("ext+container:name=dev+admin&url="), container);
        assertEquals(
                URL.toString(),
                URLDecoder.decode(container.substring(container.indexOf("&url=") + 5), StandardCharsets.UTF_8));
    }

    @Test
    void aChromiumProfileIsAPrivateDirectoryPerSessionUnderTheHome() throws Exception {
        Path chromium = browser("chromium", 0);

        adapter(Map.of())
                .open(URL, context(BrowserContext.Kind.CHROMIUM_PROFILE), Optional.of(chromium + " --headless"));

        Path profile = dir.resolve("home").resolve("browser-profiles").resolve(ID.value());
        assertEquals(List.of("--headless", "--user-data-dir=" + profile, URL.toString()), arguments("chromium"));
        assertTrue(Files.isDirectory(profile));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.getParent())));
    }

    @Test
    void withoutACommandAChromiumProfileUsesTheFirstChromiumFamilyBrowserOnThePath() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        browser("google-chrome", 0);
        Files.move(dir.resolve("google-chrome"), bin.resolve("google-chrome"));

        adapter(Map.of("PATH", bin.toString()))
                .open(URL, context(BrowserContext.Kind.CHROMIUM_PROFILE), Optional.empty());

        assertEquals(URL.toString(), arguments("google-chrome").get(1));
    }

    @Test
    void withoutAnyChromiumFamilyBrowserTheErrorSaysWhatToDo() {
        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> adapter(Map.of("PATH", dir.toString()))
                        .open(URL, context(BrowserContext.Kind.CHROMIUM_PROFILE), Optional.empty()));

        assertTrue(e.getMessage().contains("--browser CMD"), e.getMessage());
        assertTrue(e.getMessage().contains("chromium"), e.getMessage());
    }

    @Test
    void aBrowserThatCannotStartOrFailsAtOnceIsOneLineWithoutTheUrl() throws Exception {
        Path failing = browser("failing", 3);

        OperationFailedException missing = assertThrows(
                OperationFailedException.class,
                () -> adapter(Map.of())
                        .open(
                                URL,
                                context(BrowserContext.Kind.PLAIN),
                                Optional.of(dir.resolve("no-such-browser").toString())));
        OperationFailedException failed = assertThrows(
                OperationFailedException.class,
                () -> adapter(Map.of()).open(URL, context(BrowserContext.Kind.PLAIN), Optional.of(failing.toString())));

        assertTrue(missing.getMessage().startsWith("could not start a browser"), missing.getMessage());
        assertTrue(missing.getMessage().contains("no-such-browser' was not found"), missing.getMessage());
        assertTrue(failed.getMessage().contains("failed (exit 3)"), failed.getMessage());
        for (String message : List.of(missing.getMessage(), failed.getMessage())) {
            assertFalse(message.contains("secret-token"), message);
            assertFalse(message.contains("\n"), message);
        }
    }

    // --- one selection rule, the one sso login has always followed

    @Test
    void browserListsCommandsTriedInOrderUntilOneStarts() throws Exception {
        Path second = browser("second", 0);

        adapter(Map.of("BROWSER", dir.resolve("nonexistent-browser") + ":" + second))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());

        assertEquals(List.of(URL.toString()), arguments("second"));
    }

    @Test
    void aBrowserEntryThatFailsAtOnceGivesWayToTheNext() throws Exception {
        Path failing = browser("failing", 3);
        Path next = browser("next", 0);

        adapter(Map.of("BROWSER", failing + ":" + next))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());

        assertEquals(List.of(URL.toString()), arguments("failing"));
        assertEquals(List.of(URL.toString()), arguments("next"));
    }

    @Test
    void xdgOpenIsTheDefaultOnlyWhereThereIsADisplay() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        browser("xdg-open", 0);
        Files.move(dir.resolve("xdg-open"), bin.resolve("xdg-open"));

        OperationFailedException none = assertThrows(
                OperationFailedException.class,
                () -> adapter(Map.of("PATH", bin.toString()))
                        .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty()));
        assertFalse(Files.exists(dir.resolve("xdg-open.args")), "xdg-open was started without a display");
        assertTrue(none.getMessage().contains("DISPLAY"), none.getMessage());
        assertFalse(none.getMessage().contains("\n"), none.getMessage());
        assertFalse(none.getMessage().contains("secret-token"), none.getMessage());

        adapter(Map.of("PATH", bin.toString(), "WAYLAND_DISPLAY", "wayland-0"))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());
        assertEquals(List.of(URL.toString()), arguments("xdg-open"));
    }

    @Test
    void percentSIsReplacedWithinAWordAndPercentPercentIsAPercentSign() throws Exception {
        Path browser = browser("app", 0);

        adapter(Map.of("BROWSER", browser + " --app=%s --zoom=100%%"))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());

        assertEquals(List.of("--app=" + URL, "--zoom=100%"), arguments("app"));
    }

    @Test
    void theBrowserRunsWithTheEnvironmentRolehopWasGiven() throws Exception {
        Path script = dir.resolve("env-browser");
        Files.writeString(
                script,
                "#!/bin/sh\nprintf '%s\\n' \"$ROLEHOP_MARK\" > '" + dir.resolve("env.args.tmp") + "'\n" + "/bin/mv '"
                        + dir.resolve("env.args.tmp") + "' '" + dir.resolve("env.args") + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        adapter(Map.of("ROLEHOP_MARK", "given to rolehop", "BROWSER", script.toString()))
                .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty());

        assertEquals(List.of("given to rolehop"), arguments("env"));
    }

    @Test
    void whenNoneStartsTheMessageNamesEachCommandTriedInOrderAndWhy() throws Exception {
        Path failing = browser("failing", 3);
        Path missing = dir.resolve("nonexistent-browser");

        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> adapter(Map.of("ROLEHOP_BROWSER", missing.toString(), "BROWSER", failing + " %s"))
                        .open(URL, context(BrowserContext.Kind.PLAIN), Optional.empty()));

        assertEquals(
                "could not start a browser ('" + missing + "' was not found, '" + failing + "' failed (exit 3), no"
                        + " DISPLAY or WAYLAND_DISPLAY for xdg-open); give one with --browser CMD or ROLEHOP_BROWSER,"
                        + " or print the URL with --print",
                e.getMessage());
    }

    // --- the login's operation: the same rule, and whether a browser started

    @Test
    void theLoginFollowsTheSameRuleAndSaysWhetherABrowserStarted() throws Exception {
        Path second = browser("login-browser", 0);
        Path failing = browser("login-failing", 3);

        assertTrue(adapter(Map.of("BROWSER", dir.resolve("nonexistent-browser") + ":" + failing + ":" + second + " %s"))
                .tryOpen(URL, Optional.empty()));
        assertEquals(List.of(URL.toString()), arguments("login-browser"));
        assertEquals(List.of(URL.toString()), arguments("login-failing"));

        assertFalse(adapter(Map.of(
                        "ROLEHOP_BROWSER", dir.resolve("nonexistent-browser").toString()))
                .tryOpen(URL, Optional.empty()));
        assertFalse(adapter(Map.of("BROWSER", second.toString()))
                .tryOpen(URL, Optional.of(dir.resolve("nonexistent-browser").toString())));
    }

    @Test
    void theLoginOpensNothingWithoutACommandOrADisplay() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        browser("xdg-open", 0);
        Files.move(dir.resolve("xdg-open"), bin.resolve("xdg-open"));

        assertFalse(adapter(Map.of("PATH", bin.toString())).tryOpen(URL, Optional.empty()));
        assertFalse(Files.exists(dir.resolve("xdg-open.args")), "xdg-open was started without a display");

        assertTrue(adapter(Map.of("PATH", bin.toString(), "DISPLAY", ":0")).tryOpen(URL, Optional.empty()));
        assertEquals(List.of(URL.toString()), arguments("xdg-open"));
    }

    @Test
    void anEmptyCommandForTheRunIsAUsageError() {
        assertThrows(UsageException.class, () -> adapter(Map.of()).tryOpen(URL, Optional.of("  ")));
        assertThrows(
                UsageException.class,
                () -> adapter(Map.of()).open(URL, context(BrowserContext.Kind.PLAIN), Optional.of("")));
    }

    @Test
    void escapesFollowTheBrowserConvention() {
        assertEquals("--app=u", CommandLineBrowser.expand("--app=%s", "u"));
        assertEquals("100%s", CommandLineBrowser.expand("100%%s", "u"));
        assertEquals("a:b", CommandLineBrowser.expand("a%cb", "u"));
        assertEquals("50%x", CommandLineBrowser.expand("50%x", "u"));
    }
}
