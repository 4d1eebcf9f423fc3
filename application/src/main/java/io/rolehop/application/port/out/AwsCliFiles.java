package io.rolehop.application.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS CLI's own setup, read from its shared config and credentials files as botocore reads them, and the few
 * edits that taking its profiles over needs (see docs/user-guide/migrating.md, "From the AWS CLI").
 *
 * <p>Reading never changes a byte of either file. The edits touch only the sections named, under each file's lock,
 * replacing the file atomically, and check that every other section still reads as before.
 */
public interface AwsCliFiles {

    /** Which of the two files a section lives in. */
    enum File {
        CONFIG,
        CREDENTIALS
    }

    /**
     * One section as the file holds it.
     *
     * @param file the file it is in
     * @param header the header's text between the brackets, as written
     * @param profile the profile botocore files it under
     * @param text its exact lines, header to last setting, line endings included (may hold secrets: never shown)
     */
    record Section(File file, String header, String profile, String text) {
        public Section {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Section[" + file + " [" + header + "]]";
        }
    }

    /**
     * The setup botocore sees.
     *
     * @param profiles each profile's settings, the credentials file's winning over the config file's key by key, in
     *     the order botocore finds them; nested sub-sections left out
     * @param ssoSessions the {@code [sso-session NAME]} sections of the config file
     * @param sections the sections behind each profile, in both files
     * @param owned the profiles whose sections rolehop manages already (written by rolehop, not the user's)
     */
    record Setup(
            Map<String, Map<String, String>> profiles,
            Map<String, Map<String, String>> ssoSessions,
            List<Section> sections,
            List<String> owned) {
        public Setup {
            profiles = Map.copyOf(Objects.requireNonNull(profiles, "profiles"));
            ssoSessions = Map.copyOf(Objects.requireNonNull(ssoSessions, "ssoSessions"));
            sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
            owned = List.copyOf(Objects.requireNonNull(owned, "owned"));
        }

        /** The sections of {@code profile}, config file first. */
        public List<Section> sectionsOf(String profile) {
            return sections.stream().filter(s -> s.profile().equals(profile)).toList();
        }

        @Override
        public String toString() {
            return "Setup[profiles=" + profiles.keySet() + ", ssoSessions=" + ssoSessions.keySet() + "]";
        }
    }

    /**
     * Reads both files; a missing file reads as empty.
     *
     * @throws io.rolehop.application.OperationFailedException naming the file and line when botocore would refuse it
     */
    Setup read();

    /**
     * Replaces {@code original} in its file by a section of rolehop's with the same header and {@code settings}
     * (none: an empty section that only marks the profile as rolehop's).
     *
     * @throws io.rolehop.application.OperationFailedException when the section no longer reads as {@code original}
     */
    void takeOver(Section original, Map<String, String> settings);

    /**
     * Puts {@code original} back: in place of rolehop's section under the same header, or at the end of the file
     * when there is none.
     *
     * @return empty when put back, else why not (a section of the user's holds that header now)
     */
    Optional<String> giveBack(Section original);

    /** Where a file is, for messages. */
    Path location(File file);
}
