package io.rolehop.application.fakes;

import io.rolehop.application.port.out.AccessKeyException;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM users and their access keys in memory, as IAM and STS treat them: a caller is known by its key and secret (or,
 * for temporary credentials, by the key they were issued for by a {@link FakeSecurityTokenService}), a user holds at
 * most two keys, a deleted key no longer signs anything. Faults can be injected at each call, and a new key can be
 * made unknown to {@code whoami} for a number of calls, as IAM's eventual consistency does. Records every call.
 */
public final class FakeAccessKeyManager implements AccessKeyManager {
    private static final int MAX_KEYS = 2;

    private final FakeSecurityTokenService sts;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private RuntimeException createFault;
    private final Map<String, RuntimeException> deleteFaults = new LinkedHashMap<>();
    private int newKeysUnknownFor;
    private int serial;

    private record Key(String userArn, String secret, boolean createdHere) {}

    /** @param sts the STS that issued any temporary credentials callers sign with */
    public FakeAccessKeyManager(FakeSecurityTokenService sts) {
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    /** Creates a user with one access key, returned. */
    public synchronized LongTermCredentials addUser(String userArn) {
        return newKey(userArn, false);
    }

    /** The ids of the access keys {@code userArn} holds, oldest first. */
    public synchronized List<String> keysOf(String userArn) {
        return keys.entrySet().stream()
                .filter(e -> e.getValue().userArn().equals(userArn))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Makes the next {@code createAccessKey} fail with {@code fault}. */
    public synchronized void failNextCreate(RuntimeException fault) {
        createFault = Objects.requireNonNull(fault, "fault");
    }

    /** Makes the next {@code deleteAccessKey} of {@code accessKeyId} fail with {@code fault}. */
    public synchronized void failDeleteOf(String accessKeyId, RuntimeException fault) {
        deleteFaults.put(accessKeyId, Objects.requireNonNull(fault, "fault"));
    }

    /** Makes keys created by {@code createAccessKey} unknown to the next {@code calls} {@code whoami} calls. */
    public synchronized void newKeysUnknownFor(int calls) {
        newKeysUnknownFor = calls;
    }

    /** Every call so far, as {@code Operation(caller key id[, argument])}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized String whoami(AwsCredentials credentials, Region region) {
        calls.add("GetCallerIdentity(" + credentials.accessKeyId() + ")");
        Optional<Key> key = signer(credentials);
        if (key.isPresent() && key.get().createdHere() && newKeysUnknownFor > 0) {
            newKeysUnknownFor--;
            key = Optional.empty();
        }
        return key.orElseThrow(() -> new StsException(
                        StsException.Reason.INVALID_CREDENTIALS,
                        "STS does not" + " recognise access key id " + credentials.accessKeyId()))
                .userArn();
    }

    @Override
    public synchronized LongTermCredentials createAccessKey(AwsCredentials caller, Region region) {
        calls.add("CreateAccessKey(" + caller.accessKeyId() + ")");
        String user = user(caller);
        RuntimeException fault = createFault;
        createFault = null;
        if (fault != null) {
            throw fault;
        }
        if (keysOf(user).size() >= MAX_KEYS) {
            throw new AccessKeyException(
                    AccessKeyException.Reason.LIMIT_EXCEEDED, user + " already has " + MAX_KEYS + " access keys");
        }
        return newKey(user, true);
    }

    @Override
    public synchronized void deleteAccessKey(AwsCredentials caller, Region region, String accessKeyId) {
        calls.add("DeleteAccessKey(" + caller.accessKeyId() + ", " + accessKeyId + ")");
        String user = user(caller);
        RuntimeException fault = deleteFaults.remove(accessKeyId);
        if (fault != null) {
            throw fault;
        }
        Key key = keys.get(accessKeyId);
        if (key == null || !key.userArn().equals(user)) {
            throw new AccessKeyException(
                    AccessKeyException.Reason.NOT_FOUND, "no access key " + accessKeyId + " of " + user);
        }
        keys.remove(accessKeyId);
    }

    private String user(AwsCredentials caller) {
        return signer(caller)
                .orElseThrow(() -> new AccessKeyException(
                        AccessKeyException.Reason.INVALID_CREDENTIALS,
                        "IAM does not recognise access key id " + caller.accessKeyId()))
                .userArn();
    }

    /** The long-term key that signs: the caller's own, or the one its session token was issued for. */
    private Optional<Key> signer(AwsCredentials credentials) {
        if (credentials instanceof TemporaryCredentials) {
            String identity = sts.identityOf(credentials);
            return identity.startsWith("user:")
                    ? Optional.ofNullable(keys.get(identity.substring(5)))
                    : Optional.empty();
        }
        Key key = keys.get(credentials.accessKeyId());
        return key != null && key.secret().equals(credentials.secretAccessKey()) ? Optional.of(key) : Optional.empty();
    }

    private LongTermCredentials newKey(String userArn, boolean createdHere) {
        serial++;
        String id = String.format("AKIAFAKE%012d", serial);
        String secret = "fake-long-term-secret-" + serial;
        keys.put(id, new Key(userArn, secret, createdHere));
        return new LongTermCredentials(id, secret);
    }
}
