package io.rolehop.domain;

import java.util.Arrays;

/** An AWS partition: a group of regions with its own ARN prefix and endpoints. */
public enum Partition {
    AWS("aws", "amazonaws.com"),
    AWS_CN("aws-cn", "amazonaws.com.cn"),
    AWS_US_GOV("aws-us-gov", "amazonaws.com");

    private final String id;
    private final String dnsSuffix;

    Partition(String id, String dnsSuffix) {
        this.id = id;
        this.dnsSuffix = dnsSuffix;
    }

    /** The partition as written in an ARN, e.g. {@code aws-cn}. */
    public String id() {
        return id;
    }

    /** The DNS suffix of the partition's endpoints. */
    public String dnsSuffix() {
        return dnsSuffix;
    }

    public static Partition fromId(String id) {
        return Arrays.stream(values())
                .filter(p -> p.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "unknown partition '" + Text.printable(id) + "'; expected one of aws, aws-cn, aws-us-gov"));
    }
}
