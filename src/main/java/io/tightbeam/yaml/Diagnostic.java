package io.tightbeam.yaml;

/**
 * One problem found in the user's input, Terraform-style: a summary, an optional detail and the
 * source position (null when the problem has no place in a file).
 */
public record Diagnostic(String summary, String detail, Pos pos) {
  public static Diagnostic at(Pos pos, String summary) {
    return new Diagnostic(summary, "", pos);
  }
}
