package io.rolehop.application.service;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.port.out.AwsCliTokenCache;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.IdentityCenterException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.domain.Region;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The IAM Identity Center login of each start URL, kept in the secret store under {@code sso/<sha1 of the start
 * URL>}: the OIDC client registration, the access token and its refresh token. One login serves every session of the
 * start URL; an access token about to expire is renewed with the refresh token, without a browser.
 */
public final class SsoTokens {
    /** An access token is renewed when it has less than this left. */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    /** Everything kept for one start URL. */
    record Login(Region region, IdentityCenter.Client client, Optional<IdentityCenter.Token> token) {}

    /** Workspace setting: the AWS CLI's token cache is read ({@code read}, the default), also written, or not used. */
    public static final String AWS_CLI_CACHE_SETTING = "sso-token-cache";
    /** Its values. */
    public static final List<String> AWS_CLI_CACHE_MODES = List.of("read", "write", "off");

    private final SecretStore secrets;
    private final IdentityCenter identityCenter;
    private final Clock clock;
    private final AwsCliTokenCache awsCli;
    private final Supplier<String> awsCliMode;

    /**
     * @param awsCliMode the {@link #AWS_CLI_CACHE_SETTING} in force, asked for when the cache would be used
     */
    public SsoTokens(
            SecretStore secrets,
            IdentityCenter identityCenter,
            Clock clock,
            AwsCliTokenCache awsCli,
            Supplier<String> awsCliMode) {
        this.secrets = secrets;
        this.identityCenter = identityCenter;
        this.clock = clock;
        this.awsCli = awsCli;
        this.awsCliMode = awsCliMode;
    }

    static String key(String startUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(startUrl.getBytes(StandardCharsets.UTF_8));
            return "sso/" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Login> load(String startUrl) {
        return secrets.get(key(startUrl)).flatMap(SsoTokens::decode);
    }

    void save(String startUrl, Login login) {
        secrets.put(key(startUrl), encode(login));
        if (login.token().isPresent() && "write".equals(awsCliMode.get())) {
            IdentityCenter.Token t = login.token().get();
            awsCli.write(new AwsCliTokenCache.Entry(
                    startUrl,
                    login.region(),
                    t.accessToken(),
                    t.expiresAt(),
                    t.refreshToken(),
                    Optional.of(login.client().id()),
                    Optional.of(login.client().secret()),
                    Optional.of(login.client().expiresAt())));
        }
    }

    private static String encode(Login login) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("region", login.region().code());
        v.put("client-id", login.client().id());
        v.put("client-secret", login.client().secret());
        v.put("client-expires", login.client().expiresAt().toString());
        login.token().ifPresent(t -> {
            v.put("access-token", t.accessToken());
            v.put("access-expires", t.expiresAt().toString());
            t.refreshToken().ifPresent(r -> v.put("refresh-token", r));
        });
        StringBuilder out = new StringBuilder();
        v.forEach((k, value) -> out.append(k).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** Forgets the login of {@code startUrl}, and the AWS CLI's cached token of it when rolehop writes that cache. */
    boolean forget(String startUrl) {
        if ("write".equals(awsCliMode.get())) {
            awsCli.delete(startUrl);
        }
        return secrets.delete(key(startUrl));
    }

    /**
     * A token of the AWS CLI's cache for {@code startUrl} that still lasts, taken over (with its client registration
     * and refresh token, when it has them) so that it is renewed like rolehop's own.
     */
    private Optional<String> fromAwsCli(String startUrl) {
        if ("off".equals(awsCliMode.get())) {
            return Optional.empty();
        }
        Optional<AwsCliTokenCache.Entry> found = awsCli.read(startUrl)
                .filter(e -> e.expiresAt().isAfter(clock.instant().plus(TOKEN_MARGIN)));
        found.filter(e -> e.clientId().isPresent()
                        && e.clientSecret().isPresent()
                        && e.registrationExpiresAt().isPresent())
                .ifPresent(e -> secrets.put(
                        key(startUrl),
                        encode(new Login(
                                e.region(),
                                new IdentityCenter.Client(
                                        e.clientId().get(),
                                        e.clientSecret().get(),
                                        e.registrationExpiresAt().get()),
                                Optional.of(
                                        new IdentityCenter.Token(e.accessToken(), e.expiresAt(), e.refreshToken()))))));
        return found.map(AwsCliTokenCache.Entry::accessToken);
    }

    private static Optional<Login> decode(String value) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : value.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                v.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            IdentityCenter.Client client = new IdentityCenter.Client(
                    v.get("client-id"), v.get("client-secret"), Instant.parse(v.get("client-expires")));
            Optional<IdentityCenter.Token> token = v.containsKey("access-token")
                    ? Optional.of(new IdentityCenter.Token(
                            v.get("access-token"),
                            Instant.parse(v.get("access-expires")),
                            Optional.ofNullable(v.get("refresh-token"))))
                    : Optional.empty();
            return Optional.of(new Login(Region.of(v.get("region")), client, token));
        } catch (RuntimeException e) {
            // A damaged entry is no login: the user logs in again, which replaces it.
            return Optional.empty();
        }
    }

    /**
     * A valid access token for {@code startUrl}: the kept one while it lasts, else one renewed with the refresh
     * token (and kept).
     *
     * @throws InteractionRequiredException when no login is kept or it can no longer be renewed
     */
    String accessToken(String startUrl, Region region) {
        Optional<Login> kept = load(startUrl);
        Optional<IdentityCenter.Token> token = kept.flatMap(Login::token);
        if (token.isPresent() && token.get().expiresAt().isAfter(clock.instant().plus(TOKEN_MARGIN))) {
            return token.get().accessToken();
        }
        if (token.isPresent() && token.get().refreshToken().isPresent()) {
            try {
                return refreshed(startUrl, kept.get()).accessToken();
            } catch (InteractionRequiredException e) {
                return fromAwsCli(startUrl).orElseThrow(() -> e);
            }
        }
        return fromAwsCli(startUrl)
                .orElseThrow(() ->
                        loginNeeded(startUrl, region, token.isPresent() ? "the login expired" : "there is no login"));
    }

    /** Renews the access token of {@code login} with its refresh token, and keeps the new one. */
    IdentityCenter.Token refreshed(String startUrl, Login login) {
        Instant now = clock.instant();
        String refresh = login.token()
                .flatMap(IdentityCenter.Token::refreshToken)
                .orElseThrow(() -> loginNeeded(startUrl, login.region(), "the login expired"));
        if (!login.client().expiresAt().isAfter(now)) {
            throw loginNeeded(startUrl, login.region(), "the login's client registration expired");
        }
        IdentityCenter.Token renewed;
        try {
            renewed = identityCenter.refresh(login.region(), login.client(), refresh);
        } catch (IdentityCenterException e) {
            if (e.reason() == IdentityCenterException.Reason.UNAUTHORIZED
                    || e.reason() == IdentityCenterException.Reason.EXPIRED) {
                throw loginNeeded(startUrl, login.region(), "the login expired and could not be renewed");
            }
            throw e;
        }
        IdentityCenter.Token kept = renewed.refreshToken().isPresent()
                ? renewed
                : new IdentityCenter.Token(renewed.accessToken(), renewed.expiresAt(), Optional.of(refresh));
        save(startUrl, new Login(login.region(), login.client(), Optional.of(kept)));
        return kept;
    }

    static InteractionRequiredException loginNeeded(String startUrl, Region region, String why) {
        return new InteractionRequiredException("IAM Identity Center at " + startUrl + " needs a login (" + why
                + "); run 'rolehop sso login --start-url " + startUrl + " --sso-region " + region.code() + "'");
    }
}
