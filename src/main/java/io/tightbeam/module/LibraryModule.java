package io.tightbeam.module;

import java.nio.file.Path;
import java.util.Optional;

/** A custom module from a {@code library/} folder (stub; the modules package fills it in). */
public final class LibraryModule {
  private LibraryModule() {}

  public static Optional<RemoteModule> find(String name, Path playbookDir) {
    return Optional.empty();
  }
}
