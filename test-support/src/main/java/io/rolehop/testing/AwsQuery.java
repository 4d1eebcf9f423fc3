package io.rolehop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed calls of the AWS Query protocol (IAM, STS) against moto, with SigV4 written out here so the fixtures need
 * neither the AWS SDK nor a Python process. moto checks these signatures once its no-auth budget is spent, so the
 * signer must be exact.
 */
final class AwsQuery {
    static final String REGION = "us-east-1";
    private static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** Who signs: an access key id, its secret and, for temporary credentials, the session token. */
    record Signer(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {}

    /** The status and body of an answer. */
    record Response(int status, String body) {

        /** The text of the first element {@code tag}, XML entities decoded. */
        Optional<String> value(String tag) {
            Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL)
                    .matcher(body);
            return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
        }

        String require(String tag) {
            return value(tag)
                    .orElseThrow(() -> new IllegalStateException("no <" + tag + "> in moto's answer: " + body));
        }
    }

    private AwsQuery() {}

    /**
     * Posts {@code Action} with {@code parameters} to {@code endpoint} for {@code service}, signed by {@code signer}.
     *
     * @throws IllegalStateException when the answer is not HTTP 200, with moto's error code and message
     */
    static Response call(
            URI endpoint,
            String service,
            String version,
            String action,
            Map<String, String> parameters,
            Signer signer) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", version);
        form.putAll(parameters);
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
        Response response = post(endpoint, service, body.toString().getBytes(StandardCharsets.UTF_8), signer);
        if (response.status() != 200) {
            throw new IllegalStateException(service + ":" + action + " failed with HTTP " + response.status() + " "
                    + response.value("Code").orElse("?") + ": "
                    + response.value("Message").orElse(response.body()));
        }
        return response;
    }

    private static Response post(URI endpoint, String service, byte[] body, Signer signer) {
        String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        Instant now = Instant.now();
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        StringBuilder canonicalHeaders = new StringBuilder()
                .append("content-type:")
                .append(CONTENT_TYPE)
                .append('\n')
                .append("host:")
                .append(host)
                .append('\n')
                .append("x-amz-date:")
                .append(amzDate)
                .append('\n');
        String signedHeaders = "content-type;host;x-amz-date";
        if (signer.sessionToken().isPresent()) {
            canonicalHeaders
                    .append("x-amz-security-token:")
                    .append(signer.sessionToken().get())
                    .append('\n');
            signedHeaders += ";x-amz-security-token";
        }
        String canonicalRequest =
                "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + HEX.formatHex(sha256(body));
        String scope = date + "/" + REGION + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + signer.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, REGION);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));
        String authorization = "AWS4-HMAC-SHA256 Credential=" + signer.accessKeyId() + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature;
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", CONTENT_TYPE);
            connection.setRequestProperty("X-Amz-Date", amzDate);
            connection.setRequestProperty("Authorization", authorization);
            signer.sessionToken().ifPresent(t -> connection.setRequestProperty("X-Amz-Security-Token", t));
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = in == null ? "" : new String(readAll(in), StandardCharsets.UTF_8);
            connection.disconnect();
            return new Response(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot call " + service + " at " + endpoint, e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    static String encode(String value) {
        // RFC 3986 style; the signature covers the raw body, so only the server's form decoding must agree.
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
