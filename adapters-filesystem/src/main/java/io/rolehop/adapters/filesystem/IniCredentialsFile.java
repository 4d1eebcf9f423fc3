package io.rolehop.adapters.filesystem;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS shared credentials file, edited line by line: only sections marked {@code # managed by rolehop} are
 * written or removed, everything else is kept byte for byte.
 */
public final class IniCredentialsFile implements CredentialsFile {
    private final AwsSharedFile file;

    /** The file at {@code location} (usually {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}). */
    public IniCredentialsFile(Path location) {
        this(location, CrossProcessLock.DEFAULT_TIMEOUT);
    }

    /** Like {@link #IniCredentialsFile(Path)}, waiting at most {@code lockTimeout} for another writer. */
    public IniCredentialsFile(Path location, Duration lockTimeout) {
        this.file = new AwsSharedFile(Objects.requireNonNull(location, "location"), lockTimeout);
    }

    @Override
    public void checkWritable(NamedProfile profile, boolean force) {
        file.check(target(profile), Map.of(), force, false);
    }

    @Override
    public void write(NamedProfile profile, TemporaryCredentials credentials, boolean force) {
        Objects.requireNonNull(credentials, "credentials");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("aws_access_key_id", credentials.accessKeyId());
        keys.put("aws_secret_access_key", credentials.secretAccessKey());
        keys.put("aws_session_token", credentials.sessionToken());
        file.write(target(profile), keys, force, false);
    }

    @Override
    public boolean remove(NamedProfile profile) {
        // rolehop never writes a [DEFAULT] section, so it never owns one.
        return !isReserved(profile) && file.remove(target(profile));
    }

    @Override
    public void clear(NamedProfile profile, boolean force) {
        if (!isReserved(profile)) {
            file.clear(target(profile), force);
        }
    }

    @Override
    public boolean owns(NamedProfile profile) {
        return !isReserved(profile) && file.owns(target(profile));
    }

    @Override
    public Optional<String> unreadable() {
        return file.unreadable();
    }

    @Override
    public Path location() {
        return file.location();
    }

    private static boolean isReserved(NamedProfile profile) {
        return Objects.requireNonNull(profile, "profile").name().equals(IniDocument.PYTHON_DEFAULT_SECTION);
    }

    private AwsSharedFile.Target target(NamedProfile profile) {
        if (isReserved(profile)) {
            // Python's configparser, botocore's reader, merges a [DEFAULT] section into every other section.
            throw new UsageException("profile name 'DEFAULT' cannot be used in " + file.location()
                    + ": botocore would apply its keys to every profile of the file; pick another name");
        }
        String name = profile.name();
        return new AwsSharedFile.Target(profile, name, name::equals);
    }
}
