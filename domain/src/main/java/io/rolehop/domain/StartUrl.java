package io.rolehop.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** The URL of an AWS access portal, where IAM Identity Center users log in, e.g. https://my-org.awsapps.com/start. */
public record StartUrl(String value) {

    public StartUrl {
        Text.require(value, "start URL");
        problem(value).ifPresent(p -> {
            throw new InvalidValueException(p);
        });
    }

    public static StartUrl of(String value) {
        return new StartUrl(value);
    }

    /** What is wrong with {@code value} as a start URL (http(s), a host, at most 1024 characters), if anything. */
    public static Optional<String> problem(String value) {
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && value.length() <= 1024) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // Reported below.
        }
        return Optional.of("invalid start URL '" + Text.printable(value) + "'; use the AWS access portal URL, such as"
                + " https://my-org.awsapps.com/start");
    }

    @Override
    public String toString() {
        return value;
    }
}
