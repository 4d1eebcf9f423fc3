package io.rolehop.application.fakes;

import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A credentials file in memory with the ownership rules of the real one. */
public final class InMemoryCredentialsFile implements CredentialsFile {
    private Optional<String> unreadable = Optional.empty();
    private final Map<String, TemporaryCredentials> owned = new TreeMap<>();
    private final Set<String> foreign = new HashSet<>();
    /** Foreign sections replaced with force, to be put back by remove. */
    private final Set<String> displaced = new HashSet<>();

    private int writes;

    /** Puts a section rolehop does not own, as a user's own profile would be. */
    public synchronized void addForeign(String profile) {
        foreign.add(profile);
    }

    @Override
    public synchronized void checkWritable(NamedProfile profile, boolean force) {
        if (foreign.contains(profile.name()) && !force) {
            throw new ProfileConflictException("profile '" + profile + "' is not managed by rolehop; use --force");
        }
    }

    @Override
    public synchronized void write(NamedProfile profile, TemporaryCredentials credentials, boolean force) {
        checkWritable(profile, force);
        if (foreign.remove(profile.name())) {
            displaced.add(profile.name());
        }
        owned.put(profile.name(), credentials);
        writes++;
    }

    @Override
    public synchronized boolean remove(NamedProfile profile) {
        boolean removed = owned.remove(profile.name()) != null;
        if (displaced.remove(profile.name())) {
            foreign.add(profile.name());
            return true;
        }
        return removed;
    }

    @Override
    public synchronized void clear(NamedProfile profile, boolean force) {
        checkWritable(profile, force);
        if (foreign.remove(profile.name())) {
            displaced.add(profile.name());
        }
        owned.remove(profile.name());
    }

    @Override
    public synchronized boolean owns(NamedProfile profile) {
        return owned.containsKey(profile.name());
    }

    /** Why the file does not read, as a test makes it; empty until {@link #makeUnreadable}. */
    @Override
    public Optional<String> unreadable() {
        return unreadable;
    }

    /** Makes the file unreadable, as a file the AWS CLI cannot parse is, with {@code problem} as the reason. */
    public void makeUnreadable(String problem) {
        unreadable = Optional.of(problem);
    }

    @Override
    public Path location() {
        return Path.of("in-memory-credentials");
    }

    public synchronized Map<String, TemporaryCredentials> sections() {
        return Map.copyOf(owned);
    }

    public synchronized boolean hasForeign(String profile) {
        return foreign.contains(profile);
    }

    public synchronized int writes() {
        return writes;
    }
}
