package io.rolehop.application.port.out;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.RoleArn;
import io.rolehop.domain.RoleSessionName;
import io.rolehop.domain.SessionDuration;
import java.util.Objects;
import java.util.Optional;

/** The parameters of one {@code AssumeRole} call, signed with {@code caller}. */
public record AssumeRoleRequest(
        AwsCredentials caller,
        Region region,
        RoleArn roleArn,
        RoleSessionName roleSessionName,
        SessionDuration duration,
        Optional<String> externalId,
        Optional<String> sourceIdentity,
        Optional<MfaToken> mfa) {

    public AssumeRoleRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        Objects.requireNonNull(mfa, "mfa");
    }

    @Override
    public String toString() {
        return "AssumeRoleRequest[caller=" + caller.accessKeyId() + ", roleArn=" + roleArn + ", roleSessionName="
                + roleSessionName + ", duration=" + duration.seconds() + "]";
    }
}
