package io.rolehop.application;

/** Input from the user is needed (an MFA code, a passphrase) and no way to ask was available. Exit 3. */
public class InteractionRequiredException extends ApplicationException {
    private static final long serialVersionUID = 1L;

    public InteractionRequiredException(String message) {
        super(message);
    }
}
