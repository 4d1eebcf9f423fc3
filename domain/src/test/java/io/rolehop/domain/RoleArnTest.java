package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleArnTest {

    @Test
    void roleWithoutPathInTheAwsPartition() {
        RoleArn arn = RoleArn.of("arn:aws:iam::123456789012:role/ProdAdmin");

        assertEquals(Partition.AWS, arn.partition());
        assertEquals(new AccountId("123456789012"), arn.account());
        assertEquals("/", arn.path());
        assertEquals("ProdAdmin", arn.roleName());
        assertEquals("arn:aws:iam::123456789012:role/ProdAdmin", arn.toString());
    }

    @Test
    void chinaPartition() {
        RoleArn arn = RoleArn.of("arn:aws-cn:iam::210987654321:role/dev");

        assertEquals(Partition.AWS_CN, arn.partition());
        assertEquals("210987654321", arn.account().value());
        assertEquals("dev", arn.roleName());
    }

    @Test
    void govCloudPartition() {
        RoleArn arn = RoleArn.of("arn:aws-us-gov:iam::000000000001:role/ops");

        assertEquals(Partition.AWS_US_GOV, arn.partition());
        assertEquals("000000000001", arn.account().value());
    }

    @Test
    void pathIsSeparatedFromTheName() {
        RoleArn arn = RoleArn.of("arn:aws:iam::123456789012:role/division_abc/subdivision_xyz/ProdAdmin");

        assertEquals("/division_abc/subdivision_xyz/", arn.path());
        assertEquals("ProdAdmin", arn.roleName());
    }

    @Test
    void singleSegmentPath() {
        RoleArn arn = RoleArn.of("arn:aws:iam::123456789012:role/service-role/Lambda");

        assertEquals("/service-role/", arn.path());
        assertEquals("Lambda", arn.roleName());
    }

    @Test
    void roleNameMayUseEveryAllowedPunctuation() {
        assertEquals(
                "a+b=c,d.e@f_g-h",
                RoleArn.of("arn:aws:iam::123456789012:role/a+b=c,d.e@f_g-h").roleName());
    }

    @Test
    void roleNameOf64CharactersIsAccepted() {
        String name = "r".repeat(64);
        assertEquals(name, RoleArn.of("arn:aws:iam::123456789012:role/" + name).roleName());
    }

    @Test
    void roleNameOf65CharactersIsRefused() {
        String value = "arn:aws:iam::123456789012:role/" + "r".repeat(65);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RoleArn.of(value));
        assertTrue(
                e.getMessage().endsWith("': the role name must be 1 to 64 characters of letters, digits and +=,.@_-"),
                e.getMessage());
    }

    @Test
    void emptyRoleNameIsRefused() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> RoleArn.of("arn:aws:iam::123456789012:role/"));
        assertEquals(
                "invalid role ARN 'arn:aws:iam::123456789012:role/': the role name must be 1 to 64 characters"
                        + " of letters, digits and +=,.@_-",
                e.getMessage());
    }

    @Test
    void roleNameWithSpaceIsRefused() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> RoleArn.of("arn:aws:iam::123456789012:role/my role"));
        assertTrue(e.getMessage().contains("the role name must be 1 to 64 characters"), e.getMessage());
    }

    @Test
    void unknownPartitionIsNamed() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> RoleArn.of("arn:aws-iso:iam::123456789012:role/x"));
        assertEquals(
                "invalid role ARN 'arn:aws-iso:iam::123456789012:role/x': unknown partition 'aws-iso'"
                        + " (aws, aws-cn or aws-us-gov)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", ""})
    void accountMustBeTwelveDigits(String account) {
        String value = "arn:aws:iam::" + account + ":role/x";
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RoleArn.of(value));
        assertEquals(
                "invalid role ARN '" + value + "': the account must be 12 digits;"
                        + " expected arn:aws:iam::123456789012:role/NAME",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ProdAdmin",
                "arn:aws:iam::123456789012:user/bob",
                "arn:aws:sts::123456789012:assumed-role/Admin/me",
                "arn:aws:iam:us-east-1:123456789012:role/x",
                "arn:aws:iam::123456789012:role",
                "arn:aws:iam::123456789012:roles/x",
                "arn:AWS:iam::123456789012:role/x",
                " arn:aws:iam::123456789012:role/x",
                "arn:aws:iam::123456789012:role/x ",
                "arn:aws:iam::123456789012:role//x",
                "arn:aws:iam::123456789012:role/pa th/x"
            })
    void malformedArnsAreRefusedWithTheExpectedShape(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RoleArn.of(value));
        assertTrue(e.getMessage().startsWith("invalid role ARN '"), e.getMessage());
        assertTrue(
                e.getMessage().contains("arn:aws:iam::123456789012:role/NAME")
                        || e.getMessage().contains("the role name must be"),
                e.getMessage());
    }

    @Test
    void wrongResourceTypeGetsTheShapeHint() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> RoleArn.of("arn:aws:iam::123456789012:user/bob"));
        assertEquals(
                "invalid role ARN 'arn:aws:iam::123456789012:user/bob';"
                        + " expected arn:aws:iam::123456789012:role/NAME",
                e.getMessage());
    }

    @Test
    void emptyPathSegmentIsRefused() {
        // IAM paths are '/' or '/' + one or more printable characters + '/'.
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> RoleArn.of("arn:aws:iam::123456789012:role//Admin"));
        assertEquals(
                "invalid role ARN 'arn:aws:iam::123456789012:role//Admin';"
                        + " expected arn:aws:iam::123456789012:role/NAME",
                e.getMessage());
    }

    @Test
    void pathUpTo512CharactersIsAccepted() {
        String path = "/" + "p".repeat(510) + "/";
        assertEquals(
                path, RoleArn.of("arn:aws:iam::123456789012:role" + path + "x").path());
    }

    @Test
    void pathLongerThan512CharactersIsRefused() {
        String path = "/" + "p".repeat(511) + "/";
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> RoleArn.of("arn:aws:iam::123456789012:role" + path + "x"));
        assertEquals("invalid role ARN: the path is longer than 512 characters", e.getMessage());
    }

    @Test
    void nullIsRefusedAsRequired() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> RoleArn.of(null));
        assertEquals("role ARN is required", e.getMessage());
    }

    @Test
    void controlCharactersInTheInputAreEscapedInTheMessage() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> RoleArn.of("arn:aws:iam::123456789012:role/x\n[evil]"));
        assertTrue(e.getMessage().contains("role/x\\n[evil]"), e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(RoleArn.of("arn:aws:iam::123456789012:role/a"), RoleArn.of("arn:aws:iam::123456789012:role/a"));
    }
}
