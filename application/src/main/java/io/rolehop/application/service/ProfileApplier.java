package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Hands a session's credentials to tools through its named profile: keys in the credentials file plus the region in
 * the config file ({@link DeliveryMode#FILE}), or a {@code credential_process} line and the region in the config file
 * ({@link DeliveryMode#CREDENTIAL_PROCESS}); and takes them away again.
 */
public final class ProfileApplier {
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./+:@-]+");
    private static final Pattern COMMENT_START = Pattern.compile("[ \t][#;]");

    private final CredentialsFile credentialsFile;
    private final ConfigFile configFile;
    private final Supplier<String> launcher;

    /** With {@code rolehop} found on the PATH of the tools that run {@code credential_process}. */
    public ProfileApplier(CredentialsFile credentialsFile, ConfigFile configFile) {
        this(credentialsFile, configFile, () -> "rolehop");
    }

    /**
     * @param launcher the absolute path of the {@code rolehop} launcher written into credential_process lines, asked
     *     for each line written (the cli keeps a stable link there, see docs/handing-out-credentials.md)
     */
    public ProfileApplier(CredentialsFile credentialsFile, ConfigFile configFile, Supplier<String> launcher) {
        this.credentialsFile = Objects.requireNonNull(credentialsFile, "credentialsFile");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** Writes in file mode. */
    public void apply(Session session, TemporaryCredentials credentials, boolean force) {
        apply(session, credentials, DeliveryMode.FILE, force);
    }

    /**
     * Checks both files first, so that a conflict in either leaves both untouched, then writes them: the config file
     * first, then the credentials file. When the credentials file cannot be written after all (its lock held too long
     * by another tool, a full disk), the config section is put back as it was, so that a failed start leaves both
     * files as they were.
     */
    public void apply(Session session, TemporaryCredentials credentials, DeliveryMode mode, boolean force) {
        NamedProfile profile = session.profile();
        if (!profile.readableByEverySdk()) {
            throw new UsageException("the profile name '" + profile + "' of session '" + session.alias()
                    + "' holds '=', and the AWS SDK for Java ignores such a profile; move the session to another"
                    + " profile with 'rolehop session edit " + session.id() + " --profile NEW'");
        }
        Map<String, String> config = configFor(session, mode);
        // In credential_process mode too: foreign keys for the profile would win in the AWS CLI and botocore, while
        // the Java SDK runs the process, and the user's tools would disagree on who they are.
        credentialsFile.checkWritable(profile, force);
        configFile.checkWritable(profile, config, force);
        Optional<Map<String, String>> before = configFile.owned(profile);
        configFile.write(profile, config, force);
        try {
            if (mode == DeliveryMode.FILE) {
                credentialsFile.write(profile, credentials, force);
            } else {
                // Keys for this profile would win over credential_process in the AWS CLI: rolehop's go, a foreign
                // section is moved aside (force), to come back on stop.
                credentialsFile.clear(profile, force);
            }
        } catch (RuntimeException e) {
            try {
                if (before.isPresent()) {
                    configFile.write(profile, before.get(), false);
                } else {
                    // There was no section, or a foreign one: remove takes only rolehop's, and puts back a foreign
                    // section the write replaced with force.
                    configFile.remove(profile);
                }
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** Whether the session's credentials are in place for its mode. */
    public boolean isApplied(Session session) {
        return session.mode() == DeliveryMode.CREDENTIAL_PROCESS || credentialsFile.owns(session.profile());
    }

    public void remove(NamedProfile profile) {
        credentialsFile.remove(profile);
        configFile.remove(profile);
    }

    /**
     * The {@code credential_process} command for a session, read the same by every AWS SDK: botocore splits it as
     * {@code shlex.split} does and runs the words; the SDKs for Java, Go and JavaScript run it with {@code sh -c}; the
     * SDK for Java's profile parser cuts a value at a blank followed by {@code #} or {@code ;}. So the launcher path
     * is written as it is when it holds only characters none of them treats specially, else in single quotes (the
     * same for {@code shlex} and {@code sh}), and refused when no quoting serves every reader (see
     * docs/handing-out-credentials.md, "The credential_process line").
     *
     * @throws UsageException naming the path and the reason when it cannot be written
     */
    public String credentialProcess(Session session) {
        return commandWord(launcher.get()) + " " + generateArguments(session);
    }

    /** What a {@code credential_process} line runs after the launcher: {@code session generate ID}. */
    public static String generateArguments(Session session) {
        return "session generate " + session.id().value();
    }

    /**
     * Writes the config section of a session in credential-process mode again, with the line as it is written now
     * (after a move or an upgrade of the launcher), touching neither its credentials nor the credentials file.
     */
    public void rewriteCredentialProcess(Session session) {
        configFile.write(session.profile(), configFor(session, DeliveryMode.CREDENTIAL_PROCESS), false);
    }

    static String commandWord(String path) {
        if (PLAIN_WORD.matcher(path).matches()) {
            return path;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw unwritable(
                        path,
                        "it holds a character other than printable ASCII, which the AWS SDKs do not"
                                + " all read the same");
            }
        }
        if (COMMENT_START.matcher(path).find()) {
            throw unwritable(
                    path,
                    "the AWS SDK for Java reads a blank followed by '#' or ';' as the start of a"
                            + " comment and would cut the line there");
        }
        return "'" + path.replace("'", "'\\''") + "'";
    }

    private static UsageException unwritable(String path, String reason) {
        StringBuilder shown = new StringBuilder();
        path.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return new UsageException("cannot write a credential_process line that runs the launcher '" + shown + "': "
                + reason + "; set ROLEHOP_HOME to a directory whose path has no such characters, or use --mode file");
    }

    private Map<String, String> configFor(Session session, DeliveryMode mode) {
        Map<String, String> config = new LinkedHashMap<>();
        if (mode == DeliveryMode.CREDENTIAL_PROCESS) {
            config.put("credential_process", credentialProcess(session));
        }
        config.put("region", session.region().code());
        return config;
    }
}
