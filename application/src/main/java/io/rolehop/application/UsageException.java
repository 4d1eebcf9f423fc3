package io.rolehop.application;

/** The request itself is wrong: unknown method, missing field, conflicting flags. Exit 2. */
public class UsageException extends ApplicationException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
