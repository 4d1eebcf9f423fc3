package io.rolehop.application.service;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import java.util.List;

/** A chain root that misbehaves as its {@code behaviour} field says: throw, return null, or ask for an assumer. */
final class MisbehavingMethod implements AccessMethod {
    static final String ID = "test-misbehaving";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test Misbehaving";
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(FieldSpec.required("behaviour", "throw, null or assumer", FieldValidator.any()));
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        switch (context.field("behaviour").orElseThrow()) {
            case "throw":
                throw new IllegalStateException("internal detail with s3cr3t");
            case "null":
                return null;
            case "assumer":
                return context.assumerCredentials();
            default:
                throw new AssertionError("unknown behaviour");
        }
    }
}
