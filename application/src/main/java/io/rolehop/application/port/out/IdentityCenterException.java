package io.rolehop.application.port.out;

import io.rolehop.application.OperationFailedException;
import java.util.Objects;

/** A call to IAM Identity Center failed. The message never contains a token, a secret or a code. */
public class IdentityCenterException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for the caller's decision. */
    public enum Reason {
        /** The device code is not approved yet: poll again. */
        AUTHORIZATION_PENDING,
        /** Polling too fast: add five seconds to the interval. */
        SLOW_DOWN,
        /** The device code, or the authorisation, expired. */
        EXPIRED,
        /** The token, refresh token or client is not (or no longer) accepted. */
        UNAUTHORIZED,
        /** The role or account is not assigned to the user. */
        FORBIDDEN,
        /** Too many requests (HTTP 429). */
        THROTTLED,
        /** Anything else: a network failure, a server error. */
        OTHER
    }

    private final Reason reason;

    public IdentityCenterException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public IdentityCenterException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
