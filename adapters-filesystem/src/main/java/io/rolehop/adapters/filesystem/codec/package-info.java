/**
 * The byte formats of rolehop's own files, apart from the files: pure functions from bytes to values and back, with
 * nothing but {@code java.base} (no Jackson, no file system, no rolehop exception), so that any path that reads these
 * files, full or warm, can share them. The format of each is described in docs/secret-storage.md and
 * docs/architecture.md.
 */
package io.rolehop.adapters.filesystem.codec;
