package io.rolehop.application.port.out;

import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM Identity Center: its OIDC service (client registration and tokens) and its access portal (accounts, roles, role
 * credentials), both unsigned, the portal authorised by an access token. Every call is made once, without retries:
 * the use cases pace and retry them. Failures are {@link IdentityCenterException} with a {@link
 * IdentityCenterException.Reason}; nothing thrown contains a token, a secret or a code.
 */
public interface IdentityCenter {

    /** A registered OIDC client. {@code secret} is a secret. */
    record Client(String id, String secret, Instant expiresAt) {
        public Client {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Client[id=" + id + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** What the user must confirm in a browser for the device-code flow. */
    record DeviceAuthorization(
            String deviceCode,
            String userCode,
            URI verificationUri,
            Optional<URI> verificationUriComplete,
            Duration interval,
            Duration expiresIn) {
        @Override
        public String toString() {
            return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
        }
    }

    /** An access token, and the refresh token that renews it without a browser, when one was issued. */
    record Token(String accessToken, Instant expiresAt, Optional<String> refreshToken) {
        public Token {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    /** An account the user was given access to. */
    record Account(String id, String name, String email) {}

    /** One page of a listing, and the token of the next one. */
    record Page<T>(List<T> items, Optional<String> nextToken) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** What a new client registers for. */
    record Registration(
            String clientName,
            List<String> scopes,
            List<String> grantTypes,
            List<String> redirectUris,
            String issuerUrl) {}

    Client registerClient(Region region, Registration registration);

    DeviceAuthorization startDeviceAuthorization(Region region, Client client, String startUrl);

    /** Polls once for the token of a device code; pending is the reason {@code AUTHORIZATION_PENDING}. */
    Token deviceToken(Region region, Client client, String deviceCode);

    Token authorizationCodeToken(Region region, Client client, String code, URI redirectUri, String codeVerifier);

    Token refresh(Region region, Client client, String refreshToken);

    /** Where the user's browser is sent to authorise an authorization-code login (PKCE S256). */
    URI authorizeUrl(
            Region region, Client client, URI redirectUri, String state, String codeChallenge, List<String> scopes);

    Page<Account> listAccounts(Region region, String accessToken, Optional<String> nextToken);

    Page<String> listAccountRoles(Region region, String accessToken, String accountId, Optional<String> nextToken);

    TemporaryCredentials roleCredentials(Region region, String accessToken, String accountId, String roleName);

    void logout(Region region, String accessToken);
}
