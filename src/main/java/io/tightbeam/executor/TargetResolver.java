package io.tightbeam.executor;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Endpoint;
import io.tightbeam.module.TargetContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out how a task reaches its host: the connection (Ansible's variables over play keywords
 * over flags over settings), become, and the task's environment.
 */
final class TargetResolver {
  private static final List<String> PASSED_OPTIONS =
      List.of(
          "ansible_ssh_private_key_file", "ansible_private_key_file", "ansible_password",
          "ansible_ssh_pass", "ansible_ssh_common_args", "ansible_ssh_extra_args",
          "ansible_host_key_checking", "ansible_ssh_host_key_checking", "ansible_ssh_args");

  private final PlayContext ctx;

  TargetResolver(PlayContext ctx) {
    this.ctx = ctx;
  }

  TargetContext resolve(Keywords kw, Map<String, Object> vars, boolean checkMode) {
    return resolve(kw, vars, checkMode, false);
  }

  /** {@code hideCommands}: the -vvv trace names no command (a no_log task's commands carry its arguments). */
  TargetContext resolve(Keywords kw, Map<String, Object> vars, boolean checkMode, boolean hideCommands) {
    Endpoint endpoint = endpoint(kw, vars);
    io.tightbeam.connection.Connection connection = ctx.services().connections().get(endpoint);
    if (ctx.options().verbosity() >= 3) {
      var inventory = ctx.services().inventory();
      // Ansible's implicit localhost has the address 127.0.0.1
      boolean implicit = endpoint.address().equals(endpoint.inventoryName())
          && inventory.host(endpoint.inventoryName()).map(inventory::isImplicit).orElse(false);
      connection = new ConnectionLog(connection, endpoint, implicit ? "127.0.0.1" : endpoint.address(), ctx.listener(),
          hideCommands);
    }
    return new TargetContext(
        connection,
        become(kw, vars),
        environment(kw, vars),
        checkMode,
        kw.diff(vars),
        kw.fileBase(),
        kw.searchPath().dirs());
  }

  private static final List<String> CONNECTION_VARS =
      List.of("ansible_host", "ansible_ssh_host", "ansible_port", "ansible_ssh_port", "ansible_user",
          "ansible_ssh_user", "ansible_connection", "ansible_ssh_private_key_file",
          "ansible_private_key_file", "ansible_password", "ansible_ssh_pass", "ansible_ssh_common_args",
          "ansible_ssh_extra_args", "ansible_ssh_args");

  /**
   * With {@code delegate_to}, the task reaches the delegate: its inventory connection variables
   * replace the host's (a name not in the inventory is used as the address).
   */
  private Map<String, Object> delegated(Keywords kw, Map<String, Object> vars) {
    String delegate = kw.string("delegate_to", vars);
    if (delegate == null || delegate.isBlank()) {
      return vars;
    }
    Map<String, Object> v = new LinkedHashMap<>(vars);
    CONNECTION_VARS.forEach(v::remove);
    var inventory = ctx.services().inventory();
    var found = inventory.host(delegate);
    if (found.isPresent()) {
      inventory.hostVars(found.get(), ctx.services().playbookDir()).forEach((k, val) -> {
        if (CONNECTION_VARS.contains(k)) {
          v.put(k, val);
        }
      });
    } else {
      v.put("ansible_host", delegate);
    }
    v.put("inventory_hostname", delegate);
    return v;
  }

  Endpoint endpoint(Keywords kw, Map<String, Object> taskVars) {
    RunOptions o = ctx.options();
    Map<String, Object> vars = delegated(kw, taskVars);
    String host = str(vars.get("inventory_hostname"), vars);
    String type = first(str(vars.get("ansible_connection"), vars), kw.string("connection", vars), o.connection(), "ssh");
    if (type.equals("smart") || type.equals("paramiko")) {
      type = "ssh";
    }
    String address = first(str(vars.get("ansible_host"), vars), str(vars.get("ansible_ssh_host"), vars), host);
    String port = first(str(vars.get("ansible_port"), vars), str(vars.get("ansible_ssh_port"), vars), kw.string("port", vars), "0");
    String user =
        first(
            str(vars.get("ansible_user"), vars),
            str(vars.get("ansible_ssh_user"), vars),
            kw.string("remote_user", vars),
            o.remoteUser(),
            o.settings().remoteUser(),
            null); // unset: ssh_config's User for the host, then the local user (SshSettings)
    int timeout = o.timeout() != null ? o.timeout() : o.settings().timeout();
    Map<String, String> options = new LinkedHashMap<>();
    for (String name : PASSED_OPTIONS) {
      String v = str(vars.get(name), vars);
      if (v != null) {
        options.put(name, v);
      }
    }
    if (o.privateKeyFile() != null) {
      options.putIfAbsent("ansible_ssh_private_key_file", o.privateKeyFile());
    } else if (o.settings().privateKeyFile() != null) {
      options.putIfAbsent("ansible_ssh_private_key_file", o.settings().privateKeyFile());
    }
    if (o.connectionPassword() != null) {
      options.putIfAbsent("ansible_password", o.connectionPassword());
    }
    String hkc = first(options.get("ansible_host_key_checking"), options.get("ansible_ssh_host_key_checking"));
    options.put("host_key_checking", hkc != null ? String.valueOf(Results.truthy(hkc)) : String.valueOf(o.settings().hostKeyChecking()));
    String sshArgs = options.remove("ansible_ssh_args");
    options.put("ssh_args", sshArgs != null ? sshArgs : o.settings().sshArgs() == null ? "" : o.settings().sshArgs());
    options.put("control_path_dir", o.settings().controlPathDir());
    int portNumber;
    try {
      portNumber = Integer.parseInt(port.strip());
    } catch (NumberFormatException e) {
      throw new Keywords.TaskValueException(io.tightbeam.playbook.FieldValues.notInt("port", port));
    }
    return new Endpoint(host, type, address, portNumber, user, Duration.ofSeconds(timeout), options);
  }

  Become become(Keywords kw, Map<String, Object> vars) {
    RunOptions o = ctx.options();
    boolean enabled =
        vars.containsKey("ansible_become")
            ? Results.truthy(ctx.templar().template(vars.get("ansible_become"), vars))
            : kw.has("become") ? kw.bool("become", vars, false)
            : o.become() != null ? o.become() : o.settings().become();
    if (!enabled) {
      return Become.NONE;
    }
    String method = first(str(vars.get("ansible_become_method"), vars), kw.string("become_method", vars), o.becomeMethod(), o.settings().becomeMethod(), "sudo");
    String user = first(str(vars.get("ansible_become_user"), vars), kw.string("become_user", vars), o.becomeUser(), o.settings().becomeUser(), "root");
    String flags = first(str(vars.get("ansible_become_flags"), vars), kw.string("become_flags", vars), "");
    String password = first(str(vars.get("ansible_become_password"), vars), str(vars.get("ansible_become_pass"), vars), o.becomePassword());
    return new Become(true, method, user, flags, password);
  }

  Map<String, String> environment(Keywords kw, Map<String, Object> vars) {
    TaskEnvironment.Resolved env = TaskEnvironment.of(ctx.templar(), kw.levels("environment"), vars);
    env.warnings().forEach(ctx.listener()::warning);
    return env.environment();
  }

  private String str(Object raw, Map<String, Object> vars) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof io.tightbeam.template.Literal l) {
      return l.value() == null ? null : l.value().toString();
    }
    Object v = ctx.templar().template(raw, vars);
    return v == null ? null : v.toString();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return values.length > 0 ? values[values.length - 1] : null;
  }
}
