package io.rolehop.example.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialProcessOutputTest {
    private static final Instant DEFAULT = Instant.parse("2030-01-01T00:00:00Z");
    private static final String SECRET = "s3cr3t/VALUE+that+must+never+show";

    @Test
    void readsTemporaryCredentials() {
        AwsCredentials c = CredentialProcessOutput.parse("""
                {"Version": 1, "AccessKeyId": "ASIAEXAMPLEEXAMPLE12", "SecretAccessKey": "%s",
                 "SessionToken": "token\\/with\\u0041escapes", "Expiration": "2031-02-03T04:05:06Z"}
                """.formatted(SECRET), DEFAULT);
        TemporaryCredentials t = assertInstanceOf(TemporaryCredentials.class, c);
        assertEquals("ASIAEXAMPLEEXAMPLE12", t.accessKeyId());
        assertEquals(SECRET, t.secretAccessKey());
        assertEquals("token/withAescapes", t.sessionToken());
        assertEquals(Instant.parse("2031-02-03T04:05:06Z"), t.expiration());
    }

    @Test
    void expirationWithAnOffsetIsConvertedToUtc() {
        TemporaryCredentials t = (TemporaryCredentials) CredentialProcessOutput.parse(
                "{\"Version\":1,"
                        + "\"AccessKeyId\":\"ASIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"x\",\"SessionToken\":\"y\","
                        + "\"Expiration\":\"2031-02-03T06:05:06+02:00\"}",
                DEFAULT);
        assertEquals(Instant.parse("2031-02-03T04:05:06Z"), t.expiration());
    }

    @Test
    void withoutSessionTokenTheKeysAreLongTerm() {
        AwsCredentials c = CredentialProcessOutput.parse(
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"x\"}", DEFAULT);
        assertInstanceOf(LongTermCredentials.class, c);
    }

    @Test
    void aTokenWithoutExpirationGetsTheDefault() {
        TemporaryCredentials t = (TemporaryCredentials) CredentialProcessOutput.parse(
                "{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"x\",\"SessionToken\":\"y\"}",
                DEFAULT);
        assertEquals(DEFAULT, t.expiration());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{",
                "{\"Version\":2,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET\"}",
                "{\"Version\":\"1\",\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET\"}",
                "{\"Version\":1,\"SecretAccessKey\":\"SECRET\"}",
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\"}",
                "{\"Version\":1,\"AccessKeyId\":\"lower-case-id\",\"SecretAccessKey\":\"SECRET\"}",
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET\",\"SessionToken\":\"t\","
                        + "\"Expiration\":\"tomorrow\"}",
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET\"} trailing",
                "{\"Version\":1,\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET\"}",
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":{\"SECRET\":1}}",
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET\u0001\"}",
                "{\"Version\":1,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"SECRET with space\"}"
            })
    void badOutputIsRefusedWithoutQuotingValues(String output) {
        CredentialProcessOutput.InvalidOutputException e = assertThrows(
                CredentialProcessOutput.InvalidOutputException.class,
                () -> CredentialProcessOutput.parse(output, DEFAULT));
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }
}
