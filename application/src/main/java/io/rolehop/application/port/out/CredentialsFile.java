package io.rolehop.application.port.out;

import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The AWS shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}).
 *
 * <p>Implementations write and remove only the sections rolehop owns, and record that ownership in the file so it
 * survives restarts. Everything else (other sections, comments, order) is kept byte for byte. A section rolehop does
 * not own is replaced only when {@code force} is given, and then backed up first and put back when rolehop removes its
 * section. A file that cannot be parsed is
 * never rewritten. Writes go to a temporary file renamed over the original under a cross-process lock; a new file is
 * created with mode 0600. Failures raise {@link io.rolehop.application.OperationFailedException} (or
 * {@link io.rolehop.application.ProfileConflictException}) with the file's path and, for parse errors, the line.
 */
public interface CredentialsFile {

    /**
     * Checks, without writing, that {@link #write} of this profile could succeed.
     *
     * @throws io.rolehop.application.ProfileConflictException if a foreign section stands there and not {@code force}
     */
    void checkWritable(NamedProfile profile, boolean force);

    /** Writes the three keys of {@code credentials} as the section of {@code profile}, replacing an owned one. */
    void write(NamedProfile profile, TemporaryCredentials credentials, boolean force);

    /**
     * Removes the section of {@code profile} if rolehop owns it, putting back the section it replaced with
     * {@code force}, byte for byte, if any. Returns whether anything changed.
     */
    boolean remove(NamedProfile profile);

    /**
     * Makes sure the file holds no keys for {@code profile}, as a {@code credential_process} profile needs (keys in
     * the credentials file win over it in the AWS CLI and botocore, while the Java SDK runs the process). Removes
     * rolehop's section; a section rolehop does not own is, with {@code force}, backed up and replaced by one of
     * rolehop's without keys, and {@link #remove} puts it back.
     *
     * @throws io.rolehop.application.ProfileConflictException if a foreign section stands there and not {@code force}
     */
    void clear(NamedProfile profile, boolean force);

    /** Whether rolehop owns a section for {@code profile} in the file now. */
    boolean owns(NamedProfile profile);

    /**
     * Why the file cannot be read as the AWS CLI reads it, in one line naming the file and the line; empty when it
     * reads, or does not exist.
     */
    Optional<String> unreadable();

    /** Where the file is. */
    Path location();
}
