package io.rolehop.application;

/** The operation was valid but failed: STS refused, a file was locked too long or could not be written. Exit 1. */
public class OperationFailedException extends ApplicationException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
