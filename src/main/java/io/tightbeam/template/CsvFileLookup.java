package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The csvfile lookup: the {@code col}th field of the first row whose first field is the key, read
 * as Python's csv module reads the excel dialect with the given delimiter.
 */
final class CsvFileLookup {
  private CsvFileLookup() {}

  static void register(Catalogue c) {
    c.lookup("csvfile", CsvFileLookup::run);
  }

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("col", "1");
    params.put("default", null);
    params.put("delimiter", "TAB");
    params.put("file", "ansible.csv");
    params.put("encoding", "utf-8");
    for (Map.Entry<String, Object> o : options.entrySet()) {
      if (params.containsKey(o.getKey())) { // Ansible lets unknown keyword options pass
        params.put(o.getKey(), o.getValue());
      }
    }
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      TermOptions kv = TermOptions.parse(Py.str(term));
      if (kv.free().isEmpty()) {
        throw new TemplateException("Search key is required but was not found");
      }
      for (Map.Entry<String, String> o : kv.options().entrySet()) {
        if (!params.containsKey(o.getKey())) {
          throw new TemplateException(o.getKey() + " is not a valid option");
        }
        params.put(o.getKey(), o.getValue());
      }
      String delimiter = Py.str(params.get("delimiter"));
      if (delimiter.equals("TAB")) {
        delimiter = "\t";
        params.put("delimiter", delimiter);
      }
      Path file = FileSearch.findOrWarn(env, "files", Py.str(params.get("file")));
      Object found = find(file, kv.freeText(), delimiter, params);
      if (found != null) {
        out.add(found);
      }
    }
    return out;
  }

  private static Object find(Path file, String key, String delimiter, Map<String, Object> params) {
    if (file == null) {
      throw new TemplateException(
          "csvfile: expected str, bytes or os.PathLike object, not NoneType");
    }
    if (delimiter.length() != 1) {
      throw new TemplateException("csvfile: \"delimiter\" must be a 1-character string");
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), Charset.forName(Py.str(params.get("encoding"))));
    } catch (IOException | IllegalArgumentException ex) {
      throw new TemplateException("csvfile: " + ex.getMessage(), ex);
    }
    for (List<String> row : rows(text, delimiter.charAt(0))) {
      if (!row.isEmpty() && row.get(0).equals(key)) {
        Object col = params.get("col");
        BigIntegerIndex index = BigIntegerIndex.of(col);
        if (index.value() < -row.size() || index.value() >= row.size()) {
          throw new TemplateException("csvfile: list index out of range");
        }
        return row.get(index.value() < 0 ? row.size() + index.value() : index.value());
      }
    }
    return params.get("default");
  }

  /** {@code int(col)} as Python reads it; failures carry Python's message. */
  private record BigIntegerIndex(int value) {
    static BigIntegerIndex of(Object col) {
      if (Py.isInt(col)) {
        return new BigIntegerIndex(Py.toBigInteger(col).intValueExact());
      }
      String s = Py.str(col).strip().replace("_", "");
      try {
        return new BigIntegerIndex(Integer.parseInt(s));
      } catch (NumberFormatException ex) {
        throw new TemplateException("csvfile: invalid literal for int() with base 10: "
            + Py.repr(Py.str(col)));
      }
    }
  }

  /** Rows as Python's csv reader (excel dialect) returns them; a blank line is an empty row. */
  static List<List<String>> rows(String text, char delimiter) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean inField = false;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '\r' || ch == '\n') {
        if (inField || !row.isEmpty()) {
          row.add(field.toString());
        }
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        inField = false;
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (ch == delimiter) {
        row.add(field.toString());
        field.setLength(0);
        inField = true; // a field follows the delimiter, even an empty one
      } else if (ch == '"' && field.length() == 0 && !quotedBefore(text, i, delimiter)) {
        quoted = true;
        inField = true;
      } else {
        field.append(ch);
        inField = true;
      }
      i++;
    }
    if (inField || !row.isEmpty() || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** Whether a '"' at {@code i} follows text of its field (then it is a literal quote). */
  private static boolean quotedBefore(String text, int i, char delimiter) {
    return i > 0 && text.charAt(i - 1) != delimiter && text.charAt(i - 1) != '\n'
        && text.charAt(i - 1) != '\r';
  }
}
