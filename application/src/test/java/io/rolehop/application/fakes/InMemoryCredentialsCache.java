package io.rolehop.application.fakes;

import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.domain.TemporaryCredentials;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A credentials cache in a map. */
public final class InMemoryCredentialsCache implements CredentialsCache {
    private final Map<String, TemporaryCredentials> entries = new TreeMap<>();

    @Override
    public synchronized Optional<TemporaryCredentials> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void put(String key, TemporaryCredentials credentials) {
        entries.put(key, credentials);
    }

    @Override
    public synchronized void evict(String key) {
        entries.remove(key);
    }

    public synchronized Map<String, TemporaryCredentials> snapshot() {
        return Map.copyOf(entries);
    }
}
