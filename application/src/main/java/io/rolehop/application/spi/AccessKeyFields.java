package io.rolehop.application.spi;

import java.util.Objects;

/**
 * The two fields of an access method that hold an IAM user's own long-term access key, so that
 * {@code rolehop session rotate-keys} can replace that key with a new one of the same user. Both name fields of the
 * method's {@link AccessMethod#fields()}, both kept in the secret store; the secret one is {@code SECRET}.
 *
 * @param accessKeyId the field holding the access key id, e.g. {@code access-key-id}
 * @param secretAccessKey the field holding the secret access key, e.g. {@code secret-access-key}
 */
public record AccessKeyFields(String accessKeyId, String secretAccessKey) {

    public AccessKeyFields {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.equals(secretAccessKey)) {
            throw new IllegalArgumentException("the access key id and the secret access key are two fields");
        }
    }
}
