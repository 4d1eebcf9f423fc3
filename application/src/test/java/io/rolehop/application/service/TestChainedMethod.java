package io.rolehop.application.service;

import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.RoleArn;
import io.rolehop.domain.RoleSessionName;
import io.rolehop.domain.SessionDuration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A role assumed with the assumer's credentials, capped at one hour when those are temporary. */
final class TestChainedMethod implements AccessMethod {
    static final String ID = "test-role-chained";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test Role Chained";
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.required("role-arn", "the ARN of the role to assume", FieldValidator.parsing(RoleArn::of)),
                FieldSpec.optional(
                        "duration", "seconds the role session lasts", FieldValidator.parsing(SessionDuration::parse)));
    }

    @Override
    public boolean requiresAssumer() {
        return true;
    }

    @Override
    public Optional<String> validate(Map<String, String> values, Optional<Boolean> assumerRequiresAssumer) {
        String duration = values.get("duration");
        if (duration == null || !assumerRequiresAssumer.orElse(false)) {
            return Optional.empty();
        }
        try {
            SessionDuration.parse(duration).checkFor(true);
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        AwsCredentials caller = context.assumerCredentials();
        SessionDuration duration = context.field("duration")
                .map(SessionDuration::parse)
                .orElse(SessionDuration.DEFAULT)
                .checkFor(caller.isTemporary());
        return context.sts()
                .assumeRole(new AssumeRoleRequest(
                        caller,
                        context.session().region(),
                        RoleArn.of(context.field("role-arn").orElseThrow()),
                        RoleSessionName.derivedFrom(context.session().alias()),
                        duration,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }
}
