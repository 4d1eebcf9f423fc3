package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.IdentityCenterException;
import io.rolehop.application.port.out.IdentityCenterException.Reason;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center on the AWS SDK for Java v2 ({@code ssooidc} and {@code sso}): the OIDC service at
 * {@code AWS_ENDPOINT_URL_SSO_OIDC}, else {@code AWS_ENDPOINT_URL}, else {@code https://oidc.REGION.amazonaws.com};
 * the portal at {@code AWS_ENDPOINT_URL_SSO}, else {@code AWS_ENDPOINT_URL}, else
 * {@code https://portal.sso.REGION.amazonaws.com}. One attempt per call: the use cases pace and retry.
 */
public final class SdkIdentityCenter implements IdentityCenter {
    static final SdkClients.Limits LIMITS =
            new SdkClients.Limits(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30), 1);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final Map<String, String> environment;
    private final Map<Region, SsoOidcClient> oidcClients = new ConcurrentHashMap<>();
    private final Map<Region, SsoClient> portalClients = new ConcurrentHashMap<>();

    /** @param environment the process environment, for the endpoint variables */
    public SdkIdentityCenter(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    URI oidcEndpoint(Region region) {
        return ConfiguredEndpoints.configured(environment, "SSO_OIDC", "https://oidc.us-east-1.amazonaws.com")
                .orElseGet(() -> URI.create("https://oidc." + region.code() + "." + dnsSuffix(region)));
    }

    URI portalEndpoint(Region region) {
        return ConfiguredEndpoints.configured(environment, "SSO", "https://portal.sso.us-east-1.amazonaws.com")
                .orElseGet(() -> URI.create("https://portal.sso." + region.code() + "." + dnsSuffix(region)));
    }

    private static String dnsSuffix(Region region) {
        return region.code().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    private SsoOidcClient oidc(Region region) {
        return oidcClients.computeIfAbsent(
                region, r -> SdkClients.build(SsoOidcClient.builder(), r.code(), oidcEndpoint(r), LIMITS));
    }

    private SsoClient portal(Region region) {
        return portalClients.computeIfAbsent(
                region, r -> SdkClients.build(SsoClient.builder(), r.code(), portalEndpoint(r), LIMITS));
    }

    @Override
    public Client registerClient(Region region, Registration registration) {
        RegisterClientResponse r = call(
                "register a client with",
                oidcEndpoint(region),
                () -> oidc(region)
                        .registerClient(b -> b.clientName(registration.clientName())
                                .clientType("public")
                                .scopes(registration.scopes())
                                .grantTypes(registration.grantTypes())
                                .redirectUris(registration.redirectUris())
                                .issuerUrl(registration.issuerUrl())));
        return new Client(r.clientId(), r.clientSecret(), Instant.ofEpochSecond(r.clientSecretExpiresAt()));
    }

    @Override
    public DeviceAuthorization startDeviceAuthorization(Region region, Client client, String startUrl) {
        StartDeviceAuthorizationResponse r = call(
                "start a device authorization with",
                oidcEndpoint(region),
                () -> oidc(region)
                        .startDeviceAuthorization(b -> b.clientId(client.id())
                                .clientSecret(client.secret())
                                .startUrl(startUrl)));
        return new DeviceAuthorization(
                r.deviceCode(),
                r.userCode(),
                URI.create(r.verificationUri()),
                Optional.ofNullable(r.verificationUriComplete()).map(URI::create),
                Duration.ofSeconds(r.interval() == null ? 5 : r.interval()),
                Duration.ofSeconds(r.expiresIn() == null ? 600 : r.expiresIn()));
    }

    @Override
    public Token deviceToken(Region region, Client client, String deviceCode) {
        return token(call(
                "get a token from",
                oidcEndpoint(region),
                () -> oidc(region)
                        .createToken(b -> b.clientId(client.id())
                                .clientSecret(client.secret())
                                .grantType(DEVICE_GRANT)
                                .deviceCode(deviceCode))));
    }

    @Override
    public Token authorizationCodeToken(
            Region region, Client client, String code, URI redirectUri, String codeVerifier) {
        return token(call(
                "get a token from",
                oidcEndpoint(region),
                () -> oidc(region)
                        .createToken(b -> b.clientId(client.id())
                                .clientSecret(client.secret())
                                .grantType("authorization_code")
                                .code(code)
                                .redirectUri(redirectUri.toString())
                                .codeVerifier(codeVerifier))));
    }

    @Override
    public Token refresh(Region region, Client client, String refreshToken) {
        return token(call(
                "renew the token with",
                oidcEndpoint(region),
                () -> oidc(region)
                        .createToken(b -> b.clientId(client.id())
                                .clientSecret(client.secret())
                                .grantType("refresh_token")
                                .refreshToken(refreshToken))));
    }

    private static Token token(CreateTokenResponse r) {
        return new Token(
                r.accessToken(),
                Instant.now().plusSeconds(r.expiresIn() == null ? 0 : r.expiresIn()),
                Optional.ofNullable(r.refreshToken()));
    }

    @Override
    public URI authorizeUrl(
            Region region, Client client, URI redirectUri, String state, String codeChallenge, List<String> scopes) {
        String base = oidcEndpoint(region).toString().replaceAll("/+$", "");
        return URI.create(base + "/authorize?response_type=code&client_id=" + encode(client.id())
                + "&redirect_uri=" + encode(redirectUri.toString()) + "&state=" + encode(state)
                + "&code_challenge_method=S256&scopes=" + encode(String.join(",", scopes))
                + "&code_challenge=" + encode(codeChallenge));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public Page<Account> listAccounts(Region region, String accessToken, Optional<String> nextToken) {
        var r = call(
                "list accounts at",
                portalEndpoint(region),
                () -> portal(region)
                        .listAccounts(b -> b.accessToken(accessToken).nextToken(nextToken.orElse(null))));
        return new Page<>(
                r.accountList().stream()
                        .map(a -> new Account(
                                a.accountId(),
                                Optional.ofNullable(a.accountName()).orElse(a.accountId()),
                                Optional.ofNullable(a.emailAddress()).orElse("")))
                        .toList(),
                Optional.ofNullable(r.nextToken()));
    }

    @Override
    public Page<String> listAccountRoles(
            Region region, String accessToken, String accountId, Optional<String> nextToken) {
        var r = call(
                "list roles at",
                portalEndpoint(region),
                () -> portal(region)
                        .listAccountRoles(b ->
                                b.accessToken(accessToken).accountId(accountId).nextToken(nextToken.orElse(null))));
        return new Page<>(r.roleList().stream().map(RoleInfo::roleName).toList(), Optional.ofNullable(r.nextToken()));
    }

    @Override
    public TemporaryCredentials roleCredentials(Region region, String accessToken, String accountId, String roleName) {
        RoleCredentials c = call(
                        "get role credentials from",
                        portalEndpoint(region),
                        () -> portal(region)
                                .getRoleCredentials(b -> b.accessToken(accessToken)
                                        .accountId(accountId)
                                        .roleName(roleName)))
                .roleCredentials();
        return new TemporaryCredentials(
                c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), Instant.ofEpochMilli(c.expiration()));
    }

    @Override
    public void logout(Region region, String accessToken) {
        call("sign out at", portalEndpoint(region), () -> portal(region).logout(b -> b.accessToken(accessToken)));
    }

    private static <T> T call(String what, URI endpoint, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null
                    ? ""
                    : String.valueOf(e.awsErrorDetails().errorCode());
            Reason reason = reason(code, e.statusCode());
            throw new IdentityCenterException(
                    reason,
                    "IAM Identity Center refused to " + what.replaceFirst(" (with|from|at)$", "") + " ("
                            + (code.isEmpty() ? "HTTP " + e.statusCode() : code) + ")"
                            + advice(reason));
        } catch (SdkClientException e) {
            throw new IdentityCenterException(
                    Reason.OTHER,
                    "could not " + what + " IAM Identity Center at " + endpoint
                            + "; check the network, or AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL_SSO_OIDC");
        }
    }

    static Reason reason(String code, int status) {
        return switch (code) {
            case "AuthorizationPendingException" -> Reason.AUTHORIZATION_PENDING;
            case "SlowDownException" -> Reason.SLOW_DOWN;
            case "ExpiredTokenException" -> Reason.EXPIRED;
            case "InvalidGrantException",
                    "InvalidClientException",
                    "UnauthorizedException",
                    "UnauthorizedClientException",
                    "AccessDeniedException" -> Reason.UNAUTHORIZED;
            case "TooManyRequestsException" -> Reason.THROTTLED;
            case "ForbiddenException", "ResourceNotFoundException" -> Reason.FORBIDDEN;
            default ->
                status == 429
                        ? Reason.THROTTLED
                        : status == 401 ? Reason.UNAUTHORIZED : status == 403 ? Reason.FORBIDDEN : Reason.OTHER;
        };
    }

    private static String advice(Reason reason) {
        return switch (reason) {
            case UNAUTHORIZED -> "; log in again with 'rolehop sso login'";
            case THROTTLED -> "; try again in a minute";
            default -> "";
        };
    }
}
