package io.rolehop.cli.command;

import io.rolehop.domain.Region;
import picocli.CommandLine.Option;

/** {@code --start-url} and {@code --sso-region}: which IAM Identity Center instance an {@code sso} command talks to. */
final class SsoInstanceOptions {
    @Option(names = "--start-url", required = true, paramLabel = "URL", description = "The AWS access portal URL.")
    String startUrl;

    @Option(
            names = "--sso-region",
            required = true,
            paramLabel = "REGION",
            description = "The region of the IAM Identity Center instance.")
    String ssoRegion;

    Region region() {
        return Region.of(ssoRegion);
    }
}
