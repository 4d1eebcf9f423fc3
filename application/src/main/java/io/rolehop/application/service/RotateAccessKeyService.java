package io.rolehop.application.service;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.RotateAccessKeyCommand;
import io.rolehop.application.port.in.RotateAccessKeyUseCase;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Rotates an IAM user session's access key so that a working key is stored after every failure (see
 * {@link RotateAccessKeyUseCase} and docs/user-guide/aws-iam-user.md, "Rotating keys").
 */
public final class RotateAccessKeyService implements RotateAccessKeyUseCase {
    /** How long a new key is given to be accepted by STS: IAM usually needs a few seconds, rarely more. */
    static final Duration PROOF_PATIENCE = Duration.ofSeconds(30);

    static final Duration FIRST_PROOF_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PROOF_PAUSE = Duration.ofSeconds(8);

    private final WorkspaceStore store;
    private final AccessMethods methods;
    private final SecretStore secrets;
    private final ChainCredentialsResolver resolver;
    private final AccessKeyManager keys;
    private final Pause pause;
    private final Clock clock;

    public RotateAccessKeyService(
            WorkspaceStore store,
            AccessMethods methods,
            SecretStore secrets,
            ChainCredentialsResolver resolver,
            AccessKeyManager keys,
            Pause pause,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Rotated rotate(RotateAccessKeyCommand command) {
        Workspace workspace = store.load();
        Session session = workspace.get(command.session());
        AccessMethod method = methods.get(session.method());
        AccessKeyFields fields = method.accessKeyFields()
                .orElseThrow(() -> new UsageException("session '"
                        + session.alias() + "' is of method " + method.id() + ", which holds no IAM user access key to"
                        + " rotate; rotate the keys of the IAM user session at the root of its chain"));
        StoredKey old = new StoredKey(session, fields);
        LongTermCredentials oldKey = old.read();

        AwsCredentials caller = resolver.signingCredentials(workspace, session, command.mfaCode());
        String user = keys.whoami(caller, session.region());

        LongTermCredentials fresh;
        try {
            fresh = keys.createAccessKey(caller, session.region());
        } catch (OperationFailedException e) {
            throw new OperationFailedException(
                    "could not create a new access key for session '" + session.alias() + "', so nothing changed: "
                            + e.getMessage(),
                    e);
        }

        try {
            old.write(fresh);
        } catch (RuntimeException e) {
            throw undo(
                    session,
                    old,
                    oldKey,
                    fresh,
                    caller,
                    "could not store the new access key " + fresh.accessKeyId() + " in the secret store ("
                            + e.getMessage() + ")",
                    e);
        }

        try {
            prove(fresh, user, session);
        } catch (RuntimeException e) {
            throw undo(session, old, oldKey, fresh, caller, e.getMessage(), e);
        }

        // The old key's MFA session token and every hop assumed from it were derived from the old key: from now on
        // each is obtained again with the new one. The new key is stored and works, so a failure here or below
        // undoes nothing: it is reported with what is left to do.
        List<Session> forgotten = List.of();
        String notForgotten = "";
        RuntimeException forgetting = null;
        try {
            forgotten = resolver.forgetWithDependents(workspace, session.id());
        } catch (RuntimeException e) {
            forgetting = e;
            notForgotten = "; the credentials cached from the old key could not be forgotten (" + e.getMessage()
                    + "): run 'rolehop session logout " + session.alias() + "'";
        }

        try {
            keys.deleteAccessKey(caller, session.region(), oldKey.accessKeyId());
        } catch (RuntimeException e) {
            throw new OperationFailedException(
                    "session '" + session.alias() + "' now uses the new access key "
                            + fresh.accessKeyId() + ", but the old key " + oldKey.accessKeyId()
                            + " could not be deleted ("
                            + e.getMessage() + "); delete it by hand: aws iam delete-access-key --access-key-id "
                            + oldKey.accessKeyId() + notForgotten,
                    e);
        }
        if (forgetting != null) {
            throw new OperationFailedException(
                    "session '" + session.alias() + "' now uses the new access key " + fresh.accessKeyId()
                            + " and the old key " + oldKey.accessKeyId() + " is deleted" + notForgotten,
                    forgetting);
        }
        return new Rotated(session, oldKey.accessKeyId(), fresh.accessKeyId(), forgotten);
    }

    /**
     * Waits until STS accepts {@code fresh} as the same user, pausing 1, 2, 4, 8, 8, ... seconds between tries for
     * up to {@link #PROOF_PATIENCE}: a new key is refused as unknown until IAM has spread it.
     */
    private void prove(LongTermCredentials fresh, String user, Session session) {
        Instant deadline = clock.instant().plus(PROOF_PATIENCE);
        Duration next = FIRST_PROOF_PAUSE;
        int attempts = 0;
        while (true) {
            attempts++;
            String who;
            try {
                who = keys.whoami(fresh, session.region());
            } catch (StsException e) {
                boolean unknownYet = e.reason() == StsException.Reason.INVALID_CREDENTIALS;
                if (!unknownYet
                        || clock.instant().plus(next).isAfter(deadline)
                        || Thread.currentThread().isInterrupted()) {
                    String why = unknownYet
                            ? "STS still did not recognise it after " + PROOF_PATIENCE.toSeconds()
                                    + " s; IAM may be slow to spread new keys, try again later"
                            : e.getMessage();
                    throw new OperationFailedException(
                            "the new access key " + fresh.accessKeyId() + " did not work" + " (" + attempts
                                    + (attempts == 1 ? " attempt" : " attempts") + "): " + why,
                            e);
                }
                pause.pause(next);
                next = next.multipliedBy(2).compareTo(LONGEST_PROOF_PAUSE) > 0
                        ? LONGEST_PROOF_PAUSE
                        : next.multipliedBy(2);
                continue;
            }
            if (!who.equals(user)) {
                throw new OperationFailedException("the new access key " + fresh.accessKeyId() + " belongs to " + who
                        + ", not to " + user + " who created it");
            }
            return;
        }
    }

    /**
     * After storing or proving {@code fresh} failed: puts the old key back and deletes {@code fresh}, then reports
     * {@code problem} with what is stored now.
     */
    private OperationFailedException undo(
            Session session,
            StoredKey stored,
            LongTermCredentials oldKey,
            LongTermCredentials fresh,
            AwsCredentials caller,
            String problem,
            Throwable cause) {
        String restored;
        try {
            stored.write(oldKey);
            restored = "the session keeps its old access key " + oldKey.accessKeyId();
        } catch (RuntimeException e) {
            restored = "the old access key " + oldKey.accessKeyId() + " still works but could not be put back in the"
                    + " secret store (" + e.getMessage() + "): set it again with 'rolehop session edit "
                    + session.alias() + "'";
        }
        String deleted;
        try {
            keys.deleteAccessKey(caller, session.region(), fresh.accessKeyId());
            deleted = "the new key was deleted again";
        } catch (RuntimeException e) {
            deleted = "the new key could not be deleted (" + e.getMessage() + "): delete it by hand with 'aws iam"
                    + " delete-access-key --access-key-id " + fresh.accessKeyId() + "'";
        }
        return new OperationFailedException(
                "rotating the access key of session '" + session.alias() + "' failed: " + problem + "; " + restored
                        + ", and " + deleted,
                cause);
    }

    /** The session's key in the secret store: the two fields its method names. */
    private final class StoredKey {
        private final Session session;
        private final String idKey;
        private final String secretKey;

        StoredKey(Session session, AccessKeyFields fields) {
            this.session = session;
            this.idKey = SecretKeys.field(session.id(), fields.accessKeyId());
            this.secretKey = SecretKeys.field(session.id(), fields.secretAccessKey());
        }

        LongTermCredentials read() {
            String id = secrets.get(idKey).orElseThrow(() -> missing("access key id"));
            String secret = secrets.get(secretKey).orElseThrow(() -> missing("secret access key"));
            return new LongTermCredentials(id, secret);
        }

        /** Both fields; a failure between the two writes is undone by writing the other key whole. */
        void write(LongTermCredentials key) {
            secrets.put(secretKey, key.secretAccessKey());
            secrets.put(idKey, key.accessKeyId());
        }

        private OperationFailedException missing(String what) {
            return new OperationFailedException("the " + what + " of session '" + session.alias() + "' is missing"
                    + " from the secret store, so there is no key to rotate; set it again with 'rolehop session edit "
                    + session.alias() + "'");
        }
    }
}
