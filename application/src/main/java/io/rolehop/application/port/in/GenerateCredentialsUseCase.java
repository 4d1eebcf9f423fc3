package io.rolehop.application.port.in;

import io.rolehop.domain.TemporaryCredentials;

/**
 * Temporary credentials for a session, for {@code credential_process} and {@code exec}: cached ones while they stay
 * valid beyond the refresh margin, otherwise freshly derived through the chain. Writes no AWS file.
 */
public interface GenerateCredentialsUseCase {

    TemporaryCredentials generate(GenerateCredentialsCommand command);

    /** Credentials for the session a user names by {@code aliasOrId}. */
    default TemporaryCredentials generate(String aliasOrId) {
        return generate(GenerateCredentialsCommand.of(aliasOrId));
    }
}
