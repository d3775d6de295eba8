package io.tightbeam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code $EDITOR} (else {@code vi}) on a private temporary file holding the plaintext, as
 * ansible-vault's create and edit do; the file is removed afterwards.
 */
final class Editor {
  private Editor() {}

  static byte[] edit(Map<String, String> env, byte[] plain) throws IOException, InterruptedException {
    Path tmp = Files.createTempFile("tightbeam-vault", ".yml",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.write(tmp, plain);
      String editor = env.getOrDefault("EDITOR", "vi");
      List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
      command.add(tmp.toString());
      int rc = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (rc != 0) {
        throw new IOException("the editor " + editor + " exited with " + rc);
      }
      return Files.readAllBytes(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
