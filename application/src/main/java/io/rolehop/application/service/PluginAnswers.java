package io.rolehop.application.service;

import io.rolehop.application.ApplicationException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.Session;

/**
 * Calls into an access method, which may be a plugin's: a plugin that throws or breaks the SPI's contract fails as
 * that method, in one line naming it, never as rolehop (docs/plugins.md).
 */
final class PluginAnswers {
    private PluginAnswers() {}

    /** The method's credentials for {@code session}; rolehop's own exceptions pass as they are. */
    static AwsCredentials credentials(AccessMethod method, CredentialsContext context, Session session) {
        AwsCredentials credentials;
        try {
            credentials = method.credentials(context);
        } catch (ApplicationException | DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OperationFailedException(
                    "access method '" + method.id() + "' failed for session '" + session.alias() + "': "
                            + e.getClass().getSimpleName(),
                    e);
        }
        if (credentials == null) {
            // The SPI forbids null; a plugin breaking that is a failure of the method, not of rolehop.
            throw new OperationFailedException("access method '" + method.id()
                    + "' returned no credentials for session '" + session.alias() + "'");
        }
        return credentials;
    }

    /** {@link AccessMethod#keepsSecrets()}. */
    static boolean keepsSecrets(AccessMethod method) {
        try {
            return method.keepsSecrets();
        } catch (RuntimeException e) {
            throw new OperationFailedException(
                    "access method '" + method.id() + "' failed to say whether it keeps" + " secrets: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** {@link AccessMethod#cacheInSecretStore()}. */
    static boolean cachesInSecretStore(AccessMethod method) {
        try {
            return method.cacheInSecretStore();
        } catch (RuntimeException e) {
            throw new OperationFailedException(
                    "access method '" + method.id() + "' failed to say where its" + " credentials are cached: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
