package io.rolehop.application.port.in;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code rolehop doctor} asks of the core: whether the AWS files read as the AWS CLI reads them, and which
 * {@code credential_process} lines the active sessions have; and, to mend, writing a session's line again as rolehop
 * writes it now (see docs/cli-reference.md, "doctor").
 */
public interface CheckSetupUseCase {

    /** An AWS file that cannot be read, and why, in one line naming it. */
    record FileProblem(Path file, String problem) {}

    /**
     * The {@code credential_process} line of an active session in credential-process mode: the command its profile's
     * section holds (empty when the section is gone or no longer rolehop's), and the arguments rolehop writes after
     * the launcher ({@code session generate ID}).
     */
    record CredentialProcessLine(String session, String profile, Optional<String> command, String arguments) {}

    /** Problems reading the credentials file and the config file; empty when both read (or do not exist). */
    List<FileProblem> awsFileProblems();

    /** The lines of every active session in credential-process mode, in workspace order. */
    List<CredentialProcessLine> credentialProcessLines();

    /**
     * Writes the line of {@code session} (alias or id) again, naming the launcher rolehop names now; returns the line
     * as written.
     */
    CredentialProcessLine rewrite(String session);
}
