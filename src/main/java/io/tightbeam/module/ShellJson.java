package io.tightbeam.module;

/**
 * POSIX sh functions that remote parts use to print JSON without Python. {@code tb_json} reads
 * bytes on stdin and prints them as one JSON string literal: quote, backslash and control bytes
 * escaped, every other byte kept (UTF-8 text stays UTF-8), NUL bytes and a trailing newline
 * included. Only {@code od} and {@code awk} are needed (dash, bash, BusyBox).
 */
public final class ShellJson {
  private ShellJson() {}

  /** Function definitions to put at the top of a remote script. */
  public static final String FUNCTIONS =
      """
      tb_json() {
        od -An -v -tu1 | LC_ALL=C awk '
          BEGIN { printf "\\"" ; split("b t n v f r", n, " "); e[8]="\\\\b"; e[9]="\\\\t"; e[10]="\\\\n"; e[12]="\\\\f"; e[13]="\\\\r" }
          { for (i = 1; i <= NF; i++) { b = $i + 0
              if (b == 34) printf "\\\\\\""
              else if (b == 92) printf "\\\\\\\\"
              else if (b in e) printf "%s", e[b]
              else if (b < 32 || b == 127) printf "\\\\u%04x", b
              else printf "%c", b } }
          END { printf "\\"" }'
      }
      """;
}
