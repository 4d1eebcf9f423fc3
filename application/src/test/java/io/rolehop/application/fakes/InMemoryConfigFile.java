package io.rolehop.application.fakes;

import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.domain.NamedProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A config file in memory with the ownership rules of the real one. */
public final class InMemoryConfigFile implements ConfigFile {
    private Optional<String> unreadable = Optional.empty();
    private final Map<String, Map<String, String>> owned = new TreeMap<>();
    private final Map<String, Map<String, String>> foreign = new TreeMap<>();
    /** Foreign sections replaced with force, to be put back by remove. */
    private final Map<String, Map<String, String>> displaced = new TreeMap<>();

    public synchronized void addForeign(String profile, Map<String, String> settings) {
        foreign.put(profile, new LinkedHashMap<>(settings));
    }

    @Override
    public synchronized void checkWritable(NamedProfile profile, Map<String, String> settings, boolean force) {
        Map<String, String> theirs = foreign.get(profile.name());
        if (theirs != null && !theirs.equals(settings) && !force) {
            throw new ProfileConflictException(
                    "config profile '" + profile + "' is not managed by rolehop; use --force");
        }
    }

    @Override
    public synchronized void write(NamedProfile profile, Map<String, String> settings, boolean force) {
        checkWritable(profile, settings, force);
        if (foreign.containsKey(profile.name()) && foreign.get(profile.name()).equals(settings)) {
            return;
        }
        Map<String, String> replaced = foreign.remove(profile.name());
        if (replaced != null) {
            displaced.put(profile.name(), replaced);
        }
        owned.put(profile.name(), new LinkedHashMap<>(settings));
    }

    @Override
    public synchronized Optional<Map<String, String>> owned(NamedProfile profile) {
        return Optional.ofNullable(owned.get(profile.name())).map(LinkedHashMap::new);
    }

    @Override
    public synchronized boolean remove(NamedProfile profile) {
        boolean removed = owned.remove(profile.name()) != null;
        Map<String, String> replaced = displaced.remove(profile.name());
        if (replaced != null) {
            foreign.put(profile.name(), replaced);
            return true;
        }
        return removed;
    }

    /** The sections rolehop does not own. */
    public synchronized Map<String, Map<String, String>> foreignSections() {
        return Map.copyOf(foreign);
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
        return Path.of("in-memory-config");
    }

    public synchronized Map<String, Map<String, String>> sections() {
        return Map.copyOf(owned);
    }
}
