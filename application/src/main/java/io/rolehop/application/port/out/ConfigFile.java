package io.rolehop.application.port.out;

import io.rolehop.domain.NamedProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS shared config file ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}), whose sections are
 * {@code [default]} and {@code [profile NAME]}.
 *
 * <p>Same rules as {@link CredentialsFile}: only owned sections are written or removed, ownership is recorded in the
 * file, everything else (including nested sub-sections such as {@code s3 =} followed by indented keys) survives
 * intact, a foreign section is replaced only with {@code force} and a backup (and put back by {@link #remove}), an
 * unparseable file is never rewritten,
 * writes are atomic under a cross-process lock. A foreign section that already holds exactly the requested settings
 * is left alone and is not a conflict.
 */
public interface ConfigFile {

    /** Checks, without writing, that {@link #write} of these settings could succeed. */
    void checkWritable(NamedProfile profile, Map<String, String> settings, boolean force);

    /** Makes the profile's section hold exactly {@code settings} (key to value, in the given order). */
    void write(NamedProfile profile, Map<String, String> settings, boolean force);

    /**
     * The settings of the profile's section, in file order, when rolehop owns it; empty when there is no section for
     * the profile or it is not rolehop's. Answers from the file as it is.
     */
    Optional<Map<String, String>> owned(NamedProfile profile);

    /**
     * Removes the profile's section if rolehop owns it, putting back the section it replaced with {@code force}, byte
     * for byte, if any. Returns whether anything changed.
     */
    boolean remove(NamedProfile profile);

    /**
     * Why the file cannot be read as the AWS CLI reads it, in one line naming the file and the line; empty when it
     * reads, or does not exist.
     */
    Optional<String> unreadable();

    /** Where the file is. */
    Path location();
}
