package io.rolehop.adapters.filesystem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.SessionStatus;
import io.rolehop.domain.Text;
import io.rolehop.domain.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The workspace's JSON format, {@code "schemaVersion": 1}, apart from the file that holds it: bytes to a
 * {@link Workspace} and back, nothing read or written, nothing locked. Described in docs/architecture.md.
 */
public final class JsonWorkspaceCodec {
    /** The schema version this codec writes, and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final Set<String> ROOT_FIELDS =
            Set.of("schemaVersion", "defaultRegion", "profiles", "settings", "sessions");
    private static final Set<String> SESSION_FIELDS = Set.of(
            "id", "alias", "method", "profile", "region", "status", "assumer", "attributes", "expiration", "mode");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    // ---- writing ----

    /**
     * The file's bytes for {@code workspace}: indented JSON, keys in a stable order, ending with a new line.
     *
     * @throws UncheckedIOException if Jackson cannot write it (it can always, short of a bug)
     */
    public byte[] encode(Workspace workspace) {
        ObjectNode root = json.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("defaultRegion", workspace.defaultRegion().code());
        ArrayNode profiles = root.putArray("profiles");
        workspace.profiles().forEach(p -> profiles.add(p.name()));
        ObjectNode settings = root.putObject("settings");
        new TreeMap<>(workspace.settings()).forEach(settings::put);
        ArrayNode sessions = root.putArray("sessions");
        for (Session s : workspace.sessions()) {
            ObjectNode node = sessions.addObject();
            node.put("id", s.id().value());
            node.put("alias", s.alias().value());
            node.put("method", s.method().value());
            node.put("profile", s.profile().name());
            node.put("region", s.region().code());
            node.put("status", s.status().label());
            node.put("mode", s.mode().label());
            s.assumer().ifPresent(a -> node.put("assumer", a.value()));
            ObjectNode attributes = node.putObject("attributes");
            new TreeMap<>(s.attributes()).forEach(attributes::put);
            s.expiration().ifPresent(e -> node.put("expiration", e.toString()));
        }
        try {
            return (json.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reading ----

    /**
     * The workspace in a file's {@code bytes}: strict JSON (no duplicate keys, nothing after the object), schema
     * version 1 or older, no unknown field (the next save would drop it).
     *
     * @throws Unreadable naming what is wrong, with the line and column of a JSON error
     */
    public Workspace decode(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw unreadable("it is not valid JSON" + where, e);
        } catch (IOException e) {
            throw unreadable("it cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw unreadable("it is empty", null);
        }
        if (!root.isObject()) {
            throw unreadable("it is not a JSON object", null);
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw unreadable("it has no integer \"schemaVersion\"", null);
        }
        if (version.asLong() > SCHEMA_VERSION) {
            throw new Unreadable(
                    "it has schema version " + version.asLong() + ", newer than " + SCHEMA_VERSION,
                    version.asLong(),
                    null);
        }
        if (version.asLong() < 1) {
            throw unreadable("its schemaVersion " + version.asLong() + " is not valid", null);
        }
        try {
            requireOnly(root, ROOT_FIELDS, "the top level");
            Region defaultRegion = Region.of(text(root, "defaultRegion", "the top level"));
            List<NamedProfile> profiles = new ArrayList<>();
            for (JsonNode p : array(root, "profiles")) {
                profiles.add(NamedProfile.stored(string(p, "an entry of \"profiles\"")));
            }
            Map<String, String> settings = strings(object(root, "settings", "the top level"), "\"settings\"");
            List<Session> sessions = new ArrayList<>();
            int index = 0;
            for (JsonNode s : array(root, "sessions")) {
                sessions.add(session(s, "sessions[" + index++ + "]"));
            }
            return new Workspace(sessions, profiles, defaultRegion, settings);
        } catch (Invalid | DomainException | DateTimeParseException e) {
            throw unreadable(e.getMessage(), e);
        }
    }

    private Session session(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new Invalid(where + " is not an object");
        }
        requireOnly(node, SESSION_FIELDS, where);
        JsonNode assumer = node.get("assumer");
        JsonNode expiration = node.get("expiration");
        JsonNode mode = node.get("mode");
        return new Session(
                new SessionId(text(node, "id", where)),
                Alias.stored(text(node, "alias", where)),
                AccessMethodId.of(text(node, "method", where)),
                NamedProfile.stored(text(node, "profile", where)),
                Region.of(text(node, "region", where)),
                status(text(node, "status", where), where),
                assumer == null || assumer.isNull()
                        ? Optional.empty()
                        : Optional.of(new SessionId(string(assumer, where + ".assumer"))),
                strings(object(node, "attributes", where), where + ".attributes"),
                expiration == null || expiration.isNull()
                        ? Optional.empty()
                        : Optional.of(instant(string(expiration, where + ".expiration"), where + ".expiration")),
                mode == null ? DeliveryMode.FILE : DeliveryMode.parse(string(mode, where + ".mode")));
    }

    /** An ISO-8601 instant; the parser's own message would quote the text as it is, invisible characters and all. */
    private static Instant instant(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(where + " '" + Text.printable(text) + "' is not an ISO-8601 UTC instant such as"
                    + " 2030-01-01T00:00:00Z");
        }
    }

    private static SessionStatus status(String label, String where) {
        for (SessionStatus s : SessionStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new Invalid(where + ".status '" + Text.printable(label) + "' is not one of inactive, pending, active");
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, String where) {
        // An unknown field would be dropped by the next save: refuse it rather than lose data silently.
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new Invalid(where + " has an unknown field \"" + Text.printable(name) + "\"");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new Invalid(where + " has no \"" + field + "\"");
        }
        return string(value, where + "." + field);
    }

    private static String string(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new Invalid(where + " is not a string");
        }
        return value.textValue();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Invalid("\"" + field + "\" is not an array");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new Invalid(where + " has no object \"" + field + "\"");
        }
        return value;
    }

    private static Map<String, String> strings(JsonNode object, String where) {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), string(e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }

    private static Unreadable unreadable(String why, Exception cause) {
        return new Unreadable(why, 0, cause);
    }

    /**
     * Bytes that are not a workspace this codec reads; the message says why (it names fields and positions, and
     * quotes text only through {@link Text#printable}).
     */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long newerVersion;

        Unreadable(String why, long newerVersion, Exception cause) {
            super(why, cause);
            this.newerVersion = newerVersion;
        }

        /**
         * The schema version of a workspace newer than this codec reads (upgrading rolehop, not editing, is the
         * fix), or 0 when the bytes are not a workspace at all.
         */
        public long newerVersion() {
            return newerVersion;
        }
    }

    /** Content that is valid JSON but not a workspace; becomes an {@link OperationFailedException}. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }
}
