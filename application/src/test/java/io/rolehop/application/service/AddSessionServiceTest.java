package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionStatus;
import io.rolehop.domain.UnknownSessionException;
import io.rolehop.domain.WorkspaceRuleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddSessionServiceTest {
    private final Fixture f = new Fixture();

    private static AddSessionCommand user(String alias, Map<String, String> fields) {
        return new AddSessionCommand(
                AccessMethodId.of(TestUserMethod.ID),
                Alias.of(alias),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                fields);
    }

    private static AddSessionCommand chained(String alias, Optional<String> assumer, Map<String, String> fields) {
        return new AddSessionCommand(
                AccessMethodId.of(TestChainedMethod.ID),
                Alias.of(alias),
                Optional.empty(),
                Optional.empty(),
                assumer,
                fields);
    }

    private static Map<String, String> userFields() {
        return Map.of("access-key-id", Fixture.USER_KEY_ID, "secret-access-key", Fixture.USER_SECRET);
    }

    @Test
    void addedSessionIsInactiveOnTheDefaultProfileAndRegion() {
        Session s = f.add.add(user("user", userFields()));

        assertEquals(SessionStatus.INACTIVE, s.status());
        assertEquals(NamedProfile.DEFAULT, s.profile());
        assertEquals(Region.of("us-east-1"), s.region());
        assertEquals(Optional.empty(), s.assumer());
        assertEquals(List.of(s), f.workspace().sessions());
    }

    @Test
    void withoutAProfileOnlyTheFirstSessionTakesDefaultAndTheOthersTheirAlias() {
        Session first = f.add.add(user("first", userFields()));
        Session second = f.add.add(user("second", userFields()));
        Session spaced = f.add.add(user("team a/admin", userFields()));
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestUserMethod.ID),
                Alias.of("other"),
                Optional.of(NamedProfile.of("third")),
                Optional.empty(),
                Optional.empty(),
                userFields()));
        Session third = f.add.add(user("third", userFields()));

        assertEquals(NamedProfile.DEFAULT, first.profile());
        assertEquals(NamedProfile.of("second"), second.profile());
        assertEquals(NamedProfile.of("team-a-admin"), spaced.profile());
        assertEquals(NamedProfile.of("third-2"), third.profile(), "a profile another session uses is not shared");

        f.start("first");
        assertEquals(List.of(), f.start("second").stopped(), "the second session leaves the first running");
        assertTrue(f.session("first").isActive());
    }

    @Test
    void defaultIsFreeAgainOnceNoSessionUsesIt() {
        f.add.add(user("first", userFields()));
        f.delete.delete("first", false);

        assertEquals(NamedProfile.DEFAULT, f.add.add(user("next", userFields())).profile());
    }

    @Test
    void givenProfileAndRegionAreKeptAndTheProfileBecomesKnown() {
        Session s = f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestUserMethod.ID),
                Alias.of("user"),
                Optional.of(NamedProfile.of("work")),
                Optional.of(Region.of("eu-central-1")),
                Optional.empty(),
                userFields()));

        assertEquals(NamedProfile.of("work"), s.profile());
        assertEquals(Region.of("eu-central-1"), s.region());
        assertTrue(f.workspace().hasProfile(NamedProfile.of("work")));
    }

    @Test
    void secretAndConfidentialFieldsGoOnlyToTheSecretStore() {
        Session s = f.add.add(user("user", userFields()));

        assertEquals(
                Map.of(
                        "session/" + s.id() + "/access-key-id", Fixture.USER_KEY_ID,
                        "session/" + s.id() + "/secret-access-key", Fixture.USER_SECRET),
                f.secrets.snapshot());
        Session stored = f.session("user");
        assertEquals(Map.of(), stored.attributes());
        assertFalse(stored.toString().contains(Fixture.USER_SECRET));
        assertFalse(stored.toString().contains(Fixture.USER_KEY_ID));
    }

    @Test
    void publicFieldsGoToTheWorkspaceAndNothingToTheSecretStore() {
        f.addUser("user");
        Map<String, String> before = f.secrets.snapshot();

        Session r1 = f.add.add(
                chained("r1", Optional.of("user"), Map.of("role-arn", Fixture.roleArn("r1"), "duration", "7200")));

        assertEquals(Map.of("role-arn", Fixture.roleArn("r1"), "duration", "7200"), r1.attributes());
        assertEquals(before, f.secrets.snapshot());
        assertEquals(Optional.of(f.session("user").id()), r1.assumer());
    }

    @Test
    void assumerMayBeNamedById() {
        Session user = f.addUser("user");
        Session r1 =
                f.add.add(chained("r1", Optional.of(user.id().value()), Map.of("role-arn", Fixture.roleArn("r1"))));
        assertEquals(Optional.of(user.id()), r1.assumer());
    }

    @Test
    void missingRequiredFieldIsAUsageErrorAndNothingIsStored() {
        UsageException e = assertThrows(
                UsageException.class, () -> f.add.add(user("user", Map.of("access-key-id", Fixture.USER_KEY_ID))));

        assertEquals(
                "--secret-access-key is required for a Test IAM User session (the secret access key)", e.getMessage());
        assertEquals(0, f.store.saves());
        assertEquals(Map.of(), f.secrets.snapshot());
    }

    @Test
    void emptyRequiredFieldCountsAsMissing() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> f.add.add(user("user", Map.of("access-key-id", Fixture.USER_KEY_ID, "secret-access-key", ""))));
        assertTrue(e.getMessage().startsWith("--secret-access-key is required"), e.getMessage());
    }

    @Test
    void unknownFieldIsAUsageError() {
        Map<String, String> fields = new LinkedHashMap<>(userFields());
        fields.put("colour", "blue");

        UsageException e = assertThrows(UsageException.class, () -> f.add.add(user("user", fields)));

        assertEquals(
                "access method 'test-iam-user' has no field 'colour'; see 'rolehop session add test-iam-user"
                        + " --help'",
                e.getMessage());
        assertEquals(Map.of(), f.secrets.snapshot());
    }

    @Test
    void fieldFailingItsValidatorIsNamedWithTheValidatorsMessage() {
        f.addUser("user");

        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> f.add.add(chained("r1", Optional.of("user"), Map.of("role-arn", "nope"))));

        assertEquals(
                "--role-arn: invalid role ARN 'nope'; expected arn:aws:iam::123456789012:role/NAME", e.getMessage());
        assertEquals(1, f.workspace().sessions().size());
    }

    @Test
    void secretFieldFailingItsValidatorIsNotQuoted() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> f.add.add(
                        user("user", Map.of("access-key-id", "lower-case", "secret-access-key", Fixture.USER_SECRET))));
        assertEquals("--access-key-id: expected 16 to 128 upper-case letters and digits", e.getMessage());
    }

    @Test
    void unknownMethodIsAUsageErrorNamingTheInstalledOnes() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> f.add.add(new AddSessionCommand(
                        AccessMethodId.of("okta"),
                        Alias.of("x"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of())));
        assertEquals(
                "no access method 'okta' is installed (installed: test-iam-user, test-role-chained); if it came"
                        + " from a plugin, put its jar back into the plugins directory",
                e.getMessage());
    }

    @Test
    void assumerIsRefusedOnAChainRoot() {
        f.addUser("user");

        UsageException e = assertThrows(
                UsageException.class,
                () -> f.add.add(new AddSessionCommand(
                        AccessMethodId.of(TestUserMethod.ID),
                        Alias.of("second"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("user"),
                        userFields())));

        assertEquals("a Test IAM User session is a chain root and takes no --assumer", e.getMessage());
        assertEquals(1, f.workspace().sessions().size());
        assertEquals(2, f.secrets.snapshot().size(), "only the first user's secrets");
    }

    @Test
    void assumerIsRequiredOnAChainedMethod() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> f.add.add(chained("r1", Optional.empty(), Map.of("role-arn", Fixture.roleArn("r1")))));
        assertEquals(
                "--assumer is required for a Test Role Chained session: name the session whose credentials"
                        + " assume this one",
                e.getMessage());
    }

    @Test
    void unknownAssumerIsRefused() {
        UnknownSessionException e = assertThrows(
                UnknownSessionException.class,
                () -> f.add.add(chained("r1", Optional.of("ghost"), Map.of("role-arn", Fixture.roleArn("r1")))));
        assertEquals("no session with alias or id 'ghost'; see 'rolehop session list'", e.getMessage());
    }

    @Test
    void takenAliasIsRefusedAndItsSecretsAreNotStored() {
        f.addUser("user");
        Map<String, String> before = f.secrets.snapshot();

        WorkspaceRuleException e = assertThrows(
                WorkspaceRuleException.class,
                () -> f.add.add(user(
                        "user",
                        Map.of("access-key-id", "AKIAOTHERKEY00000000", "secret-access-key", "another-secret"))));

        assertEquals("a session with alias 'user' already exists; pick another alias", e.getMessage());
        assertEquals(before, f.secrets.snapshot());
    }

    /** A root whose fields have defaults: a required public one, an optional public one and a secret one. */
    private static final class DefaultsMethod implements AccessMethod {
        @Override
        public String id() {
            return "test-defaults";
        }

        @Override
        public String displayName() {
            return "Test Defaults";
        }

        @Override
        public List<FieldSpec> fields() {
            return List.of(
                    FieldSpec.required("endpoint", "where", FieldValidator.any())
                            .withDefault("https://sso.example"),
                    FieldSpec.optional(
                                    "colour", "which", v -> v.equals("red") ? Optional.of("no red") : Optional.empty())
                            .withDefault("blue"),
                    FieldSpec.optional("plain", "no default", FieldValidator.any()));
        }

        @Override
        public AwsCredentials credentials(CredentialsContext context) {
            throw new AssertionError("not called");
        }
    }

    @Test
    void fieldDefaultsAreUsedWhenNoValueIsGiven() {
        Fixture withDefaults = new Fixture(new DefaultsMethod());

        Session s = withDefaults.add.add(new AddSessionCommand(
                AccessMethodId.of("test-defaults"),
                Alias.of("d"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("colour", "")));

        assertEquals(Map.of("endpoint", "https://sso.example", "colour", "blue"), s.attributes());
    }

    @Test
    void givenValuesWinOverDefaultsAndAreValidated() {
        Fixture withDefaults = new Fixture(new DefaultsMethod());

        Session s = withDefaults.add.add(new AddSessionCommand(
                AccessMethodId.of("test-defaults"),
                Alias.of("d"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("colour", "green")));
        assertEquals(Optional.of("green"), s.attribute("colour"));

        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> withDefaults.add.add(new AddSessionCommand(
                        AccessMethodId.of("test-defaults"),
                        Alias.of("e"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of("colour", "red"))));
        assertEquals("--colour: no red", e.getMessage());
    }

    @Test
    void methodsCrossFieldRuleSeesWhetherTheAssumerIsItselfChained() {
        f.addUser("user");
        f.addRole("r1", "user");

        // Assumed with the user's long-term keys: twelve hours are fine.
        f.add.add(
                chained("long", Optional.of("user"), Map.of("role-arn", Fixture.roleArn("long"), "duration", "43200")));
        // Assumed with r1's temporary credentials: capped at one hour.
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> f.add.add(chained(
                        "r2", Optional.of("r1"), Map.of("role-arn", Fixture.roleArn("r2"), "duration", "7200"))));

        assertEquals(
                "duration 7200 s exceeds the cap of 3600 s for a role assumed with temporary credentials"
                        + " (AWS role chaining); use --duration 3600 or less",
                e.getMessage());
        assertTrue(f.workspace().find("r2").isEmpty());
    }

    @Test
    void aDisplayNameTakesTheArticleItIsReadWith() {
        assertEquals("an AWS IAM User", AccessMethods.withArticle("AWS IAM User"));
        assertEquals("an IAM role", AccessMethods.withArticle("IAM role"));
        assertEquals("a Test IAM User", AccessMethods.withArticle("Test IAM User"));
    }
}
