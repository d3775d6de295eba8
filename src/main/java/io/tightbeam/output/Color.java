package io.tightbeam.output;

/** Ansible's default colour settings ({@code COLOR_*} in ansible.cfg) as ANSI SGR codes. */
enum Color {
  OK("0;32"),
  CHANGED("0;33"),
  SKIP("0;36"),
  ERROR("0;31"),
  UNREACHABLE("1;31"),
  DEBUG("1;30"),
  WARN("1;35"),
  DEPRECATE("0;35"),
  VERBOSE("0;34"),
  DIFF_ADD("0;32"),
  DIFF_REMOVE("0;31"),
  DIFF_LINES("0;36");

  private final String code;

  Color(String code) {
    this.code = code;
  }

  /** Wraps each line on its own, as Ansible's {@code stringc} does, so pagers keep the colour. */
  String paint(String text) {
    StringBuilder sb = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append("\033[").append(code).append('m').append(lines[i]).append("\033[0m");
    }
    return sb.toString();
  }
}
