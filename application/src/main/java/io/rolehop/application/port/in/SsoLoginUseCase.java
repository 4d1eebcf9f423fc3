package io.rolehop.application.port.in;

import io.rolehop.domain.Region;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Logs in to IAM Identity Center for a start URL, once for every session of that start URL. */
public interface SsoLoginUseCase {

    /** The scope registered when none is given: role credentials, and a refresh token. */
    String DEFAULT_SCOPE = "sso:account:access";

    /** How the user is asked to authorise. */
    enum Flow {
        /** Authorization code with PKCE, through the browser and a loopback callback. */
        AUTHORIZATION_CODE,
        /** A user code confirmed on any device; needs no browser here. */
        DEVICE_CODE
    }

    /** What the login tells the user while it runs. */
    @FunctionalInterface
    interface Listener {
        void tell(Prompt prompt);
    }

    /** What happened, for the user to see. */
    enum PromptKind {
        /** The browser was sent to the URL. */
        BROWSER_OPENED,
        /** No browser could be opened; the device-code flow is used instead. */
        NO_BROWSER,
        /** The user must open the URL and confirm the user code. */
        DEVICE_CODE
    }

    /** One message of a login: a URL to open, a user code to confirm (never a secret). */
    record Prompt(PromptKind kind, Optional<URI> url, Optional<String> userCode, Optional<URI> complete) {}

    /**
     * @param startUrl the AWS access portal URL
     * @param region the region of the Identity Center instance
     * @param scopes the scopes to register; {@link #DEFAULT_SCOPE} when empty
     * @param flow the flow asked for
     * @param openBrowser whether a browser may be opened at all ({@code --no-browser} says no)
     * @param browserCommand a command to open URLs with, instead of the environment's browser
     */
    record Command(
            String startUrl,
            Region region,
            List<String> scopes,
            Flow flow,
            boolean openBrowser,
            Optional<String> browserCommand,
            Listener listener) {
        public Command {
            Objects.requireNonNull(startUrl, "startUrl");
            io.rolehop.domain.StartUrl.of(startUrl);
            Objects.requireNonNull(region, "region");
            scopes = scopes.isEmpty() ? List.of(DEFAULT_SCOPE) : List.copyOf(scopes);
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(browserCommand, "browserCommand");
            Objects.requireNonNull(listener, "listener");
        }
    }

    /** The login made: which flow, and until when its access token lasts. */
    record Result(String startUrl, Flow flow, Instant expiresAt, boolean refreshable) {}

    Result login(Command command);
}
