package io.tightbeam.yaml;

/** A place in a source file: 1-based line and column, as users count them. */
public record Pos(String file, int line, int column) {
  public static Pos unknown(String file) {
    return new Pos(file, 0, 0);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
