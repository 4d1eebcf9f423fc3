package io.rolehop.adapters.aws;

import io.rolehop.application.UsageException;
import io.rolehop.domain.Region;
import io.rolehop.domain.Text;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in and console hosts of each partition (docs/user-guide/console.md#partitions-and-regions), and the
 * {@code ROLEHOP_SIGNIN_URL} that replaces the sign-in base URL.
 */
final class ConsoleUrls {
    /** The variable that replaces the sign-in base URL, for tests and private endpoints. */
    static final String SIGNIN_URL_VARIABLE = "ROLEHOP_SIGNIN_URL";

    private static final String GLOBAL_REGION = "us-east-1";

    private ConsoleUrls() {}

    /**
     * The sign-in base URL (no trailing slash) for {@code region}: {@code federation} and {@code oauth} are below it.
     * In the commercial partition each region has a sign-in host of its own; China and GovCloud have one each.
     */
    static URI signInBase(Map<String, String> environment, Region region) {
        Optional<URI> configured = configured(environment);
        if (configured.isPresent()) {
            return configured.get();
        }
        requirePublic(region);
        return switch (region.partition()) {
            case AWS ->
                URI.create(
                        region.code().equals(GLOBAL_REGION)
                                ? "https://signin.aws.amazon.com"
                                : "https://" + region.code() + ".signin.aws.amazon.com");
            case AWS_CN -> URI.create("https://signin.amazonaws.cn");
            case AWS_US_GOV -> URI.create("https://signin.amazonaws-us-gov.com");
        };
    }

    /**
     * Where the sign-in {@code logout} redirect is served: the partition's global sign-in host, which ends the
     * console session of every region.
     */
    static URI logoutBase(Map<String, String> environment, Region region) {
        Optional<URI> configured = configured(environment);
        if (configured.isPresent()) {
            return configured.get();
        }
        return region.partition() == io.rolehop.domain.Partition.AWS
                ? URI.create("https://signin.aws.amazon.com")
                : signInBase(environment, region);
    }

    /** The console home of {@code region}, in its partition. */
    static URI consoleHome(Region region) {
        requirePublic(region);
        String host = switch (region.partition()) {
            case AWS -> region.code() + ".console.aws.amazon.com";
            case AWS_CN -> "console.amazonaws.cn";
            case AWS_US_GOV -> "console.amazonaws-us-gov.com";
        };
        return URI.create("https://" + host + "/console/home?region=" + region.code());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void requirePublic(Region region) {
        if (region.code().contains("-iso")) {
            throw new UsageException("region " + region + " is in an isolated partition, which has no public AWS"
                    + " console sign-in; give a commercial, China or GovCloud region with --region, or set "
                    + SIGNIN_URL_VARIABLE + " to your partition's sign-in URL");
        }
    }

    private static Optional<URI> configured(Map<String, String> environment) {
        String value = environment.getOrDefault(SIGNIN_URL_VARIABLE, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new UsageException(SIGNIN_URL_VARIABLE + " is '" + Text.printable(value) + "', which is no http(s)"
                    + " URL without query; set it to a base URL such as https://signin.aws.amazon.com, or unset it");
        }
        return Optional.of(uri);
    }
}
