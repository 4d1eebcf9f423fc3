package io.rolehop.domain;

/** No session has the given alias or id. */
public final class UnknownSessionException extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnknownSessionException(String aliasOrId) {
        super("no session with alias or id '" + Text.printable(aliasOrId) + "'; see 'rolehop session list'");
    }
}
