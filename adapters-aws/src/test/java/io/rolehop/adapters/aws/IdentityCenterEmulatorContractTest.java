package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.IdentityCenterEmulator;
import io.rolehop.testing.MotoServer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The IAM Identity Center emulator of test-support speaks the real wire shapes: the AWS SDK's own {@code SsoOidcClient}
 * and {@code SsoClient}, built from the service models, run every operation rolehop uses against it and get typed
 * answers and typed errors.
 */
class IdentityCenterEmulatorContractTest {
    private static final String DEVICE = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String REDIRECT = "http://127.0.0.1/oauth/callback";

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private IdentityCenterEmulator emulator;
    private SsoOidcClient oidc;
    private SsoClient portal;

    @BeforeEach
    void start() {
        emulator = new IdentityCenterEmulator(moto).start();
        oidc = SsoOidcClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        portal = SsoClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        oidc.close();
        portal.close();
        emulator.close();
    }

    private RegisterClientResponse register() {
        return oidc.registerClient(b -> b.clientName("contract")
                .clientType("public")
                .scopes("sso:account:access")
                .grantTypes("authorization_code", "refresh_token", DEVICE)
                .redirectUris(REDIRECT)
                .issuerUrl("https://example.awsapps.com/start"));
    }

    private CreateTokenResponse deviceLogin(RegisterClientResponse client) {
        emulator.approveAfterPolls(1);
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .startUrl("https://example.awsapps.com/start"));
        return oidc.createToken(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .grantType(DEVICE)
                .deviceCode(device.deviceCode()));
    }

    @Test
    void registersAClientWithItsSecretAndExpiry() {
        RegisterClientResponse client = register();

        assertNotNull(client.clientId());
        assertNotNull(client.clientSecret());
        assertTrue(client.clientSecretExpiresAt() > Instant.now().getEpochSecond());
    }

    @Test
    void deviceCodeIsPendingThenSlowDownThenApproved() {
        RegisterClientResponse client = register();
        emulator.approveAfterPolls(3);
        emulator.slowDownOnPoll(2);
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .startUrl("https://example.awsapps.com/start"));
        assertNotNull(device.userCode());
        assertTrue(device.verificationUriComplete().contains(device.userCode()));
        assertEquals(1, device.interval());

        assertThrows(
                AuthorizationPendingException.class,
                () -> oidc.createToken(b -> b.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType(DEVICE)
                        .deviceCode(device.deviceCode())));
        assertThrows(
                SlowDownException.class,
                () -> oidc.createToken(b -> b.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType(DEVICE)
                        .deviceCode(device.deviceCode())));
        CreateTokenResponse token = oidc.createToken(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .grantType(DEVICE)
                .deviceCode(device.deviceCode()));

        assertNotNull(token.accessToken());
        assertNotNull(token.refreshToken());
        assertEquals(3600, token.expiresIn());
    }

    @Test
    void authorizationCodeNeedsTheVerifierOfItsChallengeAndEchoesTheState() throws Exception {
        RegisterClientResponse client = register();
        String verifier = "v".repeat(64);
        String redirect = "http://127.0.0.1:45678/oauth/callback";
        Map<String, String> answer =
                authorize(client.clientId(), redirect, "s".repeat(43), IdentityCenterEmulator.s256(verifier));
        assertEquals("s".repeat(43), answer.get("state"));

        assertThrows(
                InvalidGrantException.class,
                () -> oidc.createToken(b -> b.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType("authorization_code")
                        .code(answer.get("code"))
                        .redirectUri(redirect)
                        .codeVerifier("w".repeat(64))));
        Map<String, String> again =
                authorize(client.clientId(), redirect, "t".repeat(43), IdentityCenterEmulator.s256(verifier));
        CreateTokenResponse token = oidc.createToken(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .grantType("authorization_code")
                .code(again.get("code"))
                .redirectUri(redirect)
                .codeVerifier(verifier));
        assertNotNull(token.accessToken());
    }

    @Test
    void anAuthorizationWithoutStateIsRefused() throws Exception {
        RegisterClientResponse client = register();
        HttpURLConnection response = get(emulator.endpoint() + "/authorize?response_type=code&client_id="
                + client.clientId() + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=abc");
        assertEquals(400, response.getResponseCode());
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenOnce() {
        RegisterClientResponse client = register();
        CreateTokenResponse first = deviceLogin(client);

        CreateTokenResponse renewed = oidc.createToken(b -> b.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .grantType("refresh_token")
                .refreshToken(first.refreshToken()));

        assertNotNull(renewed.accessToken());
        assertThrows(
                InvalidGrantException.class,
                () -> oidc.createToken(b -> b.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType("refresh_token")
                        .refreshToken(first.refreshToken())));
    }

    @Test
    void listsAccountsAndRolesPageByPageThroughTheSdksPaginators() {
        emulator.account("111111111111", "Dev", "Admin", "ReadOnly", "Billing")
                .account("222222222222", "Prod", "ReadOnly")
                .account("333333333333", "Audit", "Auditor");
        emulator.pageSize(2);
        String token = deviceLogin(register()).accessToken();

        List<String> accounts = portal.listAccountsPaginator(b -> b.accessToken(token)).accountList().stream()
                .map(AccountInfo::accountName)
                .toList();
        List<String> roles =
                portal
                        .listAccountRolesPaginator(b -> b.accessToken(token).accountId("111111111111"))
                        .roleList()
                        .stream()
                        .map(RoleInfo::roleName)
                        .toList();

        assertEquals(List.of("Dev", "Prod", "Audit"), accounts);
        assertEquals(List.of("Admin", "ReadOnly", "Billing"), roles);
        assertEquals(2 + 2, emulator.calls("ListAccounts") + emulator.calls("ListAccountRoles"));
    }

    @Test
    void roleCredentialsAreARealMotoRoleSessionWithAnEpochMillisecondExpiry() {
        moto.createRole("contract-sso-role", moto.admin().arn());
        emulator.account(MotoServer.ACCOUNT_ID, "Moto", "contract-sso-role");
        String token = deviceLogin(register()).accessToken();

        RoleCredentials c = portal.getRoleCredentials(b ->
                        b.accessToken(token).accountId(MotoServer.ACCOUNT_ID).roleName("contract-sso-role"))
                .roleCredentials();

        assertTrue(c.expiration() > Instant.now().toEpochMilli(), "milliseconds: " + c.expiration());
        assertEquals(
                MotoServer.assumedRoleArn("contract-sso-role", IdentityCenterEmulator.USER),
                moto.callerIdentity(new TemporaryCredentials(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), Instant.ofEpochMilli(c.expiration()))));
    }

    @Test
    void throttlesOnDemandWithTooManyRequests() {
        emulator.account("111111111111", "Dev", "Admin");
        String token = deviceLogin(register()).accessToken();
        emulator.throttleNext(100);

        TooManyRequestsException e =
                assertThrows(TooManyRequestsException.class, () -> portal.listAccounts(b -> b.accessToken(token)));

        assertEquals(429, e.statusCode());
        assertTrue(emulator.calls("Throttled") >= 1);
        emulator.throttleNext(0);
        assertEquals(
                1, portal.listAccounts(b -> b.accessToken(token)).accountList().size());
    }

    @Test
    void logoutEndsTheTokenAndAnExpiredTokenIsUnauthorized() {
        emulator.account("111111111111", "Dev", "Admin");
        String token = deviceLogin(register()).accessToken();

        portal.logout(b -> b.accessToken(token));

        assertThrows(UnauthorizedException.class, () -> portal.listAccounts(b -> b.accessToken(token)));
        String other = deviceLogin(register()).accessToken();
        emulator.expireAccessTokens();
        assertThrows(UnauthorizedException.class, () -> portal.listAccounts(b -> b.accessToken(other)));
    }

    private Map<String, String> authorize(String clientId, String redirect, String state, String challenge)
            throws Exception {
        HttpURLConnection response = get(emulator.endpoint() + "/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=" + state
                + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=" + challenge);
        assertEquals(302, response.getResponseCode());
        URI location = URI.create(response.getHeaderField("Location"));
        assertTrue(location.toString().startsWith(redirect + "?"), location::toString);
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static HttpURLConnection get(String url) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        return connection;
    }
}
