package io.rolehop.domain;

/** The life cycle of a session: inactive, pending while a start is in progress, active once its profile is written. */
public enum SessionStatus {
    INACTIVE,
    PENDING,
    ACTIVE;

    /** Lower-case name as shown to users and in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
