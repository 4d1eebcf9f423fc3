package io.rolehop.application.port.out;

import java.net.URI;

/**
 * The AWS federation endpoint: exchanges temporary credentials for a sign-in token ({@code getSigninToken}) and
 * makes the URL that signs a browser in to the console with it ({@code Action=login}), wrapped in the sign-in
 * {@code logout} redirect when the request asks for it.
 *
 * <p>The returned URL holds the sign-in token, which opens the console for about 15 minutes: treat it as a secret.
 * Failures are {@link io.rolehop.application.OperationFailedException}s (exit 1) naming the endpoint and the HTTP
 * status, never the credentials or the token; an isolated region without a public console is an
 * {@link io.rolehop.application.UsageException}.
 */
public interface ConsoleSignIn {

    /** Gets a sign-in token and returns the URL to open. */
    URI signInUrl(SignInRequest request);
}
