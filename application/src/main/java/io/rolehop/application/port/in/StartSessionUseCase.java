package io.rolehop.application.port.in;

/**
 * Starts a session: resolves its chain from the root, calling STS only where cached credentials no longer serve,
 * writes its credentials to its named profile and its region to the config file, and marks it active, stopping any
 * other session active on that profile. Starting an active session whose credentials still serve changes nothing.
 * On failure the files are as they were and the session is inactive.
 */
public interface StartSessionUseCase {

    StartResult start(StartSessionCommand command);
}
