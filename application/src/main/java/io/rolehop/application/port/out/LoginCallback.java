package io.rolehop.application.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A listener on the loopback interface that receives the browser's redirect at the end of a login. */
public interface LoginCallback {

    /** Starts listening on a free loopback port. */
    Listening listen();

    /** One listening callback endpoint; closing it stops listening. */
    interface Listening extends AutoCloseable {
        /** {@code http://127.0.0.1:PORT/oauth/callback}. */
        URI redirectUri();

        /** The query parameters of the first request to the callback path, or empty after {@code timeout}. */
        Optional<Map<String, String>> await(Duration timeout);

        @Override
        void close();
    }
}
