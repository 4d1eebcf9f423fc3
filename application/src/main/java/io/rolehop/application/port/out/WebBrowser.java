package io.rolehop.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Opens a URL in the user's web browser: for a login as it is, for the console in the browser context asked for.
 *
 * <p>{@code command} is the browser command line the user gave for this run, if any; otherwise the implementation
 * chooses from the environment, by one rule for both operations (docs/user-guide/console.md#which-browser). Both
 * return once a browser is started, without waiting for it to close. The URL is never written to any output or
 * message: it may carry a sign-in token.
 */
public interface WebBrowser {

    /**
     * Opens {@code url} as it is, for a login that has another way on when no browser can be opened.
     *
     * @return whether a browser was started; false where none can be (no command found, none that starts, no
     *     display)
     */
    boolean tryOpen(URI url, Optional<String> command);

    /**
     * Opens {@code url} in {@code context}.
     *
     * @throws io.rolehop.application.OperationFailedException when no browser can be started, in one line naming
     *     what was tried
     */
    void open(URI url, BrowserContext context, Optional<String> command);
}
