package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import java.util.List;

/**
 * Forgets every cached credential of a session and of the sessions assumed from it, at any depth: each hop's
 * temporary credentials, the session token handed out for an IAM user, and an MFA session token kept in the secret
 * store. The next start or generate of any of them calls STS again, and asks for an MFA code where the chain needs
 * one. Sessions stay as they are (an active one stays active; its profile keeps the credentials already written until
 * they expire or the session is stopped); secrets such as an IAM user's keys are kept.
 */
public interface LogoutSessionUseCase {

    /** @return the sessions whose cached credentials were forgotten, the named one first */
    List<Session> logout(LogoutSessionCommand command);

    /** Logs out the session a user names by {@code aliasOrId}. */
    default List<Session> logout(String aliasOrId) {
        return logout(LogoutSessionCommand.of(aliasOrId));
    }
}
