package io.rolehop.example.command;

import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.TemporaryCredentials;

/** The external-command method never calls STS: any call is a failure of the test. */
enum NoSts implements SecurityTokenService {
    INSTANCE;

    @Override
    public TemporaryCredentials assumeRole(AssumeRoleRequest request) {
        throw new StsException(StsException.Reason.OTHER, "unexpected AssumeRole");
    }

    @Override
    public TemporaryCredentials getSessionToken(SessionTokenRequest request) {
        throw new StsException(StsException.Reason.OTHER, "unexpected GetSessionToken");
    }
}
