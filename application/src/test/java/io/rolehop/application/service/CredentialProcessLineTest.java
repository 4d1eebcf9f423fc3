package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.fakes.InMemoryConfigFile;
import io.rolehop.application.fakes.InMemoryCredentialsFile;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the launcher path is written into a credential_process line (see docs/handing-out-credentials.md). That
 * botocore, sh -c and the AWS SDK for Java read the lines alike is proved with all three in CredentialProcessLineIT.
 */
class CredentialProcessLineTest {
    private static final TemporaryCredentials CREDENTIALS =
            new TemporaryCredentials("ASIALINETEST00000001", "secret", "token", Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void aPathOfPlainCharactersIsWrittenAsItIs() {
        assertEquals("/home/ann/.rolehop/bin/rolehop", ProfileApplier.commandWord("/home/ann/.rolehop/bin/rolehop"));
        assertEquals("/a/b_c-d+e:f@g/rolehop", ProfileApplier.commandWord("/a/b_c-d+e:f@g/rolehop"));
    }

    @Test
    void anyOtherPrintablePathIsSingleQuotedWithItsQuotesSpelledOut() {
        assertEquals(
                "'/Users/Ann Smith/.rolehop/bin/rolehop'",
                ProfileApplier.commandWord("/Users/Ann Smith/.rolehop/bin/rolehop"));
        assertEquals(
                "'/x/$(touch pwned)/it'\\''s \"here\";#/rolehop'",
                ProfileApplier.commandWord("/x/$(touch pwned)/it's \"here\";#/rolehop"));
        assertEquals("'/a=b/~/rolehop'", ProfileApplier.commandWord("/a=b/~/rolehop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home #x/rolehop", "/home ;x/rolehop", "/home/x #/rolehop"})
    void aBlankBeforeACommentCharacterIsRefused(String path) {
        UsageException e = assertThrows(UsageException.class, () -> ProfileApplier.commandWord(path));
        assertTrue(
                e.getMessage()
                        .contains("the AWS SDK for Java reads a blank followed by '#' or ';' as the start of"
                                + " a comment"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("set ROLEHOP_HOME to a directory whose path has no such characters, or use"
                                + " --mode file"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home/x\ny/rolehop", "/home/\u00e9/rolehop", "/home/\u0007/rolehop"})
    void aCharacterOutsidePrintableAsciiIsRefusedAndShownEscaped(String path) {
        UsageException e = assertThrows(UsageException.class, () -> ProfileApplier.commandWord(path));
        assertTrue(e.getMessage().contains("other than printable ASCII"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aStoredProfileNameTheJavaSdkIgnoresIsNeverWritten() {
        InMemoryConfigFile config = new InMemoryConfigFile();
        InMemoryCredentialsFile credentials = new InMemoryCredentialsFile();
        ProfileApplier applier = new ProfileApplier(credentials, config, () -> "/opt/rolehop/bin/rolehop");
        Session session = Session.create(
                Alias.of("dev"),
                AccessMethodId.of("aws-iam-role-chained"),
                NamedProfile.stored("team=dev"),
                Region.of("us-east-1"),
                Optional.empty(),
                Map.of());
        for (DeliveryMode mode : DeliveryMode.values()) {
            UsageException e =
                    assertThrows(UsageException.class, () -> applier.apply(session, CREDENTIALS, mode, false));
            assertEquals(
                    "the profile name 'team=dev' of session 'dev' holds '=', and the AWS SDK for Java ignores such"
                            + " a profile; move the session to another profile with 'rolehop session edit "
                            + session.id()
                            + " --profile NEW'",
                    e.getMessage());
        }
        assertEquals(Map.of(), config.sections());
        assertEquals(Map.of(), credentials.sections());
    }
}
