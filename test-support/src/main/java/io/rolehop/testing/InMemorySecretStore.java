package io.rolehop.testing;

import io.rolehop.application.port.out.SecretStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Secrets in a sorted map. */
public final class InMemorySecretStore implements SecretStore {
    private final Map<String, String> values = new TreeMap<>();

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public synchronized boolean delete(String key) {
        return values.remove(key) != null;
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public String name() {
        return "in-memory";
    }

    /** A snapshot of everything stored. */
    public synchronized Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
