package io.rolehop.adapters.aws;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.TemporaryCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an STS call was about, for error messages: the operation, the endpoint, who signed, the role, the MFA device.
 * Keeps the caller's secret parts only so that they can be scrubbed from whatever STS echoes back.
 */
record StsCall(
        String operation,
        URI endpoint,
        String callerKeyId,
        boolean callerIsTemporary,
        Optional<String> roleArn,
        Optional<String> mfaSerial,
        List<String> secrets) {
    private static final String IDENTIFY = "GetCallerIdentity";
    private static final String FEDERATE = "GetFederationToken";

    static StsCall assumeRole(URI endpoint, AwsCredentials caller, String roleArn, Optional<String> mfaSerial) {
        return new StsCall(
                "AssumeRole",
                endpoint,
                caller.accessKeyId(),
                caller.isTemporary(),
                Optional.of(roleArn),
                mfaSerial,
                secretsOf(caller));
    }

    static StsCall getSessionToken(URI endpoint, AwsCredentials caller, Optional<String> mfaSerial) {
        return new StsCall(
                "GetSessionToken",
                endpoint,
                caller.accessKeyId(),
                caller.isTemporary(),
                Optional.empty(),
                mfaSerial,
                secretsOf(caller));
    }

    static StsCall getFederationToken(URI endpoint, AwsCredentials caller) {
        return new StsCall(
                FEDERATE,
                endpoint,
                caller.accessKeyId(),
                caller.isTemporary(),
                Optional.empty(),
                Optional.empty(),
                secretsOf(caller));
    }

    static StsCall getCallerIdentity(URI endpoint, AwsCredentials caller) {
        return new StsCall(
                IDENTIFY,
                endpoint,
                caller.accessKeyId(),
                caller.isTemporary(),
                Optional.empty(),
                Optional.empty(),
                secretsOf(caller));
    }

    static List<String> secretsOf(AwsCredentials caller) {
        List<String> secrets = new ArrayList<>();
        secrets.add(caller.secretAccessKey());
        if (caller instanceof TemporaryCredentials temporary) {
            secrets.add(temporary.sessionToken());
        }
        return List.copyOf(secrets);
    }

    /** Whether this is a {@code GetFederationToken} call, for the console. */
    boolean federates() {
        return operation.equals(FEDERATE);
    }

    /** "assume role ARN" or "get a session token", to complete a sentence that names the caller already. */
    String action() {
        if (operation.equals(IDENTIFY)) {
            return "say whose they are";
        }
        if (operation.equals(FEDERATE)) {
            return "get a federation token for the console";
        }
        return roleArn.map(arn -> "assume role " + arn).orElse("get a session token");
    }

    /** "assume role ARN as caller KEY" or "get a session token for access key KEY", to complete a sentence. */
    String subject() {
        if (operation.equals(IDENTIFY)) {
            return "tell whose access key " + callerKeyId + " is";
        }
        if (operation.equals(FEDERATE)) {
            return "get a federation token for the console with access key " + callerKeyId;
        }
        return roleArn.map(arn -> "assume role " + arn + " as caller " + callerKeyId)
                .orElse("get a session token for access key " + callerKeyId);
    }

    @Override
    public String toString() {
        return "StsCall[" + operation + ", " + endpoint + ", caller=" + callerKeyId + ", role=" + roleArn.orElse("-")
                + "]";
    }
}
