package io.rolehop.domain;

/** An invariant of the workspace would be broken: duplicate alias, cycle, missing assumer, dependents. */
public final class WorkspaceRuleException extends DomainException {
    private static final long serialVersionUID = 1L;

    public WorkspaceRuleException(String message) {
        super(message);
    }
}
