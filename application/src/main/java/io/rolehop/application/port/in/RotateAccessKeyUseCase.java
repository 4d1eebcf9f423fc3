package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import java.util.List;
import java.util.Objects;

/**
 * Replaces the long-term access key of an IAM user session with a new key of the same user, and deletes the old one.
 *
 * <p>The steps, each undone when a later one fails so that a working key is always stored: create a new key with the
 * user's own credentials (through an MFA session token when the session has an MFA device, asking for one code at
 * most); store it in the secret store; prove it works with {@code GetCallerIdentity} (retried for a while, as a new
 * key takes a few seconds to be accepted everywhere); forget every cached credential derived from the old key (the
 * user's MFA session token and handed-out token, the credentials of the sessions assumed from it); delete the old key.
 * A failure to create changes nothing; a failure to store or to prove puts the old key back in the secret store and
 * deletes the new one; a failure to delete the old key leaves the new key stored and names the old key to delete by
 * hand.
 */
public interface RotateAccessKeyUseCase {

    /**
     * @param command names a session whose method holds an IAM user's access key
     * @throws io.rolehop.application.UsageException when the session's method holds no such key
     * @throws io.rolehop.application.OperationFailedException when a step failed; the message says what is stored
     */
    Rotated rotate(RotateAccessKeyCommand command);

    /** Rotates the key of the session a user names by {@code aliasOrId}, with no MFA code given. */
    default Rotated rotate(String aliasOrId) {
        return rotate(RotateAccessKeyCommand.of(aliasOrId));
    }

    /**
     * What a rotation did; no secret.
     *
     * @param session the rotated session
     * @param oldAccessKeyId the key deleted
     * @param newAccessKeyId the key now stored
     * @param forgotten the sessions whose cached credentials were forgotten, the rotated one first
     */
    record Rotated(Session session, String oldAccessKeyId, String newAccessKeyId, List<Session> forgotten) {
        public Rotated {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(oldAccessKeyId, "oldAccessKeyId");
            Objects.requireNonNull(newAccessKeyId, "newAccessKeyId");
            forgotten = List.copyOf(forgotten);
        }
    }
}
