package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.StsException;
import io.rolehop.application.port.out.StsException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS failures as {@link StsException}s with one line for the user: what failed, and what to do. Messages name the
 * role, the caller's access key id and the endpoint where that helps, and never a secret key or token (whatever STS
 * echoes is scrubbed of the caller's secrets). Free of the AWS SDK: both STS adapters report through it.
 */
final class StsFailures {
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException");
    private static final Set<String> UNKNOWN_KEY =
            Set.of("InvalidClientTokenId", "UnrecognizedClient", "UnrecognizedClientException", "InvalidAccessKeyId");
    private static final Set<String> BAD_SIGNATURE =
            Set.of("SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignatureException");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException");
    private static final Set<String> THROTTLING = Set.of(
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottled",
            "RequestThrottledException",
            "TooManyRequestsException",
            "RequestLimitExceeded",
            "SlowDown",
            "PriorRequestNotComplete");
    private static final Set<String> INVALID_REQUEST = Set.of(
            "ValidationError",
            "ValidationException",
            "InvalidParameterValue",
            "InvalidParameterCombination",
            "MissingParameter",
            "MalformedPolicyDocument",
            "PackedPolicyTooLarge",
            "InvalidInput");
    private static final int MAX_QUOTED = 300;

    private StsFailures() {}

    /** STS could not be reached: {@code what} says how (connection refused, timed out, ...). */
    static StsException unreachable(String what, Integer attempts, StsCall call, Throwable cause) {
        return new StsException(
                Reason.UNREACHABLE,
                "cannot reach STS at " + call.endpoint() + " (" + what
                        + attempts(attempts, ", ") + ") to " + call.subject() + "; check the network and any proxy, or"
                        + " AWS_ENDPOINT_URL_STS",
                cause);
    }

    /** Any other failure of the call, with the client's own words. */
    static StsException other(String message, StsCall call, Throwable cause) {
        return new StsException(
                Reason.OTHER,
                "STS call " + call.operation() + " to " + call.endpoint() + " failed: " + quote(message, call),
                cause);
    }

    /**
     * A failure STS answered: its error {@code code} (empty if none), its message, the HTTP status, whether the
     * client saw throttling, and how many attempts were made (null if unknown).
     */
    static StsException service(
            String code,
            String serviceMessage,
            int status,
            boolean throttling,
            Integer attempts,
            StsCall call,
            Throwable cause) {
        String said = quote(serviceMessage, call);
        String key = call.callerKeyId();

        if (ACCESS_DENIED.contains(code)) {
            if (call.mfaSerial().isPresent() && (call.roleArn().isEmpty() || mentionsMfa(said))) {
                return new StsException(
                        Reason.INVALID_MFA_CODE,
                        "MFA code rejected for device "
                                + call.mfaSerial().get() + " when trying to " + call.subject() + " (STS: " + said
                                + "); a code is valid once and only while the device shows it: wait for the next code and"
                                + " try again, and check that the device belongs to the user",
                        cause);
            }
            String hint = call.roleArn().isPresent()
                    ? "; the role's trust policy must name the caller (for a role session, its assumed-role ARN)"
                            + " and the caller's policies must allow sts:AssumeRole on the role"
                    : call.federates()
                            ? "; the user's policies must allow sts:GetFederationToken"
                            : "; the user's policies must allow sts:GetSessionToken";
            return new StsException(
                    Reason.ACCESS_DENIED,
                    "access denied: STS would not let "
                            + (call.roleArn().isPresent()
                                    ? "caller " + key + " assume role "
                                            + call.roleArn().get()
                                    : call.federates()
                                            ? "access key " + key + " get a federation token for the console"
                                            : "access key " + key + " get a session token")
                            + " (STS: " + said + ")" + hint,
                    cause);
        }
        if (UNKNOWN_KEY.contains(code)) {
            String message = call.callerIsTemporary()
                    ? "STS does not accept the temporary credentials with access key id " + key + " (" + code
                            + ") to " + call.action() + "; they were revoked or issued by another endpoint: start"
                            + " the session that issued them again"
                    : "STS does not recognise access key id " + key + " (" + code + "): the key is wrong, deleted or"
                            + " inactive";
            return new StsException(Reason.INVALID_CREDENTIALS, message, cause);
        }
        if (BAD_SIGNATURE.contains(code)) {
            String message = call.callerIsTemporary()
                    ? "STS rejected the signature of the temporary credentials with access key id " + key + " (" + code
                            + "); start the session that issued them again"
                    : "STS rejected the signature made with access key id " + key + " (" + code + "): the secret"
                            + " access key is wrong for this key";
            return new StsException(Reason.INVALID_CREDENTIALS, message, cause);
        }
        if (EXPIRED.contains(code)) {
            return new StsException(
                    Reason.EXPIRED_TOKEN,
                    "the temporary credentials with access key id " + key
                            + " have expired (" + code + ") and cannot " + call.action()
                            + "; start the session again to refresh its chain",
                    cause);
        }
        if (THROTTLING.contains(code) || throttling || status == 429) {
            return new StsException(
                    Reason.THROTTLED,
                    "STS at " + call.endpoint() + " kept throttling the request ("
                            + orStatus(code, status) + attempts(attempts, " after ") + ") to " + call.subject()
                            + "; wait a minute and try again",
                    cause);
        }
        if (INVALID_REQUEST.contains(code)) {
            return new StsException(
                    Reason.INVALID_REQUEST,
                    "STS rejected the request to " + call.subject() + " as invalid (" + code + "): " + said,
                    cause);
        }
        if ("RegionDisabledException".equals(code) || "RegionDisabled".equals(code)) {
            return new StsException(
                    Reason.OTHER,
                    "STS is not activated in this region for the account of access"
                            + " key " + key + " (" + said
                            + "); activate it in the IAM account settings or choose another"
                            + " --region",
                    cause);
        }
        if (status >= 500) {
            return new StsException(
                    Reason.OTHER,
                    "STS at " + call.endpoint() + " failed with HTTP " + status + " ("
                            + orStatus(code, status) + attempts(attempts, ", ") + ") when asked to " + call.subject()
                            + "; try again later",
                    cause);
        }
        return new StsException(
                Reason.OTHER,
                "STS refused to " + call.subject() + " (" + orStatus(code, status) + ": " + said + ")",
                cause);
    }

    static Optional<String> element(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">([^<]*)</" + tag + ">").matcher(xml);
        return m.find()
                ? Optional.of(m.group(1)
                        .strip()
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&"))
                : Optional.empty();
    }

    private static boolean mentionsMfa(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("multifactor") || lower.contains("mfa") || lower.contains("one time pass");
    }

    private static String orStatus(String code, int status) {
        return code.isEmpty() ? "HTTP " + status : code;
    }

    private static String attempts(Integer n, String prefix) {
        return n == null ? "" : prefix + n + (n == 1 ? " attempt" : " attempts");
    }

    static Optional<IOException> ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
            if (t instanceof UncheckedIOException unchecked) {
                return Optional.of(unchecked.getCause());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String message = e.getMessage();
        if (message != null && message.contains("Unexpected end of file")) {
            return "the connection closed without an answer";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** STS's own words, on one line, shortened, with the caller's secrets scrubbed should STS ever echo them. */
    private static String quote(String text, StsCall call) {
        return quote(text, call.secrets());
    }

    /** A service's own words, on one line, shortened, with {@code secrets} scrubbed should it ever echo them. */
    static String quote(String text, java.util.List<String> secrets) {
        if (text == null || text.isBlank()) {
            return "no details";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        for (String secret : secrets) {
            line = line.replace(secret, "****");
        }
        StringBuilder printable = new StringBuilder();
        line.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return printable.length() > MAX_QUOTED ? printable.substring(0, MAX_QUOTED) + "..." : printable.toString();
    }
}
