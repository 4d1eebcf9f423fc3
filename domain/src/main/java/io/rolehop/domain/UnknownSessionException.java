package io.rolehop.domain;

/** No session has the given alias or id. */
public final class UnknownSessionException extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnknownSessionException(String aliasOrId) {
        super("no session with alias or id '" + Text.printable(aliasOrId) + "'; see 'rolehop session list'");
    }

    /** With the aliases of {@code sessions} near {@code aliasOrId} offered as what the user may have meant. */
    public UnknownSessionException(String aliasOrId, Iterable<Session> sessions) {
        super("no session with alias or id '" + Text.printable(aliasOrId) + "'"
                + NearMatches.didYouMean(
                        aliasOrId,
                        java.util.stream.StreamSupport.stream(sessions.spliterator(), false)
                                .map(s -> s.alias().value())
                                .toList())
                + "; see 'rolehop session list'");
    }
}
