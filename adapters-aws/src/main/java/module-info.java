/**
 * AWS Security Token Service and the IAM user's own access keys on the AWS SDK for Java v2, and the built-in AWS
 * access methods ("AWS IAM User", "AWS IAM Role Chained"), found by {@link java.util.ServiceLoader} like any plugin.
 * No SDK type appears in an exported signature.
 */
module io.rolehop.adapters.aws {
    requires transitive io.rolehop.application;
    requires software.amazon.awssdk.services.iam;
    requires software.amazon.awssdk.services.sts;
    requires software.amazon.awssdk.services.sso;
    requires software.amazon.awssdk.services.ssooidc;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.urlconnection;
    requires software.amazon.awssdk.profiles;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries;
    // The federation endpoint's JSON (console sign-in), with the SDK's own reader and writer.
    requires software.amazon.awssdk.protocols.jsoncore;

    exports io.rolehop.adapters.aws;

    provides io.rolehop.application.spi.AccessMethod with
            io.rolehop.adapters.aws.AwsIamUserAccessMethod,
            io.rolehop.adapters.aws.AwsIamRoleChainedAccessMethod,
            io.rolehop.adapters.aws.AwsSsoAccessMethod;
}
