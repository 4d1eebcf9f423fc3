package io.rolehop.domain;

/** A value failed its own validation (a malformed ARN, a too-long name, ...). */
public final class InvalidValueException extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
