package io.rolehop.application.port.out;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;

/**
 * The IAM user's own access keys, as rolehop needs them to rotate one: create a key, delete a key, and ask STS whose
 * credentials these are.
 *
 * <p>Each call is signed with the {@code caller} it is given, never with credentials of its own: an IAM user's
 * long-term keys, or a session token the user obtained with MFA (IAM refuses other session tokens). Keys are those of
 * the caller's own user ({@code UserName} is left out, so IAM takes the user who signs). {@code region} chooses the
 * partition and the STS endpoint; IAM itself is global per partition. Implementations retry throttling and transient
 * faults a bounded number of times, then fail with {@link AccessKeyException} (IAM) or {@link StsException} (STS),
 * whose messages name access key ids, never a secret. Neither argument nor result is ever {@code null}.
 */
public interface AccessKeyManager {

    /**
     * Calls STS {@code GetCallerIdentity}: the ARN of the user or role session {@code credentials} belong to.
     *
     * @throws StsException with {@link StsException.Reason#INVALID_CREDENTIALS} when STS does not (yet) know them
     */
    String whoami(AwsCredentials credentials, Region region);

    /** Calls IAM {@code CreateAccessKey} for the caller's own user; the new key is active. */
    LongTermCredentials createAccessKey(AwsCredentials caller, Region region);

    /** Calls IAM {@code DeleteAccessKey} for {@code accessKeyId} of the caller's own user. */
    void deleteAccessKey(AwsCredentials caller, Region region, String accessKeyId);
}
