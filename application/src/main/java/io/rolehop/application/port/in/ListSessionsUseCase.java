package io.rolehop.application.port.in;

import io.rolehop.domain.NamedProfile;
import java.util.List;
import java.util.Optional;

/** Read-only views of the workspace. */
public interface ListSessionsUseCase {

    /** Every session, in the order they were added. */
    List<SessionView> list();

    /** The assumer forest: each root with its dependents below it. */
    List<SessionTree> tree();

    /** The active sessions, or the one active on {@code profile}. */
    List<SessionView> current(Optional<NamedProfile> profile);
}
