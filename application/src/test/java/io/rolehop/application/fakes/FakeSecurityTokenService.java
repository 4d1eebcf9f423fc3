package io.rolehop.application.fakes;

import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.FederationTokenRequest;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An STS that issues fresh fake credentials, records every call, and refuses callers or roles it was told to
 * refuse. Issued credentials are remembered so a test can check which caller signed which call.
 */
public final class FakeSecurityTokenService implements SecurityTokenService, FederationTokenService {
    private final Clock clock;
    private final List<AssumeRoleRequest> assumeRoleCalls = new ArrayList<>();
    private final List<SessionTokenRequest> sessionTokenCalls = new ArrayList<>();
    private final List<FederationTokenRequest> federationTokenCalls = new ArrayList<>();
    private final Set<String> deniedRoles = new HashSet<>();
    private final Set<String> rejectedMfaCodes = new HashSet<>();
    private Runnable duringNextCall = () -> {};
    private final Map<String, String> issuedFor = new HashMap<>();
    private int serial;

    public FakeSecurityTokenService(Clock clock) {
        this.clock = clock;
    }

    /** Makes every AssumeRole of {@code roleArn} fail with access denied. */
    public synchronized void deny(String roleArn) {
        deniedRoles.add(roleArn);
    }

    @Override
    public synchronized TemporaryCredentials assumeRole(AssumeRoleRequest request) {
        Runnable during = duringNextCall;
        duringNextCall = () -> {};
        during.run();
        assumeRoleCalls.add(request);
        if (deniedRoles.contains(request.roleArn().value())) {
            throw new StsException(
                    StsException.Reason.ACCESS_DENIED,
                    "access denied: " + request.caller().accessKeyId() + " may not assume " + request.roleArn());
        }
        return issue(
                request.roleArn().value() + "/" + request.roleSessionName(),
                request.duration().toDuration());
    }

    /**
     * Runs {@code action} while the next AssumeRole call is in flight, before it answers: what another process did
     * meanwhile (an edit, a logout).
     */
    public synchronized void duringNextCall(Runnable action) {
        this.duringNextCall = java.util.Objects.requireNonNull(action, "action");
    }

    /** Makes every GetSessionToken with MFA code {@code code} fail as STS does for a wrong or reused code. */
    public synchronized void rejectMfaCode(String code) {
        rejectedMfaCodes.add(code);
    }

    @Override
    public synchronized TemporaryCredentials getSessionToken(SessionTokenRequest request) {
        sessionTokenCalls.add(request);
        if (request.mfa().filter(m -> rejectedMfaCodes.contains(m.code())).isPresent()) {
            throw new StsException(
                    StsException.Reason.INVALID_MFA_CODE,
                    "MFA code rejected for device " + request.mfa().get().serialNumber());
        }
        return issue("user:" + request.caller().accessKeyId(), request.duration());
    }

    /** Issues credentials whose identity is {@code federated:NAME:KEY}, KEY the access key id that signed. */
    @Override
    public synchronized TemporaryCredentials getFederationToken(FederationTokenRequest request) {
        federationTokenCalls.add(request);
        return issue("federated:" + request.name() + ":" + request.caller().accessKeyId(), request.duration());
    }

    public synchronized List<FederationTokenRequest> federationTokenCalls() {
        return List.copyOf(federationTokenCalls);
    }

    public synchronized List<AssumeRoleRequest> assumeRoleCalls() {
        return List.copyOf(assumeRoleCalls);
    }

    public synchronized List<SessionTokenRequest> sessionTokenCalls() {
        return List.copyOf(sessionTokenCalls);
    }

    public synchronized int calls() {
        return assumeRoleCalls.size() + sessionTokenCalls.size();
    }

    /** The identity (role ARN / session name, or user key) the credentials were issued for. */
    public synchronized String identityOf(AwsCredentials credentials) {
        return issuedFor.getOrDefault(credentials.accessKeyId(), "long-term:" + credentials.accessKeyId());
    }

    private TemporaryCredentials issue(String identity, Duration lifetime) {
        serial++;
        String keyId = String.format("ASIAFAKE%012d", serial);
        issuedFor.put(keyId, identity);
        return new TemporaryCredentials(
                keyId,
                "fake-secret-" + serial,
                "fake-token-" + serial,
                clock.instant().plus(lifetime));
    }
}
