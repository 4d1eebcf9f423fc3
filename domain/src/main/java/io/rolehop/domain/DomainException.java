package io.rolehop.domain;

/** A rule of the domain was broken; the message says what was wrong and what to do. Never carries a secret. */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }
}
