package io.tightbeam.jobs.registry;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens the registry's SQLite file: its directory made 0700 and the file 0600 before SQLite
 * touches it (SQLite gives its -wal and -shm files the database file's mode), in WAL mode so that
 * a running playbook and {@code tightbeam-jobs} read and write it at once.
 */
final class SqliteFile {
  /** A writer waits this long for another process's transaction before giving up. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteFile() {}

  static Connection open(Path file) throws IOException, SQLException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    try {
      Files.createFile(file,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (FileAlreadyExistsException e) {
      // another process made it first, with the same mode
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file; each
    // commit then costs no fsync (2.5 ms each with FULL in the library notes' measurement)
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }
}
