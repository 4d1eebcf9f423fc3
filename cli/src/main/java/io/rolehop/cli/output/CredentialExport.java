package io.rolehop.cli.output;

import io.rolehop.application.UsageException;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A session's credentials written for a shell or a tool, in the line shapes of {@code aws configure
 * export-credentials} (see docs/cli-reference.md, {@code export}). Every value is quoted for the format it is written
 * in, so that evaluating the output sets exactly the values given, whatever characters they hold.
 */
public enum CredentialExport {
    ENV("env", (name, value) -> "export " + name + "=" + Posix.quote(value)),
    ENV_NO_EXPORT("env-no-export", (name, value) -> name + "=" + Posix.quote(value)),
    FISH("fish", (name, value) -> "set -gx " + name + " " + Fish.quote(value)),
    POWERSHELL("powershell", (name, value) -> "$Env:" + name + "=" + PowerShell.quote(value)),
    WINDOWS_CMD("windows-cmd", (name, value) -> "set " + name + "=" + WindowsCmd.escape(name, value)),
    DOTENV("dotenv", (name, value) -> name + "=" + Dotenv.quote(name, value)),
    JSON("json", null),
    INI("ini", null);

    private final String label;
    private final BiFunction<String, String, String> line;

    CredentialExport(String label, BiFunction<String, String, String> line) {
        this.label = label;
        this.line = line;
    }

    /** The name given to {@code --format}. */
    public String label() {
        return label;
    }

    /** The format named {@code label}; a usage error naming the choices otherwise. */
    public static CredentialExport named(String label) {
        return Arrays.stream(values())
                .filter(f -> f.label.equals(label))
                .findFirst()
                .orElseThrow(
                        () -> new UsageException("unknown export format '" + label + "'; choose one of " + choices()));
    }

    /** The labels, comma-separated, for help and errors. */
    public static String choices() {
        return Arrays.stream(values()).map(CredentialExport::label).collect(Collectors.joining(", "));
    }

    /**
     * The variables a shell format sets, in order: the three keys, the expiration, both region variables and
     * {@code ROLEHOP_SESSION} (the alias, for prompts).
     */
    public static Map<String, String> variables(Session session, TemporaryCredentials credentials) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        variables.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        variables.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        variables.put("AWS_CREDENTIAL_EXPIRATION", credentials.expiration().toString());
        variables.put("AWS_REGION", session.region().code());
        variables.put("AWS_DEFAULT_REGION", session.region().code());
        variables.put("ROLEHOP_SESSION", session.alias().value());
        return variables;
    }

    /**
     * The whole output, ending with a line break. {@link #JSON} is the {@code credential_process} document, which the
     * command that prints it writes itself.
     */
    public String render(Session session, TemporaryCredentials credentials) {
        return switch (this) {
            case JSON -> throw new IllegalStateException("the JSON export is the credential_process document");
            case INI -> ini(session, credentials);
            default -> lines(variables(session, credentials));
        };
    }

    /** The variable lines of a shell format; public so each quoting can be tested on any value. */
    public String lines(Map<String, String> variables) {
        if (line == null) {
            throw new IllegalStateException(label + " is not a format of variables");
        }
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> out.append(line.apply(name, value)).append('\n'));
        return out.toString();
    }

    /** A section of the shared credentials file, named after the session's profile; regions go in the config file. */
    private static String ini(Session session, TemporaryCredentials c) {
        return "[" + session.profile().name() + "]\n"
                + "aws_access_key_id = " + Ini.value(c.accessKeyId()) + "\n"
                + "aws_secret_access_key = " + Ini.value(c.secretAccessKey()) + "\n"
                + "aws_session_token = " + Ini.value(c.sessionToken()) + "\n";
    }

    /** POSIX sh, bash and zsh: bare when every character is inert, else single quotes. */
    static final class Posix {
        private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

        static String quote(String value) {
            if (BARE.matcher(value).matches()) {
                return value;
            }
            return "'" + value.replace("'", "'\\''") + "'";
        }
    }

    /** fish: double quotes, where only {@code \"}, {@code \$} and {@code \\} are escapes; a line break in between. */
    static final class Fish {
        static String quote(String value) {
            String inner = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
            return "\"" + inner.replace("\n", "\"\\n\"").replace("\r", "\"\\r\"") + "\"";
        }
    }

    /**
     * PowerShell: double quotes with the backtick as escape; PowerShell also takes the typographic double quotes
     * (U+201C to U+201E) as quotes, so they are escaped too.
     */
    static final class PowerShell {
        static String quote(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : value.toCharArray()) {
                switch (ch) {
                    case '`', '"', '$', '\u201C', '\u201D', '\u201E' ->
                        out.append('`').append(ch);
                    case '\n' -> out.append("`n");
                    case '\r' -> out.append("`r");
                    case '\0' -> out.append("`0");
                    default -> out.append(ch);
                }
            }
            return out.append('"').toString();
        }
    }

    /**
     * cmd.exe: no quoting at all, as in {@code aws configure export-credentials}; {@code ^} escapes the operators.
     * {@code %} and {@code !} cannot be escaped on cmd's command line, nor can a line break: such a value is refused.
     */
    static final class WindowsCmd {
        static String escape(String name, String value) {
            if (value.chars().anyMatch(ch -> ch == '%' || ch == '!' || ch == '"' || ch < 0x20)) {
                throw new UsageException("the value of " + name + " cannot be written safely for cmd.exe"
                        + " (it holds %, !, a quote or a control character); use --format powershell");
            }
            return value.replaceAll("([\\^&|<>()])", "^$1");
        }
    }

    /**
     * .env files (docker compose, python-dotenv, Node's dotenv): bare when inert, single quotes (literal everywhere)
     * when possible, else double quotes with backslash escapes. Readers disagree on {@code $} in double quotes
     * (expanded by some, kept by others, escaped differently), so such a value is refused.
     */
    static final class Dotenv {
        private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

        static String quote(String name, String value) {
            if (BARE.matcher(value).matches()) {
                return value;
            }
            if (value.indexOf('\'') < 0
                    && value.indexOf('\\') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return "'" + value + "'";
            }
            if (value.indexOf('$') >= 0) {
                throw new UsageException("the value of " + name + " cannot be written safely for a .env file (it holds"
                        + " a quote or a line break and a '$'); use --format json");
            }
            return "\""
                    + value.replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n")
                            .replace("\r", "\\r") + "\"";
        }
    }

    /** The shared credentials file has no quoting: a value that would break its line is refused. */
    static final class Ini {
        static String value(String value) {
            if (value.chars().anyMatch(ch -> ch < 0x20) || !value.equals(value.strip())) {
                throw new UsageException("a credential value cannot be written to an INI file; use another --format");
            }
            return value;
        }
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
