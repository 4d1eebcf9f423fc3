package io.rolehop.adapters.aws;

import io.rolehop.application.UsageException;
import io.rolehop.domain.Region;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where STS is for a region, shared by both STS adapters and the access-key adapter: {@code AWS_ENDPOINT_URL_STS},
 * else {@code AWS_ENDPOINT_URL} ({@link ConfiguredEndpoints}), else the regional endpoint of the region's partition.
 * Free of the AWS SDK, so that the lean STS adapter can use it on a class path without the SDK.
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
        return ConfiguredEndpoints.configured(environment, "STS", "https://sts.eu-west-1.amazonaws.com")
                .orElseGet(() -> URI.create("https://sts." + region.code() + "."
                        + region.partition().dnsSuffix()));
    }
}
