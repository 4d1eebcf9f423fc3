package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.fakes.RecordingBrowser;
import io.rolehop.application.fakes.RecordingConsoleSignIn;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.ConsoleOpened;
import io.rolehop.application.port.in.OpenConsoleCommand;
import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.application.port.out.FederationTokenRequest;
import io.rolehop.application.port.out.SignInRequest;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.SessionRef;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which credentials a console is signed in with, and what the federation endpoint and the browser are told. */
class OpenConsoleServiceTest {
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/jane";

    private final Fixture f = new Fixture(new TestMfaUserMethod());
    private final RecordingConsoleSignIn signIn = new RecordingConsoleSignIn();
    private final RecordingBrowser browser = new RecordingBrowser();
    private final OpenConsoleService console =
            new OpenConsoleService(f.store, f.methods, f.secrets, f.resolver, f.sts, signIn, browser);

    private ConsoleOpened open(String alias) {
        return console.open(command(alias, Optional.empty(), true));
    }

    private static OpenConsoleCommand command(String alias, Optional<Region> region, boolean open) {
        return new OpenConsoleCommand(SessionRef.of(alias), region, Optional.empty(), Optional.empty(), open, true);
    }

    private SignInRequest onlySignIn() {
        assertEquals(1, signIn.requests().size(), signIn.requests().toString());
        return signIn.requests().get(0);
    }

    @Test
    void aRoleChainedFromARoleIsSignedInWithoutASessionDuration() {
        f.chainUserR1R2R3();

        open("r3");

        SignInRequest request = onlySignIn();
        assertEquals(Fixture.roleIdentity("r3", "r3"), f.sts.identityOf(request.credentials()));
        assertEquals(Optional.empty(), request.sessionDuration(), "AWS refuses SessionDuration for role chaining");
        assertTrue(request.logoutFirst());
        assertTrue(f.sts.federationTokenCalls().isEmpty());
    }

    @Test
    void cachedHopsServeTheConsole() {
        f.chainUserR1R2R3();
        f.start("r3");
        int calls = f.sts.calls();

        open("r3");

        assertEquals(calls, f.sts.calls(), "no STS call for a chain whose credentials are cached");
        assertEquals(
                Fixture.roleIdentity("r3", "r3"), f.sts.identityOf(onlySignIn().credentials()));
    }

    @Test
    void aRoleAssumedDirectlyFromAnIamUserGetsAnHourOfConsole() {
        f.chainUserR1R2R3();

        open("r1");

        SignInRequest request = onlySignIn();
        assertEquals(Fixture.roleIdentity("r1", "r1"), f.sts.identityOf(request.credentials()));
        assertEquals(Optional.of(Duration.ofHours(1)), request.sessionDuration());
    }

    @Test
    void anIamUserFederatesWithItsLongTermKeysWhichNeverReachTheSignIn() {
        f.addUser("user");

        ConsoleOpened opened = open("user");

        List<FederationTokenRequest> calls = f.sts.federationTokenCalls();
        assertEquals(1, calls.size());
        FederationTokenRequest call = calls.get(0);
        assertEquals(Fixture.USER_KEY_ID, call.caller().accessKeyId());
        assertEquals(Fixture.USER_SECRET, call.caller().secretAccessKey());
        assertEquals("user", call.name());
        assertEquals(OpenConsoleService.PASS_THROUGH_POLICY, call.policy());
        assertEquals(Duration.ofHours(1), call.duration());
        SignInRequest request = onlySignIn();
        assertEquals("federated:user:" + Fixture.USER_KEY_ID, f.sts.identityOf(request.credentials()));
        assertFalse(request.credentials().accessKeyId().equals(Fixture.USER_KEY_ID));
        assertEquals(Optional.empty(), request.sessionDuration());
        assertTrue(f.sts.sessionTokenCalls().isEmpty(), "a GetSessionToken token is useless to the sign-in");
        assertEquals("user", opened.session().value());
    }

    @Test
    void anIamUserWithAnMfaDeviceProvesItOnceThenFederatesWithItsKeys() {
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestMfaUserMethod.ID),
                Alias.of("jane"),
                Optional.of(NamedProfile.of("jane")),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "access-key-id",
                        Fixture.USER_KEY_ID,
                        "secret-access-key",
                        Fixture.USER_SECRET,
                        "mfa-device",
                        DEVICE)));
        f.mfa.willAnswer("123456");

        open("jane");
        open("jane");

        assertEquals(1, f.mfa.requests(), "one code: the MFA session is kept");
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(
                DEVICE, f.sts.sessionTokenCalls().get(0).mfa().orElseThrow().serialNumber());
        assertEquals(2, f.sts.federationTokenCalls().size());
        f.sts.federationTokenCalls()
                .forEach(call -> assertEquals(
                        Fixture.USER_KEY_ID,
                        call.caller().accessKeyId(),
                        "GetFederationToken is signed with the long-term keys, never the MFA session token"));
    }

    @Test
    void anIamUserWithAnMfaDeviceAndNoCodeOpensNothing() {
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestMfaUserMethod.ID),
                Alias.of("jane"),
                Optional.of(NamedProfile.of("jane")),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "access-key-id",
                        Fixture.USER_KEY_ID,
                        "secret-access-key",
                        Fixture.USER_SECRET,
                        "mfa-device",
                        DEVICE)));

        assertThrows(io.rolehop.application.InteractionRequiredException.class, () -> open("jane"));

        assertTrue(f.sts.federationTokenCalls().isEmpty());
        assertTrue(signIn.requests().isEmpty());
        assertTrue(browser.opened().isEmpty());
    }

    @Test
    void theRegionDefaultsToTheSessionsAndMayBeGiven() {
        f.addUser("user");

        open("user");
        console.open(command("user", Optional.of(Region.of("eu-central-1")), true));

        assertEquals(Region.of("us-east-1"), signIn.requests().get(0).region());
        assertEquals(Region.of("eu-central-1"), signIn.requests().get(1).region());
        assertEquals(
                Region.of("eu-central-1"), f.sts.federationTokenCalls().get(1).region());
    }

    @Test
    void aRegionOfAnotherPartitionIsRefusedBeforeAnyCall() {
        f.chainUserR1R2R3();

        UsageException e = assertThrows(
                UsageException.class, () -> console.open(command("r3", Optional.of(Region.of("cn-north-1")), true)));

        assertTrue(e.getMessage().contains("aws-cn"), e.getMessage());
        assertEquals(0, f.sts.calls());
        assertTrue(signIn.requests().isEmpty());
    }

    @Test
    void printingOpensNoBrowser() {
        f.chainUserR1R2R3();

        ConsoleOpened opened = console.open(command("r2", Optional.empty(), false));

        assertTrue(browser.opened().isEmpty());
        assertEquals(
                URI.create("https://signin.example/federation?Action=login&For="
                        + onlySignIn().credentials().accessKeyId()),
                opened.url());
        assertFalse(opened.toString().contains("signin.example"), "the URL is a secret: " + opened);
    }

    @Test
    void theBrowserContextFollowsTheSetting() {
        f.chainUserR1R2R3();
        SettingsService settings = new SettingsService(f.store);

        open("r2");
        settings.set(BrowserContext.SETTING, "firefox-container");
        open("r2");
        settings.set(BrowserContext.SETTING, " Chromium-Profile ");
        open("r3");

        List<RecordingBrowser.Opened> opened = browser.opened();
        assertEquals(
                BrowserContext.Kind.PLAIN, opened.get(0).context().orElseThrow().kind());
        assertEquals(
                BrowserContext.Kind.FIREFOX_CONTAINER,
                opened.get(1).context().orElseThrow().kind());
        assertEquals("r2", opened.get(1).context().orElseThrow().name().value());
        assertEquals(
                BrowserContext.Kind.CHROMIUM_PROFILE,
                opened.get(2).context().orElseThrow().kind());
        assertEquals(f.session("r3").id(), opened.get(2).context().orElseThrow().session());
        assertEquals(
                signIn.requests().get(2).credentials().accessKeyId(),
                opened.get(2).url().getQuery().replaceAll(".*For=", ""));
        assertEquals("chromium-profile", settings.list().get(BrowserContext.SETTING));
        assertThrows(InvalidValueException.class, () -> settings.set(BrowserContext.SETTING, "safari"));
    }

    @Test
    void theBrowserCommandGivenIsPassedOn() {
        f.addUser("user");

        console.open(new OpenConsoleCommand(
                SessionRef.of("user"),
                Optional.empty(),
                Optional.of(URI.create("https://console.aws.amazon.com/s3/home")),
                Optional.of("firefox --private-window"),
                true,
                false));

        assertEquals(
                Optional.of("firefox --private-window"), browser.opened().get(0).command());
        assertEquals(
                Optional.of(URI.create("https://console.aws.amazon.com/s3/home")),
                onlySignIn().destination());
        assertFalse(onlySignIn().logoutFirst());
    }

    @Test
    void federatedNamesAreCutToWhatStsAccepts() {
        f.addUser("a-very-long-alias-for-an-iam-user-of-the-team");

        open("a-very-long-alias-for-an-iam-user-of-the-team");

        assertEquals(
                "a-very-long-alias-for-an-iam-use",
                f.sts.federationTokenCalls().get(0).name());
    }
}
