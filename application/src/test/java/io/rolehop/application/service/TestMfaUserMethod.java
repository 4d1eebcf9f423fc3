package io.rolehop.application.service;

import io.rolehop.application.port.out.MfaToken;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A chain root that trades its long-term keys and an MFA code for a twelve-hour session token, kept in the secret
 * store as the real IAM user method keeps it.
 */
final class TestMfaUserMethod implements AccessMethod {
    static final String ID = "test-mfa-user";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test MFA User";
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.required("access-key-id", "the access key id", FieldValidator.any())
                        .withSensitivity(Sensitivity.CONFIDENTIAL),
                FieldSpec.required("secret-access-key", "the secret", FieldValidator.any())
                        .withSensitivity(Sensitivity.SECRET),
                FieldSpec.required("mfa-device", "the MFA device ARN", FieldValidator.any()));
    }

    @Override
    public boolean cacheInSecretStore() {
        return true;
    }

    @Override
    public Optional<AccessKeyFields> accessKeyFields() {
        return Optional.of(new AccessKeyFields("access-key-id", "secret-access-key"));
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        String device = context.field("mfa-device").orElseThrow();
        String code = context.mfaCode(device);
        LongTermCredentials keys = new LongTermCredentials(
                context.field("access-key-id").orElseThrow(),
                context.field("secret-access-key").orElseThrow());
        return context.sts()
                .getSessionToken(new SessionTokenRequest(
                        keys,
                        context.session().region(),
                        Duration.ofHours(12),
                        Optional.of(new MfaToken(device, code))));
    }
}
