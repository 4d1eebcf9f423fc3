package io.rolehop.domain;

import java.util.regex.Pattern;

/**
 * A named profile of the AWS shared files: 1 to 64 characters of letters, digits and {@code ._-@+}, starting with a
 * letter or digit. The restriction keeps a name from ever injecting INI syntax into the files, and keeps to names
 * that every AWS SDK reads: the AWS SDK for Java ignores a profile whose name holds {@code =}, which botocore reads.
 *
 * <p>Workspaces written before {@code =} was refused may hold such a name: {@link #stored} reads it back, and
 * {@link #readableByEverySdk()} tells the use cases not to write it into the AWS files (see docs/cli-reference.md).
 */
public record NamedProfile(String name) {
    // Before DEFAULT: static initialisers run in order, and DEFAULT's constructor needs the pattern.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+=-]{0,63}");
    public static final NamedProfile DEFAULT = new NamedProfile("default");

    public NamedProfile {
        Text.require(name, "profile name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValueException("invalid profile name '" + Text.printable(name)
                    + "'; use 1 to 64 characters: a letter or digit first, then letters, digits and ._-@+");
        }
    }

    /** A new profile name, as a user gives it. */
    public static NamedProfile of(String name) {
        NamedProfile profile = new NamedProfile(name);
        if (!profile.readableByEverySdk()) {
            throw new InvalidValueException("invalid profile name '" + name + "': the AWS SDK for Java ignores a"
                    + " profile whose name holds '='; use letters, digits and ._-@+");
        }
        return profile;
    }

    /** A profile name read back from a stored workspace: one holding {@code =}, refused for new names, is kept. */
    public static NamedProfile stored(String name) {
        return new NamedProfile(name);
    }

    /** Whether every AWS SDK reads a profile of this name ({@code =} is ignored by the AWS SDK for Java). */
    public boolean readableByEverySdk() {
        return name.indexOf('=') < 0;
    }

    public boolean isDefault() {
        return "default".equals(name);
    }

    /** The section header of this profile in the AWS config file: {@code default} or {@code profile NAME}. */
    public String configSectionName() {
        return isDefault() ? "default" : "profile " + name;
    }

    @Override
    public String toString() {
        return name;
    }

    // Written out rather than generated: a record's generated equals and hashCode link method handles on first use,
    // which costs a short-lived process (the lean path of session generate) tens of milliseconds; these are map keys.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof NamedProfile that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
