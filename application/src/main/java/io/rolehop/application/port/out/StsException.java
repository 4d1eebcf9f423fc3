package io.rolehop.application.port.out;

import io.rolehop.application.OperationFailedException;
import java.util.Objects;

/** STS refused or could not be reached. The message is fit for the user and never holds a secret. */
public class StsException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed, for callers that react differently (an invalid MFA code caches nothing, ...). */
    public enum Reason {
        ACCESS_DENIED,
        INVALID_CREDENTIALS,
        EXPIRED_TOKEN,
        INVALID_MFA_CODE,
        THROTTLED,
        UNREACHABLE,
        INVALID_REQUEST,
        OTHER
    }

    private final Reason reason;

    public StsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public StsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
