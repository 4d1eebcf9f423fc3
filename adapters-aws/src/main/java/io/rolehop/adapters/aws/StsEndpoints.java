package io.rolehop.adapters.aws;

import io.rolehop.application.UsageException;
import io.rolehop.domain.Region;
import io.rolehop.domain.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where STS is for a region, shared by both STS adapters: {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL},
 * else the regional endpoint of the region's partition; both variables are ignored when
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is {@code true}, as the AWS CLI does. Free of the AWS SDK, so that the
 * lean STS adapter can use it on a class path without the SDK.
 */
final class StsEndpoints {
    private StsEndpoints() {}

    /**
     * The STS endpoint for {@code region}, read from {@code environment}.
     *
     * @throws UsageException when an endpoint variable holds no http(s) URL
     */
    static URI endpointFor(Map<String, String> environment, Region region) {
        Objects.requireNonNull(region, "region");
        String ignore = environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        if (ignore == null || !"true".equalsIgnoreCase(ignore.strip())) {
            for (String variable : new String[] {"AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"}) {
                String value = environment.get(variable);
                if (value != null && !value.isBlank()) {
                    return parseEndpoint(variable, value.strip());
                }
            }
        }
        return URI.create("https://sts." + region.code() + "." + region.partition().dnsSuffix());
    }

    private static URI parseEndpoint(String variable, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the variable's name.
        }
        throw new UsageException(variable + " is '" + Text.printable(value)
                + "', which is not an http(s) URL such as https://sts.eu-west-1.amazonaws.com; correct or unset it");
    }
}
