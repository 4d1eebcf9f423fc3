package io.rolehop.domain;

/** The access key of an IAM user: no session token, no expiry. */
public record LongTermCredentials(String accessKeyId, String secretAccessKey) implements AwsCredentials {

    public LongTermCredentials {
        Credentials.requireAccessKeyId(accessKeyId);
        Credentials.requireSecret(secretAccessKey, "secret access key");
    }

    @Override
    public boolean isTemporary() {
        return false;
    }

    @Override
    public String toString() {
        return "LongTermCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
