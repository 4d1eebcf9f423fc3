package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;

/**
 * Credentials for a local credential server ({@code exec --server}, {@code exec --ec2-server}, {@code serve}): many
 * requests, from many threads, for as long as the server runs.
 *
 * <p>Each answer is the session's cached hand-out while it stays valid beyond the refresh margin, so a client never
 * receives credentials about to expire; otherwise the chain is resolved again. Requests that miss the cache at the
 * same time are resolved one after the other, and each finds what the first one cached: concurrent requests cause
 * one STS call per hop, not one per request. One instance serves one server; it keeps no credentials of its own.
 *
 * <p>A server never prompts: the composition root gives this use case an MFA source that cannot ask a terminal, so a
 * session that needs an MFA code fails with {@link io.rolehop.application.InteractionRequiredException}.
 */
public interface ServeCredentialsUseCase {

    /** The credentials to hand out for {@code session} now. */
    TemporaryCredentials serve(SessionRef session);
}
