package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.StsException;
import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into {@link StsException}s, worded by {@link StsFailures}. */
final class StsErrors {
    private StsErrors() {}

    static StsException translate(SdkException e, StsCall call) {
        if (e instanceof AwsServiceException service) {
            return service(service, call);
        }
        Optional<String> unreachable = unreachable(e);
        if (unreachable.isPresent()) {
            return StsFailures.unreachable(unreachable.get(), e.numAttempts(), call, e);
        }
        return StsFailures.other(e.getMessage(), call, e);
    }

    /** How the service could not be reached (connection refused, timed out, ...), when that is what failed. */
    static Optional<String> unreachable(SdkException e) {
        Optional<IOException> io = StsFailures.ioCause(e);
        if (io.isPresent() || e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return Optional.of(io.map(StsFailures::describe).orElse("no answer in time"));
        }
        return Optional.empty();
    }

    private static StsException service(AwsServiceException e, StsCall call) {
        ServiceError error = ServiceError.of(e);
        return StsFailures.service(
                error.code(), error.message(), e.statusCode(), e.isThrottlingException(), e.numAttempts(), call, e);
    }

    /** The error code (empty if none) and message an AWS service answered with. */
    record ServiceError(String code, String message) {
        static ServiceError of(AwsServiceException e) {
            AwsErrorDetails details = e.awsErrorDetails();
            String code = details == null || details.errorCode() == null ? "" : details.errorCode();
            String serviceMessage = details == null ? null : details.errorMessage();
            if (code.isEmpty() && details != null && details.rawResponse() != null) {
                // Some emulators (moto's auth errors) nest the error as <Errors><Error>, which the SDK's query
                // protocol parser does not read; the code is still in the body.
                String body = details.rawResponse().asUtf8String();
                code = StsFailures.element(body, "Code").orElse("");
                serviceMessage = StsFailures.element(body, "Message").orElse(serviceMessage);
            }
            return new ServiceError(code, serviceMessage == null ? e.getMessage() : serviceMessage);
        }
    }
}
