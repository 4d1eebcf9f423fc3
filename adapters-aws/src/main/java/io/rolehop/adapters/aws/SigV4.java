package io.rolehop.adapters.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for one request whose URI has no query string to normalise beyond what it carries: the
 * canonical request, the string to sign and the {@code Authorization} header, as the AWS documentation specifies them.
 * Stateless; nothing here keeps or shows a secret.
 */
final class SigV4 {
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final int HMAC_BLOCK = 64;

    /** The headers to send with a signed request: those given, plus {@code X-Amz-Date}, the token, the signature. */
    record Signed(Map<String, String> headers, String canonicalRequest, String stringToSign) {}

    private SigV4() {}

    /**
     * Signs a request.
     *
     * @param headers the headers to sign besides {@code host}, {@code x-amz-date} and {@code x-amz-security-token},
     *     names in any case
     * @param sessionToken the caller's session token, for temporary credentials
     */
    static Signed sign(
            String method,
            URI uri,
            Map<String, String> headers,
            byte[] body,
            String region,
            String service,
            String accessKeyId,
            String secretAccessKey,
            Optional<String> sessionToken,
            Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        TreeMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.strip()));
        canonical.put("host", host(uri));
        canonical.put("x-amz-date", amzDate);
        sessionToken.ifPresent(t -> canonical.put("x-amz-security-token", t));
        StringBuilder canonicalHeaders = new StringBuilder();
        canonical.forEach((name, value) ->
                canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", canonical.keySet());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        // Appended rather than '+': in a short-lived JVM the first string concatenations link method handles that
        // cost more than the signature itself.
        String canonicalRequest = new StringBuilder(512)
                .append(method)
                .append('\n')
                .append(path)
                .append('\n')
                .append(query)
                .append('\n')
                .append(canonicalHeaders)
                .append('\n')
                .append(signedHeaders)
                .append('\n')
                .append(HEX.formatHex(sha256(body)))
                .toString();
        String scope = new StringBuilder(64)
                .append(date)
                .append('/')
                .append(region)
                .append('/')
                .append(service)
                .append("/aws4_request")
                .toString();
        String stringToSign = new StringBuilder(160)
                .append("AWS4-HMAC-SHA256\n")
                .append(amzDate)
                .append('\n')
                .append(scope)
                .append('\n')
                .append(HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))))
                .toString();
        byte[] key = hmac(
                new StringBuilder("AWS4").append(secretAccessKey).toString().getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));
        Map<String, String> out = new TreeMap<>(headers);
        out.put("X-Amz-Date", amzDate);
        sessionToken.ifPresent(t -> out.put("X-Amz-Security-Token", t));
        out.put(
                "Authorization",
                new StringBuilder(256)
                        .append("AWS4-HMAC-SHA256 Credential=")
                        .append(accessKeyId)
                        .append('/')
                        .append(scope)
                        .append(", SignedHeaders=")
                        .append(signedHeaders)
                        .append(", Signature=")
                        .append(signature)
                        .toString());
        return new Signed(out, canonicalRequest, stringToSign);
    }

    /**
     * The {@code Host} header HttpURLConnection sends for {@code uri}: the port only when the URI names one other than
     * its scheme's default ({@code https://host:443} is sent as {@code host}).
     */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
        return defaultPort
                ? uri.getHost()
                : new StringBuilder(uri.getHost()).append(':').append(port).toString();
    }

    private static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /**
     * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256. Written out rather than taken from {@code javax.crypto.Mac}:
     * the first {@code Mac} of a process initialises the JCE and loads every installed provider, some 30 ms that a
     * short-lived JVM would spend on each cold {@code session generate}; {@code SigV4Test} holds it to RFC 4231 and to
     * {@code Mac} itself.
     */
    static byte[] hmac(byte[] key, byte[] data) {
        MessageDigest sha = sha256();
        byte[] block = Arrays.copyOf(key.length > HMAC_BLOCK ? sha.digest(key) : key, HMAC_BLOCK);
        byte[] inner = new byte[HMAC_BLOCK];
        byte[] outer = new byte[HMAC_BLOCK];
        for (int i = 0; i < HMAC_BLOCK; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        sha.update(inner);
        byte[] innerHash = sha.digest(data);
        sha.update(outer);
        return sha.digest(innerHash);
    }

    private static byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
