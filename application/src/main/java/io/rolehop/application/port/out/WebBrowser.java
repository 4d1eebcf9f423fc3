package io.rolehop.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Opens a URL in the user's web browser, in the browser context asked for.
 *
 * <p>{@code command} is the browser command line the user gave for this run, if any; otherwise the implementation
 * chooses one from the environment. It returns once the browser is started, without waiting for it to close, and
 * fails with {@link io.rolehop.application.OperationFailedException} when no browser can be started. The URL is
 * never written to any output or message: it may carry a sign-in token.
 */
public interface WebBrowser {

    void open(URI url, BrowserContext context, Optional<String> command);
}
