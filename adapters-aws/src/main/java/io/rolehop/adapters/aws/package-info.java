/**
 * AWS on the AWS SDK for Java v2: {@link io.rolehop.adapters.aws.StsSecurityTokenService}, and the built-in access
 * methods {@link io.rolehop.adapters.aws.AwsIamUserAccessMethod} and
 * {@link io.rolehop.adapters.aws.AwsIamRoleChainedAccessMethod}, which rolehop finds through
 * {@link java.util.ServiceLoader} exactly as it finds a plugin's.
 */
package io.rolehop.adapters.aws;
