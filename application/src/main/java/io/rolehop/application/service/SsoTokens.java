package io.rolehop.application.service;

import io.rolehop.application.InteractionRequiredException;
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
import java.util.Map;
import java.util.Optional;

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

    private final SecretStore secrets;
    private final IdentityCenter identityCenter;
    private final Clock clock;

    public SsoTokens(SecretStore secrets, IdentityCenter identityCenter, Clock clock) {
        this.secrets = secrets;
        this.identityCenter = identityCenter;
        this.clock = clock;
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
        secrets.put(key(startUrl), out.toString());
    }

    boolean forget(String startUrl) {
        return secrets.delete(key(startUrl));
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
            IdentityCenter.Client client = new IdentityCenter.Client(v.get("client-id"), v.get("client-secret"),
                    Instant.parse(v.get("client-expires")));
            Optional<IdentityCenter.Token> token = v.containsKey("access-token")
                    ? Optional.of(new IdentityCenter.Token(v.get("access-token"), Instant.parse(v.get("access-expires")),
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
        Login login = load(startUrl).orElseThrow(() -> loginNeeded(startUrl, region, "there is no login"));
        Instant now = clock.instant();
        IdentityCenter.Token token = login.token().orElseThrow(() -> loginNeeded(startUrl, region,
                "there is no login"));
        if (token.expiresAt().isAfter(now.plus(TOKEN_MARGIN))) {
            return token.accessToken();
        }
        return refreshed(startUrl, login).accessToken();
    }

    /** Renews the access token of {@code login} with its refresh token, and keeps the new one. */
    IdentityCenter.Token refreshed(String startUrl, Login login) {
        Instant now = clock.instant();
        String refresh = login.token().flatMap(IdentityCenter.Token::refreshToken).orElseThrow(() -> loginNeeded(
                startUrl, login.region(), "the login expired"));
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
        IdentityCenter.Token kept = renewed.refreshToken().isPresent() ? renewed
                : new IdentityCenter.Token(renewed.accessToken(), renewed.expiresAt(), Optional.of(refresh));
        save(startUrl, new Login(login.region(), login.client(), Optional.of(kept)));
        return kept;
    }

    static InteractionRequiredException loginNeeded(String startUrl, Region region, String why) {
        return new InteractionRequiredException("IAM Identity Center at " + startUrl + " needs a login (" + why
                + "); run 'rolehop sso login --start-url " + startUrl + " --sso-region " + region.code() + "'");
    }
}
