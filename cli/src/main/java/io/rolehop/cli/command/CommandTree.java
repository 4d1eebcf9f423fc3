package io.rolehop.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The command tree of {@code rolehop}, described once: for the root and each group, its subcommands in order (the
 * order of the help's command lists), each by its name and its class. A command line gets only the part of the tree it
 * names, since picocli reads every option of every command it is given, and one command runs (see
 * docs/architecture.md, "The command tree").
 *
 * <p>The part built for a command line:
 *
 * <ol>
 *   <li>The root's options before the first word are skipped: {@code -q, --quiet}, {@code --debug} and
 *       {@code -o, --output} with its value ({@code -o json}, {@code --output json}, {@code --output=json},
 *       {@code -ojson}, which {@link OutputAnywhere} lets come before the command's name).
 *   <li>The path is the longest run of the next arguments that each name a subcommand of the one before:
 *       {@code session list} gives {@code session, list}; {@code -q session start prod} gives {@code session,
 *       start}; {@code exec prod aws s3 ls} gives {@code exec}; {@code session -o json list} gives {@code session}.
 *   <li>The root holds only the first command of the path and each command on the path only the next one; the last
 *       command of the path gets its whole subtree, so {@code session --help} lists all of session's commands and
 *       {@code session strat} is offered the names near it among them.
 *   <li>{@code session add} and {@code session edit} give {@code session}: both take the access methods' options.
 *   <li>The whole tree is built when the path is empty (no command word: {@code rolehop}, {@code --help}; or a first
 *       word that names no command, so {@code rolehop sesion} is offered {@code session}), or when it starts with
 *       {@code help}, which reads the whole tree. A line that is exactly {@code --version} or {@code -V} gets the
 *       root alone. ({@code completion} builds the whole tree itself, for its scripts, with {@link
 *       Commands#whole}: its TAB candidates need none.)
 * </ol>
 *
 * <p>The part built answers the line exactly as the whole tree would: picocli meets only the commands of the path
 * on its way to the last one, and everything that reads subcommands (usage errors' near names, help, examples,
 * {@code -o} anywhere) reads them at the last command or below, or gets the whole tree.
 *
 * <p>The classes are named, not referred to by class literals: resolving a literal loads the class, and a command
 * line loads only the classes of the commands it builds.
 */
final class CommandTree {
    private static final String PACKAGE = CommandTree.class.getPackageName() + ".";

    /** The command that reads the whole tree it runs in: the help of any command. */
    private static final String HELP = "help";

    /** The access methods' commands, which take the methods' options, both of them (see Commands). */
    private static final Set<String> METHOD_COMMANDS = Set.of("add", "edit");

    static final Node ROOT = node(
            "rolehop",
            "RootCommand",
            node(
                    "session",
                    "SessionCommand",
                    node("add", "SessionAddCommand"),
                    node("list", "SessionListCommand"),
                    node("tree", "SessionTreeCommand"),
                    node("start", "SessionStartCommand"),
                    node("stop", "SessionStopCommand"),
                    node("delete", "SessionDeleteCommand"),
                    node("logout", "SessionLogoutCommand"),
                    node("rotate-keys", "SessionRotateKeysCommand"),
                    node("edit", "SessionEditCommand"),
                    node("current", "SessionCurrentCommand"),
                    node("generate", "SessionGenerateCommand")),
            node(
                    "profile",
                    "ProfileCommand",
                    node("list", "ProfileCommand$ListCommand"),
                    node("create", "ProfileCommand$CreateCommand"),
                    node("rename", "ProfileCommand$RenameCommand"),
                    node("delete", "ProfileCommand$DeleteCommand")),
            node(
                    "region",
                    "RegionCommand",
                    node("list", "RegionCommand$ListCommand"),
                    node("get-default", "RegionCommand$GetDefaultCommand"),
                    node("set-default", "RegionCommand$SetDefaultCommand")),
            node(
                    "settings",
                    "SettingsCommand",
                    node("list", "SettingsCommand$ListCommand"),
                    node("set", "SettingsCommand$SetCommand"),
                    node("unset", "SettingsCommand$UnsetCommand")),
            node(
                    "secrets",
                    "SecretsCommand",
                    node("status", "SecretsCommand$StatusCommand"),
                    node("unlock", "SecretsCommand$UnlockCommand"),
                    node("lock", "SecretsCommand$LockCommand"),
                    node("migrate", "SecretsCommand$MigrateCommand")),
            node("exec", "ExecCommand"),
            node("serve", "ServeCommand"),
            node("rotate", "RotateCommand"),
            node("daemon", "DaemonCommand"),
            node(
                    "plugins",
                    "PluginsCommand",
                    node("list", "PluginsCommand$ListCommand"),
                    node("trust", "PluginsCommand$TrustCommand"),
                    node("untrust", "PluginsCommand$UntrustCommand")),
            node("completion", "CompletionCommand"),
            node("help", "HelpCommand"),
            node(
                    "import",
                    "ImportCommand",
                    node("aws-config", "ImportAwsConfigCommand"),
                    node("leapp", "ImportLeappCommand")),
            node("export", "ExportCommand"),
            node("console", "ConsoleCommand"),
            node("doctor", "DoctorCommand"),
            node(
                    "sso",
                    "SsoCommand",
                    node("login", "SsoLoginCommand"),
                    node("sync", "SsoSyncCommand"),
                    node("logout", "SsoLogoutCommand")));

    private CommandTree() {}

    /** A command: its name, its class (its binary name in this package) and its subcommands in order. */
    record Node(String name, String className, List<Node> subcommands) {
        Node child(String name) {
            for (Node sub : subcommands) {
                if (sub.name.equals(name)) {
                    return sub;
                }
            }
            return null;
        }

        Class<?> type() {
            try {
                return Class.forName(PACKAGE + className, false, CommandTree.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no command class " + className, e);
            }
        }
    }

    private static Node node(String name, String className, Node... subcommands) {
        return new Node(name, className, List.of(subcommands));
    }

    /** The root command with the part of the tree {@code args} names (see the rules above). */
    static CommandLine build(CommandLine.IFactory factory, String... args) {
        CommandLine root = new CommandLine(ROOT.type(), factory);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return root;
        }
        CommandLine command = root;
        Node node = ROOT;
        for (String name : path(args)) {
            node = node.child(name);
            command = add(command, node);
        }
        addSubtree(command, node);
        return root;
    }

    /** The root command with the whole tree. */
    static CommandLine whole(CommandLine.IFactory factory) {
        CommandLine root = new CommandLine(ROOT.type(), factory);
        addSubtree(root, ROOT);
        return root;
    }

    /**
     * The names of the commands from the root to the last one whose whole subtree is built, outermost first; empty
     * for the whole tree.
     */
    static List<String> path(String... args) {
        int first = 0;
        while (first < args.length) {
            String arg = args[first];
            int width = arg.equals("-q") || arg.equals("--quiet") || arg.equals("--debug")
                    ? 1
                    : OutputAnywhere.outputOptionWidth(args, first);
            if (width == 0) {
                break;
            }
            first += width;
        }
        List<String> path = new ArrayList<>();
        Node node = ROOT;
        for (int i = first; i < args.length && node.child(args[i]) != null; i++) {
            node = node.child(args[i]);
            path.add(node.name);
        }
        if (!path.isEmpty() && path.get(0).equals(HELP)) {
            return List.of();
        }
        if (path.size() >= 2 && path.get(0).equals("session") && METHOD_COMMANDS.contains(path.get(1))) {
            return path.subList(0, 1);
        }
        return path;
    }

    private static CommandLine add(CommandLine parent, Node node) {
        parent.addSubcommand(node.name, node.type());
        return parent.getSubcommands().get(node.name);
    }

    private static void addSubtree(CommandLine command, Node node) {
        for (Node sub : node.subcommands) {
            addSubtree(add(command, sub), sub);
        }
    }
}
