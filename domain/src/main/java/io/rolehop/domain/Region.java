package io.rolehop.domain;

import java.util.regex.Pattern;

/** An AWS region code such as {@code eu-west-1}, {@code cn-north-1} or {@code us-gov-west-1}. */
public record Region(String code) {
    private static final Pattern CODE = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}");

    public Region {
        Text.require(code, "region");
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValueException("invalid region '" + Text.printable(code)
                    + "'; expected a region code such as us-east-1 or eu-west-2 (see 'rolehop region list')");
        }
    }

    public static Region of(String code) {
        return new Region(code);
    }

    /** The partition the region belongs to. */
    public Partition partition() {
        if (code.startsWith("cn-")) {
            return Partition.AWS_CN;
        }
        if (code.startsWith("us-gov-")) {
            return Partition.AWS_US_GOV;
        }
        return Partition.AWS;
    }

    @Override
    public String toString() {
        return code;
    }
}
