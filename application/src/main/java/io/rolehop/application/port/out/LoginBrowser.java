package io.rolehop.application.port.out;

import java.net.URI;
import java.util.Optional;

/** Opens a URL in the user's browser, for a login. */
public interface LoginBrowser {

    /**
     * Opens {@code url} with {@code command} when given, else the browser the environment names.
     *
     * @return whether a browser was started; false where none can be (no display, no command found)
     */
    boolean open(URI url, Optional<String> command);
}
