package io.rolehop.application.port.in;

import java.util.Objects;

/**
 * @param session alias or id
 * @param force whether a section of the AWS files that rolehop does not own may be replaced (after a backup)
 */
public record StartSessionCommand(String session, boolean force) {

    public StartSessionCommand {
        Objects.requireNonNull(session, "session");
    }
}
