package io.rolehop.adapters.aws;

import io.rolehop.application.UsageException;
import io.rolehop.domain.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint a user configured for an AWS service, as the AWS CLI reads it: {@code AWS_ENDPOINT_URL_<SERVICE>},
 * else {@code AWS_ENDPOINT_URL}; both are ignored when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is {@code true}.
 * Free of the AWS SDK, so that the lean STS adapter can use it on a class path without the SDK.
 */
final class ConfiguredEndpoints {
    private ConfiguredEndpoints() {}

    /**
     * The endpoint configured for {@code service} ({@code STS}, {@code IAM}, as in the variable's name) in
     * {@code environment}, if any.
     *
     * @param example a URL the service really has, for the message when a variable holds no http(s) URL
     * @throws UsageException when an endpoint variable holds no http(s) URL
     */
    static Optional<URI> configured(Map<String, String> environment, String service, String example) {
        String ignore = environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        if (ignore != null && "true".equalsIgnoreCase(ignore.strip())) {
            return Optional.empty();
        }
        for (String variable : new String[] {"AWS_ENDPOINT_URL_" + service, "AWS_ENDPOINT_URL"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(parse(variable, value.strip(), example));
            }
        }
        return Optional.empty();
    }

    private static URI parse(String variable, String value, String example) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the variable's name.
        }
        throw new UsageException(variable + " is '" + Text.printable(value) + "', which is not an http(s) URL such as "
                + example + "; correct or unset it");
    }
}
