package io.rolehop.application.fakes;

import io.rolehop.application.port.out.SecretStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Secrets in a sorted map. Keys are checked as the port's contract says. */
public final class InMemorySecretStore implements SecretStore {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,256}");

    private final Map<String, String> values = new TreeMap<>();
    private int reads;
    private int listings;

    @Override
    public synchronized Optional<String> get(String key) {
        reads++;
        return Optional.ofNullable(values.get(requireKey(key)));
    }

    @Override
    public synchronized void put(String key, String value) {
        values.put(requireKey(key), Objects.requireNonNull(value, "value"));
    }

    @Override
    public synchronized boolean delete(String key) {
        return values.remove(requireKey(key)) != null;
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        listings++;
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public String name() {
        return "in-memory";
    }

    private static String requireKey(String key) {
        if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
            throw new IllegalArgumentException(
                    "invalid secret key: use 1 to 256 printable ASCII characters without" + " white space");
        }
        return key;
    }

    /** How many times {@link #get} was called. */
    public synchronized int reads() {
        return reads;
    }

    /** How many times {@link #keys} was called. */
    public synchronized int listings() {
        return listings;
    }

    /** A snapshot of everything stored. */
    public synchronized Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
