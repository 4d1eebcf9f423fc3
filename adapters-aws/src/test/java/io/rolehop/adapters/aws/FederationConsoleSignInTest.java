package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.SignInRequest;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.FakeFederationEndpoint;
import io.rolehop.testing.FakeFederationEndpoint.TokenRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The federation endpoint adapter against a loopback stand-in that checks what AWS checks: the Session JSON, the
 * SessionDuration, the login and logout URLs; and the sign-in and console hosts of each partition.
 */
class FederationConsoleSignInTest {
    // A token with the characters JSON and URLs must escape.
    private static final TemporaryCredentials CREDENTIALS = new TemporaryCredentials(
            "ASIAEXAMPLEEXAMPLE12",
            "secret/with+plus=and\"quote\\",
            "token+/=\"\\end",
            Instant.parse("2030-01-01T00:00:00Z"));

    @RegisterExtension
    static final FakeFederationEndpoint FEDERATION = new FakeFederationEndpoint();

    private final FederationConsoleSignIn signIn = new FederationConsoleSignIn(FEDERATION.env());

    private static SignInRequest request(Optional<Duration> duration, boolean logout) {
        return new SignInRequest(CREDENTIALS, Region.of("eu-west-1"), duration, Optional.empty(), logout);
    }

    private static Map<String, String> query(URI uri) {
        return FakeFederationEndpoint.parameters(uri);
    }

    @Test
    void theSessionJsonCarriesExactlyTheThreeCredentialPartsAndNoDurationWhenNoneIsGiven() {
        URI login = signIn.signInUrl(request(Optional.empty(), false));

        TokenRequest sent = FEDERATION.tokenRequests().get(0);
        assertEquals(
                Map.of(
                        "sessionId",
                        CREDENTIALS.accessKeyId(),
                        "sessionKey",
                        CREDENTIALS.secretAccessKey(),
                        "sessionToken",
                        CREDENTIALS.sessionToken()),
                sent.session());
        assertEquals(Optional.empty(), sent.sessionDuration());
        assertEquals(
                FEDERATION.baseUrl() + "/federation",
                login.getScheme() + "://" + login.getRawAuthority() + login.getRawPath());
        Map<String, String> parameters = query(login);
        assertEquals("login", parameters.get("Action"));
        assertEquals("rolehop", parameters.get("Issuer"));
        assertEquals(
                "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1",
                parameters.get("Destination"));
        assertTrue(FEDERATION.tokens().containsKey(parameters.get("SigninToken")));
    }

    @Test
    void aDurationIsSentInSeconds() {
        signIn.signInUrl(request(Optional.of(Duration.ofHours(1)), false));

        assertEquals(Optional.of("3600"), FEDERATION.tokenRequests().get(0).sessionDuration());
    }

    @Test
    void aRefusedSignInIsOneLineWithoutASecret() {
        FEDERATION.refuseSessionDuration();

        OperationFailedException e = assertThrows(
                OperationFailedException.class,
                () -> signIn.signInUrl(request(Optional.of(Duration.ofHours(1)), false)));

        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("secret/with"), e.getMessage());
        assertFalse(e.getMessage().contains("token+"), e.getMessage());
    }

    @Test
    void theLogoutRedirectWrapsTheLogin() {
        URI url = signIn.signInUrl(request(Optional.empty(), true));

        assertEquals("/oauth", url.getRawPath());
        Map<String, String> parameters = query(url);
        assertEquals("logout", parameters.get("Action"));
        URI login = URI.create(parameters.get("redirect_uri"));
        assertEquals("/federation", login.getRawPath());
        assertEquals("login", query(login).get("Action"));
    }

    @Test
    void aDestinationGivenIsKept() {
        URI url = signIn.signInUrl(new SignInRequest(
                CREDENTIALS,
                Region.of("eu-west-1"),
                Optional.empty(),
                Optional.of(URI.create("https://console.aws.amazon.com/s3/home?region=eu-west-1&tab=x")),
                false));

        assertEquals(
                "https://console.aws.amazon.com/s3/home?region=eu-west-1&tab=x",
                query(url).get("Destination"));
    }

    @Test
    void anEndpointThatIsNotThereIsOneLine() {
        FederationConsoleSignIn nowhere =
                new FederationConsoleSignIn(Map.of("ROLEHOP_SIGNIN_URL", "http://127.0.0.1:1"));

        OperationFailedException e =
                assertThrows(OperationFailedException.class, () -> nowhere.signInUrl(request(Optional.empty(), false)));

        assertTrue(
                e.getMessage().startsWith("could not reach the federation endpoint at http://127.0.0.1:1/federation"),
                e.getMessage());
        assertFalse(e.getMessage().contains("secret/with"));
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.com", "https://example.com/?a=b", "not a url", "https://"})
    void aSignInUrlThatIsNoBaseUrlIsAUsageError(String value) {
        FederationConsoleSignIn bad = new FederationConsoleSignIn(Map.of("ROLEHOP_SIGNIN_URL", value));

        UsageException e = assertThrows(UsageException.class, () -> bad.signInUrl(request(Optional.empty(), false)));

        assertTrue(e.getMessage().startsWith("ROLEHOP_SIGNIN_URL is '"), e.getMessage());
        assertTrue(FEDERATION.tokenRequests().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "us-east-1, https://signin.aws.amazon.com, https://signin.aws.amazon.com,"
                + " https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
        "eu-west-1, https://eu-west-1.signin.aws.amazon.com, https://signin.aws.amazon.com,"
                + " https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1",
        "ap-southeast-3, https://ap-southeast-3.signin.aws.amazon.com, https://signin.aws.amazon.com,"
                + " https://ap-southeast-3.console.aws.amazon.com/console/home?region=ap-southeast-3",
        "cn-north-1, https://signin.amazonaws.cn, https://signin.amazonaws.cn,"
                + " https://console.amazonaws.cn/console/home?region=cn-north-1",
        "cn-northwest-1, https://signin.amazonaws.cn, https://signin.amazonaws.cn,"
                + " https://console.amazonaws.cn/console/home?region=cn-northwest-1",
        "us-gov-west-1, https://signin.amazonaws-us-gov.com, https://signin.amazonaws-us-gov.com,"
                + " https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1",
        "us-gov-east-1, https://signin.amazonaws-us-gov.com, https://signin.amazonaws-us-gov.com,"
                + " https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1"
    })
    void eachPartitionHasItsSignInAndConsoleHosts(String region, String signInBase, String logoutBase, String console) {
        Region r = Region.of(region);

        assertEquals(URI.create(signInBase), ConsoleUrls.signInBase(Map.of(), r));
        assertEquals(URI.create(logoutBase), ConsoleUrls.logoutBase(Map.of(), r));
        assertEquals(URI.create(console), ConsoleUrls.consoleHome(r));
    }

    @Test
    void theSignInUrlVariableReplacesEveryPartitionsHost() {
        Map<String, String> env = Map.of("ROLEHOP_SIGNIN_URL", "https://signin.internal.example/aws/");

        for (String region : new String[] {"us-east-1", "cn-north-1", "us-gov-west-1"}) {
            assertEquals(
                    URI.create("https://signin.internal.example/aws"), ConsoleUrls.signInBase(env, Region.of(region)));
            assertEquals(
                    URI.create("https://signin.internal.example/aws"), ConsoleUrls.logoutBase(env, Region.of(region)));
        }
    }

    @Test
    void anIsolatedRegionHasNoPublicConsole() {
        UsageException e =
                assertThrows(UsageException.class, () -> ConsoleUrls.signInBase(Map.of(), Region.of("us-iso-east-1")));

        assertTrue(e.getMessage().contains("isolated partition"), e.getMessage());
    }

    @Test
    void theSessionJsonEscapesWhatJsonMust() {
        assertEquals(
                "{\"sessionId\":\"ASIAEXAMPLEEXAMPLE12\",\"sessionKey\":\"secret/with+plus=and\\\"quote\\\\\","
                        + "\"sessionToken\":\"token+/=\\\"\\\\end\"}",
                FederationConsoleSignIn.sessionJson(CREDENTIALS));
    }
}
