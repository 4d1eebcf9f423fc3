package io.rolehop.application.port.in;

import io.rolehop.domain.Region;
import io.rolehop.domain.SessionRef;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a session's AWS console needs.
 *
 * @param session the session, by alias or id
 * @param region the console's region; empty for the session's own
 * @param destination the console page to land on; empty for the region's console home
 * @param browser the browser command line given for this run; empty to let rolehop choose
 * @param open whether to open the browser; {@code false} only makes the URL (for {@code --print})
 * @param logoutFirst whether to sign out of a console already open in the browser first
 * @param mfaCode a code the user gave for the first MFA device of the chain that needs one
 */
public record OpenConsoleCommand(
        SessionRef session,
        Optional<Region> region,
        Optional<URI> destination,
        Optional<String> browser,
        boolean open,
        boolean logoutFirst,
        Optional<MfaCode> mfaCode) {

    public OpenConsoleCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(mfaCode, "mfaCode");
    }

    /** With no MFA code given. */
    public OpenConsoleCommand(
            SessionRef session,
            Optional<Region> region,
            Optional<URI> destination,
            Optional<String> browser,
            boolean open,
            boolean logoutFirst) {
        this(session, region, destination, browser, open, logoutFirst, Optional.empty());
    }
}
