package io.tightbeam.template;

import io.tightbeam.template.Node.Stmt;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed templates by text and mode, shared by all threads: a run templates the same task
 * arguments for every host and loop item, so each text is lexed and parsed once.
 */
final class TemplateCache {
  /** How a text is lexed: task values (trim_blocks, backslashes kept in {{ }} strings) or files. */
  record Mode(boolean trimBlocks, boolean lstripBlocks, boolean rawVarStrings) {
    static final Mode VALUE = new Mode(true, false, true);
  }

  private record Key(Mode mode, String text) {}

  private static final int LIMIT = 20_000;
  private final ConcurrentHashMap<Key, List<Stmt>> parsed = new ConcurrentHashMap<>();
  private final Catalogue catalogue;
  private final List<io.tightbeam.vault.VaultSecret> secrets;
  private final boolean jinja2Native;

  TemplateCache(Catalogue catalogue, List<io.tightbeam.vault.VaultSecret> secrets) {
    this(catalogue, secrets, false);
  }

  TemplateCache(Catalogue catalogue, List<io.tightbeam.vault.VaultSecret> secrets, boolean jinja2Native) {
    this.catalogue = catalogue;
    this.secrets = List.copyOf(secrets);
    this.jinja2Native = jinja2Native;
  }

  /** Whether values keep their native types ({@code ANSIBLE_JINJA2_NATIVE}, {@code jinja2_native}). */
  boolean jinja2Native() {
    return jinja2Native;
  }

  Catalogue catalogue() {
    return catalogue;
  }

  /** The run's vault secrets, for lookups that read vaulted files. */
  List<io.tightbeam.vault.VaultSecret> secrets() {
    return secrets;
  }

  /** The statements of {@code text} (one trailing newline dropped, as Jinja2's lexer does). */
  List<Stmt> parse(String text, Mode mode) {
    Key key = new Key(mode, text);
    List<Stmt> body = parsed.get(key);
    if (body == null) {
      String source = dropTrailingNewline(text);
      Lexer lexer = new Lexer(source, mode.trimBlocks(), mode.lstripBlocks(), mode.rawVarStrings());
      body = new Parser(lexer.tokens()).template();
      new Checker(catalogue).check(body);
      if (parsed.size() > LIMIT) {
        parsed.clear();
      }
      parsed.put(key, body);
    }
    return body;
  }

  static String dropTrailingNewline(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    } else if (s.endsWith("\n") || s.endsWith("\r")) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Trailing newlines of {@code source} that {@code rendered} lost, put back (Ansible does). */
  static String restoreNewlines(String source, String rendered) {
    int want = trailingNewlines(source);
    int have = trailingNewlines(rendered);
    return want > have ? rendered + "\n".repeat(want - have) : rendered;
  }

  private static int trailingNewlines(String s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
      n++;
    }
    return n;
  }
}
