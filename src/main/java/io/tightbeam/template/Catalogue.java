package io.tightbeam.template;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every filter, test and lookup by name, short and FQCN ({@code ansible.builtin.x}). Built once;
 * read by any thread.
 */
final class Catalogue {
  /** The body of a filter: the piped value, the call's arguments and the calling template run. */
  @FunctionalInterface
  interface FilterBody {
    Object apply(Object value, Args args, Env env);
  }

  /** The body of a test. */
  @FunctionalInterface
  interface TestBody {
    /** Mostly a boolean; Ansible's result tests give the result's own value ({@code r is failed} -> 'yes'). */
    Object apply(Object value, Args args, Env env);
  }

  /** The body of a lookup plugin: its terms and keyword arguments; always a list of results. */
  @FunctionalInterface
  interface LookupBody {
    List<Object> run(List<Object> terms, Map<String, Object> options, Env env);
  }

  /**
   * A filter. Unless {@code acceptsUndefined} (as {@code default} does), an {@link Undefined}
   * value or argument fails with its message before the body runs, as Jinja2's StrictUndefined.
   */
  record Filter(String name, boolean acceptsUndefined, FilterBody body) {}

  /** A test; {@code acceptsUndefined} as for filters ({@code defined} does). */
  record Test(String name, boolean acceptsUndefined, TestBody body) {}

  /** A lookup plugin. */
  record Lookup(String name, LookupBody body) {}

  /**
   * Names a run adds over the built-in ones (its Python plugins): asked first, as a custom plugin
   * of Ansible's overrides a builtin of the same short name; null falls through to the builtins.
   */
  interface Extension {
    Filter filter(String name);

    Test test(String name);

    Lookup lookup(String name);
  }

  private final Map<String, Filter> filters;
  private final Map<String, Test> tests;
  private final Map<String, Lookup> lookups;
  private final Extension extension;

  private Catalogue() {
    this(new HashMap<>(), new HashMap<>(), new HashMap<>(), null);
  }

  private Catalogue(Map<String, Filter> filters, Map<String, Test> tests, Map<String, Lookup> lookups,
      Extension extension) {
    this.filters = filters;
    this.tests = tests;
    this.lookups = lookups;
    this.extension = extension;
  }

  /** This catalogue with {@code extension}'s names asked first. */
  Catalogue with(Extension extension) {
    return new Catalogue(filters, tests, lookups, extension);
  }

  private static final class Holder {
    static final Catalogue BUILTIN = build();
  }

  /** The built-in catalogue (built on first use). */
  static Catalogue builtin() {
    return Holder.BUILTIN;
  }

  private static Catalogue build() {
    Catalogue c = new Catalogue();
    // Ansible's filters come after Jinja2's: where both name one (random), Ansible's wins.
    JinjaTextFilters.register(c);
    JinjaListFilters.register(c);
    JinjaSelectFilters.register(c);
    AnsibleCoreFilters.register(c);
    AnsibleDataFilters.register(c);
    AnsibleListFilters.register(c);
    AnsibleMathFilters.register(c);
    PyBuiltinFilters.register(c);
    RegexFilters.register(c);
    PathFilters.register(c);
    UrlFilters.register(c);
    TimeFilters.register(c);
    IpFilters.register(c);
    JsonQueryFilter.register(c);
    VaultFilterCalls.register(c);
    Set<String> before = new HashSet<>(c.tests.keySet());
    BuiltinTests.register(c);
    // Jinja2's own tests keep their short names only: {{ 1 is ansible.builtin.defined }} fails
    // in ansible-core 2.14 with Could not load.
    c.tests.keySet().removeIf(k -> !before.contains(k) && k.startsWith("ansible.builtin."));
    CoreTests.register(c);
    FileTests.register(c);
    MathTests.register(c);
    UriTests.register(c);
    ListLookups.register(c);
    SequenceLookup.register(c);
    FileLookups.register(c);
    FirstFoundLookup.register(c);
    TemplateLookup.register(c);
    VarLookups.register(c);
    InventoryHostnamesLookup.register(c);
    ConfigLookup.register(c);
    PasswordLookup.register(c);
    CsvFileLookup.register(c);
    IniLookup.register(c);
    UrlLookup.register(c);
    return c;
  }

  /** Adds a filter that fails on undefined input, under {@code name} and {@code ansible.builtin.name}. */
  void filter(String name, FilterBody body) {
    add(filters, name, new Filter(name, false, body));
  }

  void filter(String name, boolean acceptsUndefined, FilterBody body) {
    add(filters, name, new Filter(name, acceptsUndefined, body));
  }

  /**
   * Adds a Jinja2 builtin under its short name only: ansible-core 2.14 has no {@code
   * ansible.builtin.sort} (only its own plugins, and unique and random, take the prefix).
   */
  void jinjaFilter(String name, boolean acceptsUndefined, FilterBody body) {
    filters.put(name, new Filter(name, acceptsUndefined, body));
  }

  void test(String name, TestBody body) {
    add(tests, name, new Test(name, false, body));
  }

  void test(String name, boolean acceptsUndefined, TestBody body) {
    add(tests, name, new Test(name, acceptsUndefined, body));
  }

  void lookup(String name, LookupBody body) {
    add(lookups, name, new Lookup(name, body));
  }

  /** Adds a lookup under a name exactly as given (another collection's: {@code community.general.flattened}). */
  void lookupNamed(String fullName, LookupBody body) {
    lookups.put(fullName, new Lookup(fullName, body));
  }

  /** Adds under a name exactly as given (for other collections: {@code ansible.utils.ipaddr}). */
  void filterNamed(String fullName, FilterBody body) {
    filters.put(fullName, new Filter(fullName, false, body));
  }

  private static <T> void add(Map<String, T> map, String name, T value) {
    map.put(name, value);
    map.put("ansible.builtin." + name, value);
  }

  Filter filter(String name) {
    Filter own = extension == null ? null : extension.filter(name);
    return own != null ? own : filters.get(name);
  }

  Test test(String name) {
    Test own = extension == null ? null : extension.test(name);
    return own != null ? own : tests.get(name);
  }

  Lookup lookup(String name) {
    Lookup own = extension == null ? null : extension.lookup(name);
    return own != null ? own : lookups.get(name);
  }
}
