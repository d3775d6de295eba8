package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template lookup: a file from the {@code templates} search path (opened if vaulted, as
 * Ansible's loader does) rendered with the variables, Ansible's {@code template_*} variables and the {@code template_vars} option.
 */
final class TemplateLookup {
  private TemplateLookup() {}

  private static final DateTimeFormatter PY_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  static void register(Catalogue c) {
    c.lookup("template", TemplateLookup::run);
  }

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      String name = Py.str(term);
      Path file = FileSearch.findOrWarn(env, "templates", name);
      if (file == null) {
        throw new TemplateException("the template file " + name
            + " could not be found for the lookup");
      }
      Map<String, Object> vars = templateVars(name, file);
      if (options.get("template_vars") instanceof Map<?, ?> extra) {
        extra.forEach((k, v) -> vars.put(Py.str(k), v));
      }
      String source = FileLookups.readable(file, env);
      // Ansible's templar returns a string that cannot be a template as it is, before it would
      // read a "#jinja2:" first line: such a line stays in the result (2.14, measured).
      String text = Delimiters.of(options).possiblyTemplate(source)
          ? env.renderFile(source, vars, options) : source;
      out.add(FileSearch.flag(options, "convert_data", true) ? converted(text) : env.nativeText(text));
    }
    return out;
  }

  /** convert_data: a result that reads as a list, dict or bool literal becomes that value. */
  private static Object converted(String text) {
    if (text.startsWith("{") || text.startsWith("[") || text.equals("True") || text.equals("False")) {
      Object parsed = Literals.eval(text);
      if (parsed != Literals.NOT_A_LITERAL) {
        return parsed;
      }
    }
    return text;
  }

  /** The variables Ansible adds when it renders a template file. */
  static Map<String, Object> templateVars(String path, Path file) {
    Map<String, Object> vars = new LinkedHashMap<>();
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException ex) {
      host = "localhost";
    }
    String uid;
    LocalDateTime mtime;
    try {
      uid = Files.getOwner(file).getName();
      mtime = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(),
          ZoneId.systemDefault());
    } catch (IOException ex) {
      throw new TemplateException("could not stat " + file + ": " + ex.getMessage(), ex);
    }
    vars.put("template_host", host);
    vars.put("template_path", path);
    vars.put("template_mtime", PY_DATETIME.format(mtime));
    vars.put("template_uid", uid);
    vars.put("template_run_date", PY_DATETIME.format(LocalDateTime.now()));
    vars.put("template_destpath", null);
    vars.put("template_fullpath", file.toAbsolutePath().toString());
    vars.put("ansible_managed", "Ansible managed");
    return vars;
  }
}
