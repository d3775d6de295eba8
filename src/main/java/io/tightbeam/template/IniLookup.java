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
import java.util.regex.Pattern;

/**
 * The ini lookup: a key's value in a section of an INI file, or of a Java properties file with
 * {@code type=properties}; with {@code re} every value whose key matches.
 */
final class IniLookup {
  private IniLookup() {}

  private static final List<String> PARAMS = List.of("type", "file", "section", "re", "encoding",
      "default", "case_sensitive", "allow_no_value", "allow_none");

  static void register(Catalogue c) {
    c.lookup("ini", IniLookup::run);
  }

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("type", "ini");
    params.put("file", "ansible.ini");
    params.put("section", "global");
    params.put("re", false);
    params.put("encoding", "utf-8");
    params.put("default", "");
    params.put("case_sensitive", false);
    params.put("allow_no_value", false);
    for (Map.Entry<String, Object> o : options.entrySet()) {
      if (!PARAMS.contains(o.getKey())) {
        continue; // Ansible lets unknown keyword options pass here
      }
      boolean flag = List.of("re", "case_sensitive", "allow_no_value", "allow_none")
          .contains(o.getKey());
      params.put(o.getKey().equals("allow_none") ? "allow_no_value" : o.getKey(),
          flag ? FileSearch.flag(options, o.getKey(), false) : o.getValue());
    }
    IniFile ini = new IniFile(Py.truthy(params.get("allow_no_value")),
        Py.truthy(params.get("case_sensitive")));
    List<Object> out = new ArrayList<>();
    for (Object t : terms) {
      String term = Py.str(t);
      String key = term;
      if (term.contains("=") || term.strip().contains(" ")) {
        key = inline(term, params);
      }
      String file = Py.str(params.get("file"));
      Path path = FileSearch.findOrWarn(env, "files", file);
      if (path == null) {
        throw PluginError.of("ansible.errors.AnsibleParserError", "Invalid filename: 'None'");
      }
      String section = Py.str(params.get("section"));
      StringBuilder text = new StringBuilder();
      if (Py.str(params.get("type")).equals("properties")) {
        text.append("[java_properties]\n");
        section = "java_properties";
        params.put("section", section);
      }
      text.append(read(path, Py.str(params.get("encoding"))));
      try {
        ini.read(text.toString());
      } catch (IniFile.DuplicateOption ex) {
        throw PluginError.of(PluginError.LOOKUP_ERROR, "Duplicate option in '" + file + "': " + ex.getMessage());
      }
      if (!ini.hasSection(section)) {
        throw PluginError.of(PluginError.LOOKUP_ERROR, "No section '" + section + "' in " + file);
      }
      if (Py.truthy(params.get("re"))) {
        Pattern p = PythonPattern.compile(key, 0);
        for (String k : ini.keys(section)) {
          if (p.matcher(k).lookingAt()) {
            out.add(ini.get(section, k));
          }
        }
      } else {
        Object value = ini.has(section, key) ? ini.get(section, key) : params.get("default");
        if (value != null) {
          out.add(value);
        }
      }
    }
    return out;
  }

  /**
   * The key of a term with inline options ({@code "user section=a b file=x.ini"}); the options go
   * into params. Words after an option continue its value, as Ansible reads them.
   */
  private static String inline(String term, Map<String, Object> params) {
    List<String> order = new ArrayList<>();
    Map<String, String> phrases = new LinkedHashMap<>();
    String current = "key";
    String[] words = term.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String phrase = words[i];
      if (phrase.contains("=")) {
        for (String k : params.keySet()) {
          if (phrase.contains(k + "=")) {
            current = k;
          }
        }
      }
      if (i == 0 || phrases.getOrDefault(current, "").isEmpty()) {
        phrases.put(current, phrase);
        order.add(current);
      } else {
        phrases.put(current, phrases.get(current) + " " + phrase);
      }
    }
    String key = term;
    boolean keyFound = false;
    for (String name : order) {
      String param = phrases.get(name);
      if (param.contains("=")) {
        String[] kv = param.split("=", -1);
        if (kv.length != 2) {
          throw PluginError.of(PluginError.LOOKUP_ERROR, "Could not use '" + param + "' from "
              + Py.repr(order.stream().map(phrases::get).toList())
              + ": too many values to unpack (expected 2)");
        }
        if (!params.containsKey(kv[0])) {
          throw PluginError.of(PluginError.LOOKUP_ERROR, kv[0] + " is not a valid option.");
        }
        params.put(kv[0], kv[1]);
      } else if (key.equals(term)) {
        key = param;
        keyFound = true;
      }
    }
    if (!keyFound) {
      throw PluginError.of(PluginError.OPTIONS_ERROR, 
          "No key to lookup was provided as first term with in string inline options: " + term);
    }
    return key;
  }

  private static String read(Path path, String encoding) {
    try {
      return new String(Files.readAllBytes(path), Charset.forName(encoding));
    } catch (IOException | IllegalArgumentException ex) {
      throw new TemplateException("could not read " + path + ": " + ex.getMessage(), ex);
    }
  }
}
