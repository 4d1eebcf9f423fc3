package io.rolehop.application;

/** A section of an AWS file that rolehop does not own stands where it would write; {@code --force} overrides. */
public class ProfileConflictException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    public ProfileConflictException(String message) {
        super(message);
    }
}
