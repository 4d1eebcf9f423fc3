package io.rolehop.application.fakes;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Another secret store whose chosen writes or next delete fail, as a locked keychain or a full disk would: everything
 * else is passed through. Writes are counted from 1 since the last {@link #failWrite} arming them.
 */
public final class FaultySecretStore implements SecretStore {
    private final SecretStore delegate;
    private final Set<Integer> failing = new HashSet<>();
    private int writes;
    private boolean failNextDelete;

    public FaultySecretStore(SecretStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Makes the {@code which}-th write from now fail (1 is the next one); several calls add failing writes. The count
     * restarts when no failing write is pending.
     */
    public synchronized FaultySecretStore failWrite(int which) {
        if (which < 1) {
            throw new IllegalArgumentException("which must be positive");
        }
        if (failing.isEmpty()) {
            writes = 0;
        }
        failing.add(which);
        return this;
    }

    /** Makes the next delete fail. */
    public synchronized FaultySecretStore failNextDelete() {
        failNextDelete = true;
        return this;
    }

    @Override
    public Optional<String> get(String key) {
        return delegate.get(key);
    }

    @Override
    public void put(String key, String value) {
        synchronized (this) {
            writes++;
            if (failing.remove(writes)) {
                throw new OperationFailedException("the secret store refused to write " + key);
            }
        }
        delegate.put(key, value);
    }

    @Override
    public boolean delete(String key) {
        synchronized (this) {
            if (failNextDelete) {
                failNextDelete = false;
                throw new OperationFailedException("the secret store refused to delete " + key);
            }
        }
        return delegate.delete(key);
    }

    @Override
    public List<String> keys(String prefix) {
        return delegate.keys(prefix);
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
