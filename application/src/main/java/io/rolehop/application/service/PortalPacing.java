package io.rolehop.application.service;

import io.rolehop.application.port.out.IdentityCenterException;
import io.rolehop.application.port.out.Pause;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How rolehop calls the IAM Identity Center portal, which throttles at about 20 requests a second: at most one call
 * per {@link #spacing} (a client-side rate limit), and a throttled call ({@code TooManyRequestsException}) tried again
 * after a pause that doubles each time, {@link #ATTEMPTS} attempts in all.
 */
final class PortalPacing {
    static final int ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Pause pause;
    private final Duration spacing;
    private boolean first = true;

    PortalPacing(Pause pause, Duration spacing) {
        this.pause = pause;
        this.spacing = spacing;
    }

    /** One call at a time, never at a higher rate than the spacing allows. */
    synchronized <T> T call(Supplier<T> call) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            if (!first && !spacing.isZero()) {
                pause.pause(spacing);
            }
            first = false;
            try {
                return call.get();
            } catch (IdentityCenterException e) {
                if (e.reason() != IdentityCenterException.Reason.THROTTLED
                        || attempt >= ATTEMPTS
                        || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                pause.pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }
}
