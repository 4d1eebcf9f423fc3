package io.rolehop.application.port.in;

import io.rolehop.domain.NamedProfile;
import java.util.List;

/** The named profiles of the workspace. */
public interface ProfilesUseCase {

    /** Each profile with the aliases of the sessions on it. */
    List<ProfileView> list();

    /** @return false when it already existed */
    boolean create(NamedProfile profile);

    /** Renames a profile and moves its sessions; an active session on it is re-applied under the new name. */
    void rename(NamedProfile from, NamedProfile to);

    void delete(NamedProfile profile);

    /** A profile, the sessions on it and the one active there, if any. */
    record ProfileView(NamedProfile profile, List<String> sessions, java.util.Optional<String> active) {
        public ProfileView {
            sessions = List.copyOf(sessions);
        }
    }
}
