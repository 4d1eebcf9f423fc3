package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.in.ImportLeappCommand;
import io.rolehop.application.port.in.ImportReport;
import io.rolehop.application.port.in.ImportReport.Outcome;
import io.rolehop.application.port.out.LeappKeychain;
import io.rolehop.application.port.out.LeappWorkspace;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping from Leapp's sessions, with methods of the built-in ids and hand-written reader and keychain. */
class ImportLeappServiceTest {
    private final Fixture f = new Fixture(
            new Method(
                    "aws-iam-user",
                    false,
                    List.of(
                            FieldSpec.required("access-key-id", "id", FieldValidator.any())
                                    .withSensitivity(Sensitivity.CONFIDENTIAL),
                            FieldSpec.required("secret-access-key", "secret", FieldValidator.any())
                                    .withSensitivity(Sensitivity.SECRET),
                            FieldSpec.optional("mfa-device", "device", FieldValidator.any()))),
            new Method(
                    "aws-iam-role-chained",
                    true,
                    List.of(
                            FieldSpec.required("role-arn", "arn", FieldValidator.any()),
                            FieldSpec.optional("role-session-name", "name", FieldValidator.any()))),
            new Method(
                    "aws-sso",
                    false,
                    List.of(
                            FieldSpec.required("start-url", "url", FieldValidator.any()),
                            FieldSpec.required("sso-region", "region", FieldValidator.any()),
                            FieldSpec.required("account-id", "account", FieldValidator.any()),
                            FieldSpec.required("role-name", "role", FieldValidator.any()))));
    private final List<LeappWorkspace.Session> sessions = new ArrayList<>();
    private final Map<String, String> keychain = new HashMap<>();

    private ImportReport run(boolean dryRun) {
        LeappWorkspace leapp = new LeappWorkspace(
                Path.of("Leapp-lock.json"),
                Optional.of("eu-west-1"),
                List.of(new LeappWorkspace.Profile("p0", "default"), new LeappWorkspace.Profile("p1", "sandbox")),
                sessions,
                List.of(new LeappWorkspace.SsoIntegration(
                        "int1", "corp", "https://corp.awsapps.com/start", "eu-central-1")));
        LeappKeychain keys = new LeappKeychain() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public Optional<String> secret(String account) {
                return Optional.ofNullable(keychain.get(account));
            }
        };
        return new ImportLeappService(f.store, f.methods, f.secrets, (file, id) -> leapp, keys)
                .importLeapp(new ImportLeappCommand(Optional.empty(), Optional.empty(), dryRun));
    }

    private void session(String id, String type, String name, Map<String, String> fields) {
        sessions.add(new LeappWorkspace.Session(id, type, name, Optional.empty(), fields));
    }

    @Test
    void ssoRolesBecomeAwsSsoSessionsWithTheIntegrationsUrlAndRegion() {
        session(
                "s1",
                "awsSsoRole",
                "Sandbox",
                Map.of(
                        "roleArn",
                        "arn:aws:iam::210987654321/AdministratorAccess",
                        "awsSsoConfigurationId",
                        "int1",
                        "profileId",
                        "p1"));
        ImportReport report = run(false);
        assertEquals(Outcome.ADDED, report.entries().get(0).outcome(), report.toString());
        Session s = f.workspace().get("Sandbox/AdministratorAccess");
        assertEquals(
                Map.of(
                        "start-url",
                        "https://corp.awsapps.com/start",
                        "sso-region",
                        "eu-central-1",
                        "account-id",
                        "210987654321",
                        "role-name",
                        "AdministratorAccess"),
                s.attributes());
        assertEquals("sandbox", s.profile().name());
        assertEquals("eu-west-1", s.region().code(), "Leapp's default region");
    }

    @Test
    void keysFromTheKeychainGoToTheSecretStoreAndADryRunTouchesNothing() {
        session("u1", "awsIamUser", "me", Map.of("profileId", "p0", "mfaDevice", "arn:aws:iam::1:mfa/me"));
        keychain.put("u1-iam-user-aws-session-access-key-id", "AKIAEXAMPLE");
        keychain.put("u1-iam-user-aws-session-secret-access-key", "s3cr3t");
        ImportReport dry = run(true);
        assertTrue(dry.dryRun());
        assertEquals(Outcome.ADDED, dry.entries().get(0).outcome());
        assertEquals(List.of(), f.workspace().sessions());
        assertEquals(List.of(), f.secrets.keys(""));

        run(false);
        Session me = f.workspace().get("me");
        assertEquals(Map.of("mfa-device", "arn:aws:iam::1:mfa/me"), me.attributes(), "no secret in the workspace");
        assertEquals(Optional.of("s3cr3t"), f.secrets.get(SecretKeys.field(me.id(), "secret-access-key")));
        assertEquals(Optional.of("AKIAEXAMPLE"), f.secrets.get(SecretKeys.field(me.id(), "access-key-id")));
    }

    @Test
    void sameNamesGetSuffixesCyclesAreSkippedAndASecondRunUpdatesWhatChanged() {
        session("u1", "awsIamUser", "dev", Map.of());
        session("c1", "awsIamRoleChained", "dev", Map.of("roleArn", "arn:aws:iam::1:role/a", "parentSessionId", "u1"));
        session(
                "x1",
                "awsIamRoleChained",
                "loop a",
                Map.of("roleArn", "arn:aws:iam::1:role/a", "parentSessionId", "x2"));
        session(
                "x2",
                "awsIamRoleChained",
                "loop b",
                Map.of("roleArn", "arn:aws:iam::1:role/b", "parentSessionId", "x1"));
        List<ImportReport.Entry> first = run(false).entries();
        assertEquals(
                List.of("dev", "dev-2", "", ""),
                first.stream().map(ImportReport.Entry::alias).toList());
        assertEquals(Outcome.SKIPPED, first.get(2).outcome());
        assertTrue(first.get(3).detail().contains("cycle"), first.get(3).detail());
        assertEquals(
                "dev",
                f.workspace()
                        .get(f.workspace().get("dev-2").assumer().orElseThrow().value())
                        .alias()
                        .value());

        sessions.set(
                1,
                new LeappWorkspace.Session(
                        "c1",
                        "awsIamRoleChained",
                        "dev",
                        Optional.of("eu-north-1"),
                        Map.of("roleArn", "arn:aws:iam::1:role/b", "parentSessionId", "u1")));
        List<ImportReport.Entry> second = run(false).entries();
        assertEquals(
                List.of(Outcome.UNCHANGED, Outcome.UPDATED),
                second.subList(0, 2).stream().map(ImportReport.Entry::outcome).toList());
        assertEquals(
                "arn:aws:iam::1:role/b",
                f.workspace().get("dev-2").attribute("role-arn").orElseThrow());
        assertEquals("eu-north-1", f.workspace().get("dev-2").region().code());
        assertEquals(2, f.workspace().sessions().size());
    }

    /** An access method with a built-in's id and fields, that never gives credentials here. */
    private record Method(String id, boolean requiresAssumer, List<FieldSpec> fields) implements AccessMethod {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public AwsCredentials credentials(CredentialsContext context) {
            throw new UnsupportedOperationException("not started in these tests");
        }
    }
}
