package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SigV4 against the worked example of the AWS documentation (IAM ListUsers, 2015-08-30). */
class SigV4Test {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final SigV4.Signed SIGNED = SigV4.sign(
            "GET",
            URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            new byte[0],
            "us-east-1",
            "iam",
            "AKIDEXAMPLE",
            SECRET,
            Optional.empty(),
            Instant.parse("2015-08-30T12:36:00Z"));

    @Test
    void buildsTheDocumentedCanonicalRequest() {
        assertEquals(
                "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                        + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
                        + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SIGNED.canonicalRequest());
        assertEquals(
                "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                        + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
                SIGNED.stringToSign());
    }

    @Test
    void signsAsDocumented() {
        assertEquals(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
                SIGNED.headers().get("Authorization"));
        assertEquals("20150830T123600Z", SIGNED.headers().get("X-Amz-Date"));
        SIGNED.headers().values().forEach(v -> assertFalse(v.contains(SECRET), v));
    }

    @Test
    void hmacMatchesRfc4231() {
        assertEquals(
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hex(SigV4.hmac(repeat(0x0b, 20), "Hi There".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex(SigV4.hmac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hex(SigV4.hmac(
                        repeat(0xaa, 131),
                        "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))),
                "a key longer than the block is hashed first");
    }

    @Test
    void hmacMatchesTheJdksMacOnRandomKeysAndMessages() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[random.nextInt(200)];
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(data);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            if (key.length == 0) {
                continue; // SecretKeySpec refuses an empty key; RFC 2104 would pad it like a short one
            }
            assertEquals(
                    hex(mac.doFinal(data)), hex(SigV4.hmac(key, data)), "key " + key.length + " data " + data.length);
        }
    }

    @Test
    void theHostHeaderLeavesOutTheSchemesDefaultPortAsHttpUrlConnectionDoes() {
        assertEquals("sts.eu-west-1.amazonaws.com", SigV4.host(URI.create("https://sts.eu-west-1.amazonaws.com:443")));
        assertEquals("sts.eu-west-1.amazonaws.com", SigV4.host(URI.create("https://sts.eu-west-1.amazonaws.com")));
        assertEquals("localhost", SigV4.host(URI.create("http://localhost:80/")));
        assertEquals("localhost:443", SigV4.host(URI.create("http://localhost:443/")));
        assertEquals("127.0.0.1:5000", SigV4.host(URI.create("http://127.0.0.1:5000")));
    }

    private static byte[] repeat(int value, int times) {
        byte[] out = new byte[times];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    @Test
    void signsTheSessionTokenOfTemporaryCredentials() {
        SigV4.Signed signed = SigV4.sign(
                "POST",
                URI.create("http://127.0.0.1:5000/"),
                Map.of(),
                new byte[0],
                "us-east-1",
                "sts",
                "ASIAEXAMPLE",
                SECRET,
                Optional.of("the-token"),
                Instant.parse("2015-08-30T12:36:00Z"));

        assertEquals("the-token", signed.headers().get("X-Amz-Security-Token"));
        assertEquals(true, signed.canonicalRequest().contains("host:127.0.0.1:5000\n"));
        assertEquals(
                true,
                signed.headers()
                        .get("Authorization")
                        .contains("SignedHeaders=host;x-amz-date;" + "x-amz-security-token,"));
    }
}
