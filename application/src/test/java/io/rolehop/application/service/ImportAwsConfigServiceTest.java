package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.fakes.InMemoryAwsCliFiles;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Action;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Command;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Item;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Plan;
import io.rolehop.application.port.out.AwsCliFiles;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.RoleArn;
import io.rolehop.domain.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import of the AWS CLI's profiles, on the in-memory fakes, with methods registered under the real ids. */
class ImportAwsConfigServiceTest {
    private static final String KEY = "AKIAIMPORTEDKEY00001";
    private static final String SECRET = "imported/secret+value";
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/ivan";

    /** A method that only declares fields: the import never asks one for credentials. */
    private record Declared(String id, boolean chained, List<FieldSpec> fields) implements AccessMethod {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public boolean requiresAssumer() {
            return chained;
        }

        @Override
        public AwsCredentials credentials(CredentialsContext context) {
            throw new UsageException("not used by the import");
        }
    }

    private static final AccessMethod USER = new Declared(
            "aws-iam-user",
            false,
            List.of(
                    FieldSpec.required("access-key-id", "id", FieldValidator.any())
                            .withSensitivity(Sensitivity.CONFIDENTIAL),
                    FieldSpec.required("secret-access-key", "secret", FieldValidator.any())
                            .withSensitivity(Sensitivity.SECRET),
                    FieldSpec.optional("mfa-device", "device", FieldValidator.any())));
    private static final AccessMethod ROLE = new Declared(
            "aws-iam-role-chained",
            true,
            List.of(
                    FieldSpec.required("role-arn", "arn", FieldValidator.parsing(RoleArn::of)),
                    FieldSpec.optional("role-session-name", "name", FieldValidator.any()),
                    FieldSpec.optional("external-id", "external id", FieldValidator.any()),
                    FieldSpec.optional("duration", "seconds", FieldValidator.any()),
                    FieldSpec.optional("source-identity", "source identity", FieldValidator.any())));
    private static final AccessMethod SSO = new Declared(
            "aws-sso",
            false,
            List.of(
                    FieldSpec.required("start-url", "url", FieldValidator.any()),
                    FieldSpec.required("sso-region", "region", FieldValidator.any()),
                    FieldSpec.required("account-id", "account", FieldValidator.any()),
                    FieldSpec.required("role-name", "role", FieldValidator.any())));

    private final InMemoryAwsCliFiles files = new InMemoryAwsCliFiles();

    private Fixture fixture(AccessMethod... methods) {
        return new Fixture(List.of(methods), List.of());
    }

    private ImportAwsConfigService service(Fixture f) {
        return new ImportAwsConfigService(
                f.store, f.methods, f.secrets, files, f.configFile, f.applier, () -> f.resolver);
    }

    private void threeDeepChain() {
        files.credentials("ivan", Map.of("aws_access_key_id", KEY, "aws_secret_access_key", SECRET));
        files.config("hub", Map.of("role_arn", Fixture.roleArn("hub"), "source_profile", "ivan"));
        files.config(
                "shared",
                Map.of(
                        "role_arn",
                        Fixture.roleArn("shared"),
                        "source_profile",
                        "hub",
                        "external_id",
                        "ext-1",
                        "role_session_name",
                        "shared-hop",
                        "source_identity",
                        "ivan"));
        files.config(
                "dev",
                Map.of(
                        "role_arn",
                        Fixture.roleArn("dev"),
                        "source_profile",
                        "shared",
                        "mfa_serial",
                        DEVICE,
                        "duration_seconds",
                        "900",
                        "region",
                        "eu-west-1"));
    }

    @Test
    void aChainBecomesSessionsAssumedFromTheImportedSourceWithTheMfaDeviceOnItsRoot() {
        threeDeepChain();
        Fixture f = fixture(USER, ROLE);
        service(f).importProfiles(new Command(List.of(), false, false));

        Session ivan = f.session("ivan");
        assertEquals("aws-iam-user", ivan.method().value());
        assertEquals(DEVICE, ivan.attribute("mfa-device").orElseThrow(), "mfa_serial of a role goes to its root");
        assertFalse(ivan.attributes().containsValue(SECRET), "the secret key is not in the workspace");
        assertEquals(
                SECRET,
                f.secrets.get(SecretKeys.field(ivan.id(), "secret-access-key")).orElseThrow());
        Session shared = f.session("shared");
        assertEquals(f.session("hub").id(), shared.assumer().orElseThrow());
        assertEquals(
                Map.of(
                        "role-arn",
                        Fixture.roleArn("shared"),
                        "external-id",
                        "ext-1",
                        "role-session-name",
                        "shared-hop",
                        "source-identity",
                        "ivan"),
                shared.attributes());
        Session dev = f.session("dev");
        assertEquals(shared.id(), dev.assumer().orElseThrow());
        assertEquals("900", dev.attribute("duration").orElseThrow());
        assertEquals("eu-west-1", dev.region().code());
        assertEquals("rolehop-dev", dev.profile().name(), "never a profile of the AWS CLI's own");
    }

    @Test
    void aSecondRunAddsNothingAndUpdatesWhatChanged() {
        threeDeepChain();
        Fixture f = fixture(USER, ROLE);
        ImportAwsConfigService service = service(f);
        service.importProfiles(new Command(List.of(), false, false));
        Map<String, Session> before = new HashMap<>();
        f.workspace().sessions().forEach(s -> before.put(s.alias().value(), s));

        Plan again = service.importProfiles(new Command(List.of(), false, false));
        assertTrue(again.items().stream().allMatch(i -> i.action() == Action.UNCHANGED), again.toString());
        assertEquals(4, f.workspace().sessions().size());

        files.config(
                "dev",
                Map.of(
                        "role_arn",
                        Fixture.roleArn("dev2"),
                        "source_profile",
                        "hub",
                        "mfa_serial",
                        DEVICE,
                        "duration_seconds",
                        "900",
                        "region",
                        "eu-west-1"));
        Plan third = service.importProfiles(new Command(List.of(), false, false));
        Item dev = item(third, "dev");
        assertEquals(Action.UPDATE, dev.action());
        assertEquals("role-arn, assumer", dev.detail());
        assertEquals(before.get("dev").id(), f.session("dev").id(), "the same session, updated");
        assertEquals(f.session("hub").id(), f.session("dev").assumer().orElseThrow());
        assertEquals(
                Fixture.roleArn("dev2"), f.session("dev").attribute("role-arn").orElseThrow());
    }

    @Test
    void cyclesMissingSourcesAndForeignRootsAreReportedNotImported() {
        files.config("a", Map.of("role_arn", Fixture.roleArn("a"), "source_profile", "b"));
        files.config("b", Map.of("role_arn", Fixture.roleArn("b"), "source_profile", "a"));
        files.config("lost", Map.of("role_arn", Fixture.roleArn("x"), "source_profile", "nobody"));
        files.config("below-lost", Map.of("role_arn", Fixture.roleArn("y"), "source_profile", "lost"));
        files.config("ec2", Map.of("role_arn", Fixture.roleArn("x"), "credential_source", "Ec2InstanceMetadata"));
        files.config("tool", Map.of("credential_process", "/bin/tool"));
        files.config(
                "sso",
                Map.of(
                        "sso_start_url",
                        "https://x/start",
                        "sso_region",
                        "eu-west-1",
                        "sso_account_id",
                        "111122223333",
                        "sso_role_name",
                        "Admin"));
        Fixture f = fixture(USER, ROLE);
        Plan plan = service(f).importProfiles(new Command(List.of(), false, false));

        assertTrue(
                item(plan, "a").detail().contains("cycle: a -> b -> a")
                        || item(plan, "a").detail().contains("cycle: b -> a -> b"),
                item(plan, "a").detail());
        assertTrue(item(plan, "b").detail().contains("cycle"), item(plan, "b").detail());
        assertTrue(item(plan, "lost").detail().contains("'nobody' does not exist"));
        assertTrue(item(plan, "below-lost").detail().contains("'lost' is not imported"));
        assertTrue(item(plan, "ec2").detail().contains("credential_source"));
        assertTrue(item(plan, "tool").detail().contains("credential_process"));
        assertTrue(item(plan, "sso").detail().contains("aws-sso access method is not installed"));
        assertTrue(plan.items().stream().allMatch(i -> i.action() == Action.SKIP));
        assertTrue(f.workspace().sessions().isEmpty());
    }

    @Test
    void anSsoProfileBecomesAnAwsSsoSessionWhenThatMethodIsInstalled() {
        files.ssoSession("corp", Map.of("sso_start_url", "https://corp/start", "sso_region", "eu-west-1"));
        files.config(
                "corp-admin",
                Map.of(
                        "sso_session",
                        "corp",
                        "sso_account_id",
                        "111122223333",
                        "sso_role_name",
                        "Admin",
                        "region",
                        "us-east-2"));
        files.config("corp-readonly", Map.of("role_arn", Fixture.roleArn("ro"), "source_profile", "corp-admin"));
        Fixture f = fixture(USER, ROLE, SSO);
        service(f).importProfiles(new Command(List.of(), false, false));

        Session admin = f.session("corp-admin");
        assertEquals("aws-sso", admin.method().value());
        assertEquals(
                Map.of(
                        "start-url",
                        "https://corp/start",
                        "sso-region",
                        "eu-west-1",
                        "account-id",
                        "111122223333",
                        "role-name",
                        "Admin"),
                admin.attributes());
        assertEquals(admin.id(), f.session("corp-readonly").assumer().orElseThrow());
    }

    @Test
    void aProfileAskedForBringsTheSourcesItsChainNeedsAndNothingElse() {
        threeDeepChain();
        files.credentials("someone-else", Map.of("aws_access_key_id", KEY, "aws_secret_access_key", SECRET));
        Fixture f = fixture(USER, ROLE);
        Plan plan = service(f).importProfiles(new Command(List.of("shared"), false, true));
        assertEquals(
                List.of("ivan", "hub", "shared"),
                plan.items().stream().map(Item::profile).toList());
        assertTrue(f.workspace().sessions().isEmpty(), "a dry run changes nothing");
        UsageException unknown = assertThrows(
                UsageException.class, () -> service(f).importProfiles(new Command(List.of("nope"), false, false)));
        assertTrue(unknown.getMessage().startsWith("no profile 'nope'"), unknown.getMessage());
    }

    @Test
    void adoptingReplacesTheSectionsAndRestoringPutsThemBack() {
        threeDeepChain();
        Fixture f = fixture(USER, ROLE);
        ImportAwsConfigService service = service(f);
        String ivanBefore = files.text(AwsCliFiles.File.CREDENTIALS, "ivan").orElseThrow();
        String hubBefore = files.text(AwsCliFiles.File.CONFIG, "hub").orElseThrow();
        service.importProfiles(new Command(List.of("hub"), true, false));

        assertEquals("hub", f.session("hub").profile().name());
        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, f.session("hub").mode());
        assertFalse(
                files.text(AwsCliFiles.File.CREDENTIALS, "ivan").orElseThrow().contains(SECRET));
        assertTrue(files.text(AwsCliFiles.File.CONFIG, "hub").orElseThrow().contains("credential_process = "));
        assertTrue(
                f.configFile.owned(io.rolehop.domain.NamedProfile.of("ivan")).isPresent(),
                "a profile only in the credentials file gets a config section of rolehop's");

        service.restore();
        assertEquals(
                ivanBefore, files.text(AwsCliFiles.File.CREDENTIALS, "ivan").orElseThrow());
        assertEquals(hubBefore, files.text(AwsCliFiles.File.CONFIG, "hub").orElseThrow());
        assertFalse(
                f.configFile.owned(io.rolehop.domain.NamedProfile.of("ivan")).isPresent());
        assertEquals("rolehop-hub", f.session("hub").profile().name());
        assertEquals(DeliveryMode.FILE, f.session("hub").mode());
        assertTrue(f.secrets.keys(ImportAwsConfigService.BACKUP_PREFIX).isEmpty());
        assertTrue(service.restore().isEmpty(), "nothing left to restore");
    }

    @Test
    void aProfileWhoseNameCannotBeARolehopProfileIsNotAdoptedButCanBeImported() {
        files.credentials("_team keys", Map.of("aws_access_key_id", KEY, "aws_secret_access_key", SECRET));
        Fixture f = fixture(USER, ROLE);
        Plan adopted = service(f).importProfiles(new Command(List.of(), true, false));
        assertEquals(Action.SKIP, item(adopted, "_team keys").action());
        assertTrue(item(adopted, "_team keys").detail().contains("without --adopt"));
        assertTrue(files.text(AwsCliFiles.File.CREDENTIALS, "_team keys")
                .orElseThrow()
                .contains(SECRET));

        Plan imported = service(f).importProfiles(new Command(List.of(), false, false));
        assertEquals(Action.ADD, item(imported, "_team keys").action());
        Session session = f.session("profile-_team keys");
        assertEquals("rolehop-_team-keys", session.profile().name());
    }

    private static Item item(Plan plan, String profile) {
        return plan.items().stream()
                .filter(i -> i.profile().equals(profile))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item for " + profile + " in " + plan));
    }
}
