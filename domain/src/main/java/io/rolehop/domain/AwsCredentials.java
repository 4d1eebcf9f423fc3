package io.rolehop.domain;

/**
 * Credentials a caller signs AWS requests with. Implementations never show the secret parts in {@code toString}.
 */
public sealed interface AwsCredentials permits LongTermCredentials, TemporaryCredentials {
    String accessKeyId();

    String secretAccessKey();

    /** Whether these are temporary (STS-issued) credentials; a role assumed with them is capped at one hour. */
    boolean isTemporary();
}
