package io.rolehop.adapters.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.LeappWorkspace;
import io.rolehop.application.port.out.LeappWorkspaceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Leapp's workspace file, {@code ~/.Leapp/Leapp-lock.json}. Leapp writes it with CryptoJS's {@code AES.encrypt(json,
 * passphrase)}: base64 of OpenSSL's {@code Salted__} format, the key and IV from EVP_BytesToKey (MD5, one round) over
 * the passphrase and an 8-byte salt, AES-256-CBC with PKCS#7 padding. The passphrase is node-machine-id's
 * {@code machineIdSync()}: the SHA-256 hex of the machine id, which on Linux is the first line of
 * {@code /var/lib/dbus/machine-id} or else {@code /etc/machine-id}, all white space removed and lower-cased (see
 * docs/user-guide/migrating.md, "From Leapp").
 */
public final class LeappLockFile implements LeappWorkspaceReader {
    private static final byte[] SALTED = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path defaultFile;
    private final List<Path> machineIdFiles;

    /** Leapp's file under {@code home}, this machine's id files. */
    public LeappLockFile(Path home) {
        this(
                home.resolve(".Leapp").resolve("Leapp-lock.json"),
                List.of(Path.of("/var/lib/dbus/machine-id"), Path.of("/etc/machine-id")));
    }

    LeappLockFile(Path defaultFile, List<Path> machineIdFiles) {
        this.defaultFile = Objects.requireNonNull(defaultFile, "defaultFile");
        this.machineIdFiles = List.copyOf(machineIdFiles);
    }

    @Override
    public LeappWorkspace read(Optional<Path> given, Optional<String> machineId) {
        Path file = given.orElse(defaultFile);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no Leapp workspace at " + file + "; give its path with --file");
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String id = machineId.map(LeappLockFile::normalise).orElseGet(this::thisMachinesId);
        String json = decrypt(file, text, passphrase(id));
        return parse(file, json);
    }

    /** node-machine-id's {@code machineIdSync()} for a machine id as the machine reports it. */
    static String passphrase(String machineId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(machineId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String normalise(String machineId) {
        return machineId.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private String thisMachinesId() {
        for (Path candidate : machineIdFiles) {
            try {
                String first = Files.readAllLines(candidate, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
                if (!first.isBlank()) {
                    return normalise(first);
                }
            } catch (IOException e) {
                // The next file, as node-machine-id's 'cat a b | head -n 1' does.
            }
        }
        throw new UsageException("cannot find this machine's id (" + machineIdFiles.get(0) + " or "
                + machineIdFiles.get(machineIdFiles.size() - 1) + "); give the id of the machine that wrote the"
                + " file with --machine-id");
    }

    static String decrypt(Path file, String text, String passphrase) {
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw notLeapp(file);
        }
        if (data.length < 32 || !Arrays.equals(Arrays.copyOf(data, SALTED.length), SALTED)) {
            throw notLeapp(file);
        }
        byte[] salt = Arrays.copyOfRange(data, 8, 16);
        byte[] keyAndIv = evpBytesToKey(passphrase.getBytes(StandardCharsets.UTF_8), salt, 48);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(keyAndIv, 0, 32, "AES"),
                    new IvParameterSpec(keyAndIv, 32, 16));
            byte[] plain = cipher.doFinal(data, 16, data.length - 16);
            String json = new String(plain, StandardCharsets.UTF_8);
            if (!json.stripLeading().startsWith("{")) {
                throw new GeneralSecurityException("not JSON");
            }
            return json;
        } catch (GeneralSecurityException e) {
            throw new OperationFailedException("cannot decrypt " + file + " with this machine's id; Leapp's key"
                    + " comes from the machine that wrote it: give that machine's id with --machine-id (Linux:"
                    + " /etc/machine-id, macOS: IOPlatformUUID, Windows: MachineGuid)");
        }
    }

    /** OpenSSL's EVP_BytesToKey with MD5 and one round: D_i = MD5(D_{i-1} || passphrase || salt). */
    private static byte[] evpBytesToKey(byte[] passphrase, byte[] salt, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] out = new byte[length];
            byte[] previous = new byte[0];
            for (int filled = 0; filled < length; ) {
                md5.update(previous);
                md5.update(passphrase);
                md5.update(salt);
                previous = md5.digest();
                int n = Math.min(previous.length, length - filled);
                System.arraycopy(previous, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static LeappWorkspace parse(Path file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw notLeapp(file);
        }
        if (!root.isObject() || !root.path("_sessions").isArray()) {
            throw notLeapp(file);
        }
        List<LeappWorkspace.Profile> profiles = new ArrayList<>();
        root.path("_profiles")
                .forEach(p -> text(p, "id")
                        .ifPresent(id ->
                                text(p, "name").ifPresent(name -> profiles.add(new LeappWorkspace.Profile(id, name)))));
        List<LeappWorkspace.Session> sessions = new ArrayList<>();
        for (JsonNode s : root.path("_sessions")) {
            Optional<String> id = text(s, "sessionId");
            Optional<String> type = text(s, "type");
            if (id.isEmpty() || type.isEmpty()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            s.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && !f.getValue().asText().isEmpty()) {
                    fields.put(f.getKey(), f.getValue().asText());
                }
            });
            sessions.add(new LeappWorkspace.Session(
                    id.get(), type.get(), text(s, "sessionName").orElse(id.get()), text(s, "region"), fields));
        }
        List<LeappWorkspace.SsoIntegration> integrations = new ArrayList<>();
        root.path("_awsSsoIntegrations").forEach(i -> {
            Optional<String> id = text(i, "id");
            Optional<String> url = text(i, "portalUrl");
            Optional<String> region = text(i, "region");
            if (id.isPresent() && url.isPresent() && region.isPresent()) {
                integrations.add(new LeappWorkspace.SsoIntegration(
                        id.get(), text(i, "alias").orElse(id.get()), url.get(), region.get()));
            }
        });
        return new LeappWorkspace(file, text(root, "_defaultRegion"), profiles, sessions, integrations);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static UsageException notLeapp(Path file) {
        return new UsageException(file + " is not a Leapp workspace file (Leapp-lock.json)");
    }
}
