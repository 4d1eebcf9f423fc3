package io.rolehop.application.port.in;

/**
 * Signs a browser in to the AWS console as a session: the session's chain is resolved as for {@code session
 * generate} (cached hops serve), the credentials are exchanged for a sign-in token at the federation endpoint of the
 * region's partition, and the sign-in URL is opened in the session's browser context (or only returned).
 *
 * <p>An IAM user at the root of a chain never sends its long-term keys: it asks STS for a federation token with a
 * policy that passes the user's own rights through, after proving its MFA device where it has one. Credentials from
 * role chaining are sent without a console session duration, which AWS refuses for them.
 */
public interface OpenConsoleUseCase {

    ConsoleOpened open(OpenConsoleCommand command);
}
