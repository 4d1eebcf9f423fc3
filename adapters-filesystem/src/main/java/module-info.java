/**
 * rolehop's adapters on the local file system: the AWS shared credentials and config files, the workspace file, the
 * encrypted secret store and the credentials cache. Jackson is used through its tree and streaming APIs only, so no
 * package is opened to it.
 */
module io.rolehop.adapters.filesystem {
    requires transitive io.rolehop.application;
    requires com.fasterxml.jackson.databind;

    exports io.rolehop.adapters.filesystem;
    exports io.rolehop.adapters.filesystem.codec;
}
