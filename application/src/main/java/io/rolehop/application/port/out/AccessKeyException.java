package io.rolehop.application.port.out;

import io.rolehop.application.OperationFailedException;
import java.util.Objects;

/** IAM refused a change to an access key, or could not be reached. The message never holds a secret. */
public class AccessKeyException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /** The user already has as many access keys as IAM allows (two). */
        LIMIT_EXCEEDED,
        ACCESS_DENIED,
        INVALID_CREDENTIALS,
        /** The key (or user) does not exist. */
        NOT_FOUND,
        THROTTLED,
        UNREACHABLE,
        OTHER
    }

    private final Reason reason;

    public AccessKeyException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public AccessKeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
