package io.rolehop.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of an IAM role, {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}.
 *
 * <p>The path is {@code /} or a slash-delimited string of printable ASCII; the name is 1 to 64 characters of
 * {@code [\w+=,.@-]}.
 */
public record RoleArn(String value) {
    private static final Pattern ARN =
            Pattern.compile("arn:([a-z-]+):iam::([^:]*):role(/(?:[\\x21-\\x7E]+/)?)?([^/]*)");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final String HINT = "; expected arn:aws:iam::123456789012:role/NAME";

    public RoleArn {
        Text.require(value, "role ARN");
        Parts parts = parse(value);
        if (parts.path().length() > 512) {
            throw new InvalidValueException("invalid role ARN: the path is longer than 512 characters");
        }
    }

    public static RoleArn of(String value) {
        return new RoleArn(value);
    }

    public Partition partition() {
        return Partition.fromId(parse(value).partition());
    }

    public AccountId account() {
        return new AccountId(parse(value).account());
    }

    /** The role's path, {@code /} when none was given. */
    public String path() {
        return parse(value).path();
    }

    public String roleName() {
        return parse(value).name();
    }

    private static Parts parse(String value) {
        Matcher m = ARN.matcher(value);
        if (!m.matches() || m.group(3) == null) {
            throw new InvalidValueException("invalid role ARN '" + Text.printable(value) + "'" + HINT);
        }
        String partition = m.group(1);
        try {
            Partition.fromId(partition);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("invalid role ARN '" + Text.printable(value) + "': unknown partition '"
                    + Text.printable(partition) + "' (aws, aws-cn or aws-us-gov)");
        }
        String account = m.group(2);
        if (!account.matches("[0-9]{12}")) {
            throw new InvalidValueException(
                    "invalid role ARN '" + Text.printable(value) + "': the account must be 12 digits" + HINT);
        }
        String name = m.group(4);
        if (!ROLE_NAME.matcher(name).matches()) {
            throw new InvalidValueException("invalid role ARN '" + Text.printable(value)
                    + "': the role name must be 1 to 64 characters of letters, digits and +=,.@_-");
        }
        return new Parts(partition, account, m.group(3), name);
    }

    private record Parts(String partition, String account, String path, String name) {}

    @Override
    public String toString() {
        return value;
    }
}
