package io.rolehop.application.port.in;

/** Takes over the sessions of a Leapp workspace. */
public interface ImportLeappUseCase {

    /**
     * Adds a session for each IAM user, role-chained and (when that access method is installed) IAM Identity Center
     * session of the Leapp workspace, with its chain, named profile and region; IAM users' keys are copied from Leapp's
     * keychain entries when the keychain can be read. Idempotent: a session imported before is updated where the file
     * changed, or left alone. Reads the Leapp file only.
     */
    ImportReport importLeapp(ImportLeappCommand command);
}
