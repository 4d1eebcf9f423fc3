package io.rolehop.adapters.filesystem;

import io.rolehop.adapters.filesystem.IniDocument.Problem;
import io.rolehop.adapters.filesystem.IniDocument.Section;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.ProfileConflictException;
import io.rolehop.domain.NamedProfile;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the credentials and config files share: read and validate (botocore's rules, through {@link IniDocument}),
 * decide whether a profile's section may be written, edit only that section's lines, check that nothing else changed,
 * back up, and replace the file atomically under its lock. Removing a section rolehop appended takes back exactly
 * what appending added, so that a start and a stop leave the file as it was byte for byte, or absent again.
 */
final class AwsSharedFile {
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String BACKUP_MARK = "rolehop-backup-";
    static final String LOCK_SUFFIX = ".rolehop-lock";

    private final Path location;
    private final Duration lockTimeout;
    /**
     * The last file read, kept so that a write after its check (one command) parses the file once: reused only for
     * exactly the same bytes, read again every time (a file of 10,000 profiles takes a short-lived JVM tens of
     * milliseconds to parse; docs/performance.md).
     */
    private volatile Loaded lastLoaded;

    /** Where a profile lives in the file: the header rolehop writes, and which existing headers botocore maps to it. */
    record Target(NamedProfile profile, String header, Predicate<String> matches) {}

    private enum Action {
        NOTHING,
        APPEND,
        REPLACE_OWNED,
        REPLACE_FOREIGN
    }

    private record Decision(Action action, Optional<Section> section) {}

    private record Loaded(byte[] bytes, String text, IniDocument document) {}

    AwsSharedFile(Path location, Duration lockTimeout) {
        this.location = Objects.requireNonNull(location, "location");
        this.lockTimeout = CrossProcessLock.requirePositive(lockTimeout);
    }

    Path location() {
        return location;
    }

    void check(Target target, Map<String, String> settings, boolean force, boolean sameForeignIsFine) {
        Optional<Loaded> current = load();
        decide(current.map(Loaded::document).orElse(IniDocument.parse("")), target, settings, force, sameForeignIsFine);
        Path file = AtomicFiles.writeTarget(location);
        Path directory = file.getParent();
        if ((Files.exists(file) && !Files.isWritable(file))
                || (Files.isDirectory(directory) && !Files.isWritable(directory))) {
            throw new OperationFailedException("cannot write " + location + ": permission denied");
        }
    }

    @SuppressWarnings("try") // the lock is held by the try block itself
    void write(Target target, Map<String, String> settings, boolean force, boolean sameForeignIsFine) {
        try (CrossProcessLock.Held held = lock()) {
            Optional<Loaded> current = load();
            IniDocument before = current.map(Loaded::document).orElse(IniDocument.parse(""));
            Decision decision = decide(before, target, settings, force, sameForeignIsFine);
            String updated;
            Target written = target;
            switch (decision.action()) {
                case NOTHING:
                    return;
                case APPEND:
                    updated = before.append(
                            before.block(target.header(), before.markerForAppend(), settings, Optional.empty()),
                            current.isPresent());
                    break;
                case REPLACE_OWNED:
                    // The section keeps its marker and any section it replaced: both say what removing it takes back.
                    // It keeps its header's spelling too ([profile  "x"] is [profile x] to botocore's profile map,
                    // but another section to its raw reader and to tools keyed on the name).
                    Section owned = decision.section().orElseThrow();
                    written = new Target(target.profile(), owned.name(), target.matches());
                    updated = before.replace(
                            owned,
                            before.block(written.header(), before.marker(owned), settings, before.displaced(owned)));
                    break;
                default:
                    // A section replaced with force travels with rolehop's own, to be put back when that one goes.
                    Section foreign = decision.section().orElseThrow();
                    updated = before.replace(
                            foreign,
                            before.block(
                                    target.header(),
                                    IniDocument.OWNERSHIP_MARKER,
                                    settings,
                                    Optional.of(before.text(foreign))));
                    break;
            }
            verify(before, decision.section(), IniDocument.parse(updated), written, Optional.of(settings));
            if (current.isPresent() && current.get().text().equals(updated)) {
                return;
            }
            if (decision.action() == Action.REPLACE_FOREIGN) {
                AtomicFiles.writeBackup(
                        location,
                        BACKUP_MARK + BACKUP_STAMP.format(Instant.now()),
                        current.orElseThrow().bytes());
            }
            AtomicFiles.replace(location, updated.getBytes(StandardCharsets.UTF_8), AtomicFiles.Mode.KEEP_EXISTING);
        }
    }

    @SuppressWarnings("try") // the lock is held by the try block itself
    boolean remove(Target target) {
        if (!Files.exists(location)) {
            // Nothing to remove, and no reason to create a directory and a lock file to say so.
            return false;
        }
        try (CrossProcessLock.Held held = lock()) {
            Optional<Loaded> current = load();
            if (current.isEmpty()) {
                return false;
            }
            IniDocument before = current.get().document();
            Optional<Section> owned = before.sections().stream()
                    .filter(s -> s.owned() && target.matches().test(s.name()))
                    .findFirst();
            if (owned.isEmpty()) {
                return false;
            }
            Optional<String> displaced = before.displaced(owned.get());
            if (displaced.isPresent()) {
                String restored = before.restore(owned.get(), displaced.get());
                verifyRestored(before, owned.get(), displaced.get(), IniDocument.parse(restored), target);
                AtomicFiles.replace(
                        location, restored.getBytes(StandardCharsets.UTF_8), AtomicFiles.Mode.KEEP_EXISTING);
                return true;
            }
            Optional<String> updated = before.remove(owned.get());
            if (updated.isEmpty()) {
                // rolehop created the file for this section, and nothing else came into it since: it goes again.
                AtomicFiles.delete(location);
                return true;
            }
            verify(before, owned, IniDocument.parse(updated.get()), target, Optional.empty());
            AtomicFiles.replace(
                    location, updated.get().getBytes(StandardCharsets.UTF_8), AtomicFiles.Mode.KEEP_EXISTING);
            return true;
        }
    }

    /**
     * Leaves no settings for the target: removes rolehop's section, unless it keeps a section replaced with force (it
     * stays, empty, to put that one back later); a foreign section is, with force, replaced by an empty one of
     * rolehop's that keeps it, as {@link #write} does.
     */
    void clear(Target target, boolean force) {
        Optional<Loaded> current = load();
        if (current.isEmpty()) {
            return;
        }
        IniDocument document = current.get().document();
        Optional<Section> section = document.sections().stream()
                .filter(s -> target.matches().test(s.name()))
                .findFirst();
        if (section.isEmpty()) {
            return;
        }
        if (section.get().owned() && document.displaced(section.get()).isEmpty()) {
            remove(target);
        } else {
            write(target, Map.of(), force, false);
        }
    }

    /** Answers from the file as it is; a syntax error elsewhere in the file does not hide an owned section. */
    boolean owns(Target target) {
        Optional<byte[]> bytes = AtomicFiles.readIfExists(location);
        if (bytes.isEmpty()) {
            return false;
        }
        IniDocument document = IniDocument.parse(new String(bytes.get(), StandardCharsets.UTF_8));
        return document.sections().stream()
                .anyMatch(s -> s.owned() && target.matches().test(s.name()));
    }

    /** Why the file does not read as botocore reads it (file, line, reason); empty when it does, or is absent. */
    Optional<String> unreadable() {
        try {
            load();
            return Optional.empty();
        } catch (OperationFailedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The settings of the owned section of the profile, in file order; empty when rolehop owns none. */
    Optional<Map<String, String>> ownedSettings(Target target) {
        Optional<byte[]> bytes = AtomicFiles.readIfExists(location);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        IniDocument document = IniDocument.parse(new String(bytes.get(), StandardCharsets.UTF_8));
        return document.sections().stream()
                .filter(s -> s.owned() && target.matches().test(s.name()))
                .findFirst()
                .map(document::settingsInOrder);
    }

    /** The file as botocore would read it, or empty when it does not exist; never writes. */
    Optional<IniDocument> document() {
        return load().map(Loaded::document);
    }

    /**
     * Replaces the file with what {@code change} makes of it (a file that does not exist reads as empty), under the
     * file's lock; nothing is written when the text stays the same.
     */
    @SuppressWarnings("try") // the lock is held by the try block itself
    void edit(java.util.function.Function<IniDocument, String> change) {
        try (CrossProcessLock.Held held = lock()) {
            Optional<Loaded> current = load();
            String updated = change.apply(current.map(Loaded::document).orElse(IniDocument.parse("")));
            if (current.isPresent() && current.get().text().equals(updated)) {
                return;
            }
            if (IniDocument.parse(updated).problem().isPresent()) {
                throw new OperationFailedException("cannot edit " + location + " without making it unreadable to the"
                        + " AWS CLI; edit it by hand and try again");
            }
            AtomicFiles.replace(location, updated.getBytes(StandardCharsets.UTF_8), AtomicFiles.Mode.KEEP_EXISTING);
        }
    }

    /** What a write must do, or the conflict that stops it. */
    private Decision decide(
            IniDocument document,
            Target target,
            Map<String, String> settings,
            boolean force,
            boolean sameForeignIsFine) {
        List<Section> matching = document.sections().stream()
                .filter(s -> target.matches().test(s.name()))
                .toList();
        if (matching.size() > 1) {
            throw new OperationFailedException(location + " has " + matching.size() + " sections for profile '"
                    + target.profile() + "' (lines "
                    + matching.stream().map(s -> String.valueOf(s.lineNumber())).collect(Collectors.joining(", "))
                    + "); the AWS CLI uses only one of them: keep one by hand and try again");
        }
        if (matching.isEmpty()) {
            return new Decision(Action.APPEND, Optional.empty());
        }
        Section section = matching.get(0);
        if (section.owned()) {
            return new Decision(Action.REPLACE_OWNED, Optional.of(section));
        }
        if (sameForeignIsFine && section.values().equals(lowerCaseKeys(settings))) {
            return new Decision(Action.NOTHING, Optional.of(section));
        }
        if (!force) {
            throw new ProfileConflictException("profile '" + target.profile() + "' in " + location + " (line "
                    + section.lineNumber() + ") is not managed by rolehop; --force replaces it after a backup of the"
                    + " file");
        }
        return new Decision(Action.REPLACE_FOREIGN, Optional.of(section));
    }

    /**
     * Parses the edited text again and checks that every section other than the profile's reads exactly as before,
     * and the profile's reads as intended: the guarantee that an edit never changes what botocore sees elsewhere.
     */
    private void verify(
            IniDocument before,
            Optional<Section> replaced,
            IniDocument after,
            Target target,
            Optional<Map<String, String>> expected) {
        List<Map.Entry<String, Map<String, String>>> kept = new ArrayList<>();
        for (Section s : before.sections()) {
            if (replaced.isEmpty() || s.header() != replaced.get().header()) {
                kept.add(Map.entry(s.name(), s.values()));
            }
        }
        List<Map.Entry<String, Map<String, String>>> now = new ArrayList<>();
        int written = 0;
        for (Section s : after.sections()) {
            if (expected.isPresent()
                    && s.owned()
                    && s.name().equals(target.header())
                    && s.values().equals(lowerCaseKeys(expected.get()))) {
                written++;
            } else {
                now.add(Map.entry(s.name(), s.values()));
            }
        }
        boolean ok = after.problem().isEmpty() && kept.equals(now) && written == (expected.isPresent() ? 1 : 0);
        if (!ok) {
            int line = replaced.map(Section::lineNumber)
                    .orElse(
                            before.sections().isEmpty()
                                    ? 1
                                    : before.sections()
                                            .get(before.sections().size() - 1)
                                            .lineNumber());
            throw new OperationFailedException("cannot edit profile '" + target.profile() + "' in " + location
                    + " without changing how the AWS CLI reads other lines (near line " + line
                    + ", probably indentation); edit that part of the file by hand and try again");
        }
    }

    /** Checks that putting a replaced section back changed nothing but that section, which reads as it did. */
    private void verifyRestored(IniDocument before, Section owned, String text, IniDocument after, Target target) {
        List<Section> restored = IniDocument.parse(text).sections();
        List<Map.Entry<String, Map<String, String>>> expected = new ArrayList<>();
        for (Section s : before.sections()) {
            if (s.header() != owned.header()) {
                expected.add(Map.entry(s.name(), s.values()));
            } else {
                restored.forEach(r -> expected.add(Map.entry(r.name(), r.values())));
            }
        }
        List<Map.Entry<String, Map<String, String>>> now = after.sections().stream()
                .map(s -> Map.entry(s.name(), s.values()))
                .toList();
        if (after.problem().isPresent() || !expected.equals(now)) {
            throw new OperationFailedException("cannot put profile '" + target.profile() + "' back in " + location
                    + " as it was before --force (near line " + owned.lineNumber() + "); the backup next to the file"
                    + " holds it: restore it by hand");
        }
    }

    /** The file's bytes and parsed lines, or empty if it does not exist; an unparseable file is an error. */
    private Optional<Loaded> load() {
        Optional<byte[]> bytes = AtomicFiles.readIfExists(location);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Loaded last = lastLoaded;
        if (last != null && Arrays.equals(last.bytes(), bytes.get())) {
            return Optional.of(last);
        }
        String text = decode(bytes.get());
        IniDocument document = IniDocument.parse(text);
        document.problem().ifPresent(p -> {
            throw unparseable(p);
        });
        Loaded loaded = new Loaded(bytes.get(), text, document);
        lastLoaded = loaded;
        return Optional.of(loaded);
    }

    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw unparseable(new Problem(line, "not valid UTF-8 text"));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private OperationFailedException unparseable(Problem problem) {
        // The line's text is never quoted: it may hold a secret key.
        return new OperationFailedException(location + " line " + problem.lineNumber() + ": " + problem.reason()
                + "; rolehop does not rewrite a file the AWS CLI cannot read: fix that line and try again");
    }

    private CrossProcessLock.Held lock() {
        Path target = AtomicFiles.writeTarget(location);
        Path lockFile = target.resolveSibling("." + target.getFileName() + LOCK_SUFFIX);
        return new CrossProcessLock(lockFile, location, lockTimeout).acquire();
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
