package io.rolehop.application.port.in;

import io.rolehop.domain.Alias;
import io.rolehop.domain.Region;
import java.net.URI;
import java.util.Objects;

/**
 * A console sign-in made for a session.
 *
 * @param session the session's alias
 * @param region the console's region
 * @param url the sign-in URL; it holds a sign-in token that opens the console for about 15 minutes, so it is shown
 *     only when the user asked for it ({@code --print})
 */
public record ConsoleOpened(Alias session, Region region, URI url) {

    public ConsoleOpened {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "ConsoleOpened[session=" + session + ", region=" + region + ", url=****]";
    }
}
