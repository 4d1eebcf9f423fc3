package io.rolehop.application.service;

import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import java.util.List;
import java.util.Optional;

/** A chain root like an IAM user: returns the long-term keys kept in its two secret fields. */
final class TestUserMethod implements AccessMethod {
    static final String ID = "test-iam-user";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test IAM User";
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.required(
                                "access-key-id",
                                "the access key id",
                                value -> value.matches("[A-Z0-9]{16,128}")
                                        ? Optional.empty()
                                        : Optional.of("expected 16 to 128 upper-case letters and digits"))
                        .withSensitivity(Sensitivity.CONFIDENTIAL),
                FieldSpec.required("secret-access-key", "the secret access key", FieldValidator.any())
                        .withSensitivity(Sensitivity.SECRET));
    }

    @Override
    public Optional<AccessKeyFields> accessKeyFields() {
        return Optional.of(new AccessKeyFields("access-key-id", "secret-access-key"));
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        return new LongTermCredentials(
                context.field("access-key-id").orElseThrow(),
                context.field("secret-access-key").orElseThrow());
    }
}
