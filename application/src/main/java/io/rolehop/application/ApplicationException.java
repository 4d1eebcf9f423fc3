package io.rolehop.application;

/**
 * A use case could not complete. The message is one line for the user: what went wrong and what to do. It never
 * contains a secret. Subclasses tell the CLI which exit code applies.
 */
public abstract class ApplicationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ApplicationException(String message) {
        super(message);
    }

    protected ApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
