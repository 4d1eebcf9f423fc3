package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.AccessKeyException;
import io.rolehop.application.port.out.AccessKeyException.Reason;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * IAM failures as {@link AccessKeyException}s with one line for the user: what failed, and what to do. Messages name
 * the caller's access key id and the endpoint, never a secret key or token.
 */
final class IamErrors {
    private static final Set<String> UNKNOWN_CALLER = Set.of(
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "ExpiredToken",
            "UnrecognizedClient");
    private static final Set<String> THROTTLING =
            Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException");

    /**
     * What was asked: {@code operation} ({@code CreateAccessKey}), the sentence completing "could not ..." and the
     * caller's key id and secrets.
     */
    record IamCall(String operation, String what, URI endpoint, String callerKeyId, List<String> secrets) {}

    private IamErrors() {}

    static AccessKeyException translate(SdkException e, IamCall call) {
        if (e instanceof AwsServiceException service) {
            return service(service, call);
        }
        Optional<String> unreachable = StsErrors.unreachable(e);
        if (unreachable.isPresent()) {
            return new AccessKeyException(
                    Reason.UNREACHABLE,
                    "cannot reach IAM at " + call.endpoint() + " ("
                            + unreachable.get() + ") to " + call.what() + "; check the network and any proxy, or"
                            + " AWS_ENDPOINT_URL_IAM",
                    e);
        }
        return new AccessKeyException(
                Reason.OTHER,
                "IAM call " + call.operation() + " to " + call.endpoint() + " failed: "
                        + StsFailures.quote(e.getMessage(), call.secrets()),
                e);
    }

    private static AccessKeyException service(AwsServiceException e, IamCall call) {
        StsErrors.ServiceError error = StsErrors.ServiceError.of(e);
        String code = error.code();
        String said = StsFailures.quote(error.message(), call.secrets());
        String key = call.callerKeyId();
        if (code.equals("LimitExceeded")) {
            return new AccessKeyException(
                    Reason.LIMIT_EXCEEDED,
                    "IAM refused to " + call.what() + ": the user already"
                            + " has two access keys, the most IAM allows; delete the one that is not " + key
                            + " (aws iam"
                            + " list-access-keys shows both) and try again",
                    e);
        }
        if (code.equals("AccessDenied") || code.equals("AccessDeniedException")) {
            return new AccessKeyException(
                    Reason.ACCESS_DENIED,
                    "access denied: IAM would not let access key " + key
                            + " " + call.what() + " (IAM: " + said + "); the user's policies must allow iam:"
                            + call.operation()
                            + " on the user itself (a policy requiring MFA needs a session with an MFA"
                            + " device)",
                    e);
        }
        if (UNKNOWN_CALLER.contains(code)) {
            return new AccessKeyException(
                    Reason.INVALID_CREDENTIALS,
                    "IAM does not accept access key id " + key + " (" + code + ") to " + call.what()
                            + "; check the session's keys with 'rolehop session edit'",
                    e);
        }
        if (code.equals("NoSuchEntity")) {
            return new AccessKeyException(Reason.NOT_FOUND, "IAM could not " + call.what() + ": " + said, e);
        }
        if (THROTTLING.contains(code) || e.isThrottlingException() || e.statusCode() == 429) {
            return new AccessKeyException(
                    Reason.THROTTLED,
                    "IAM at " + call.endpoint() + " kept throttling the" + " request to " + call.what()
                            + "; wait a minute and try again",
                    e);
        }
        return new AccessKeyException(
                Reason.OTHER,
                "IAM refused to " + call.what() + " (" + (code.isEmpty() ? "HTTP " + e.statusCode() : code) + ": "
                        + said + ")",
                e);
    }
}
