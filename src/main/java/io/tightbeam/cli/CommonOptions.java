package io.tightbeam.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags {@code ansible} and {@code ansible-playbook} share, with their names and meanings. */
final class CommonOptions {
  @Option(names = {"-i", "--inventory", "--inventory-file"}, description = "specify inventory host path or comma separated host list")
  List<String> inventory = new ArrayList<>();

  @Option(names = {"-l", "--limit"}, description = "further limit selected hosts to an additional pattern")
  String limit;

  @Option(names = {"-f", "--forks"}, description = "specify number of parallel processes to use (default=5)")
  Integer forks;

  @Option(names = {"-e", "--extra-vars"}, description = "set additional variables as key=value or YAML/JSON, if filename prepend with @")
  List<String> extraVars = new ArrayList<>();

  @Option(names = {"-C", "--check"}, description = "don't make any changes; instead, try to predict some of the changes that may occur")
  boolean check;

  @Option(names = {"-D", "--diff"}, description = "when changing (small) files and templates, show the differences in those files")
  boolean diff;

  @Option(names = {"-u", "--user"}, description = "connect as this user (default=None)")
  String user;

  @Option(names = {"-c", "--connection"}, description = "connection type to use (default=smart)")
  String connection;

  @Option(names = {"-T", "--timeout"}, description = "override the connection timeout in seconds (default=10)")
  Integer timeout;

  @Option(names = {"-v", "--verbose"}, description = "Causes Ansible to print more debug messages")
  boolean[] verbose = new boolean[0];

  @Option(names = "--list-hosts", description = "outputs a list of matching hosts; does not execute anything else")
  boolean listHosts;

  @Option(names = {"-b", "--become"}, description = "run operations with become (does not imply password prompting)")
  boolean become;

  @Option(names = "--become-user", description = "run operations as this user (default=root)")
  String becomeUser;

  @Option(names = "--become-method", description = "privilege escalation method to use (default=sudo)")
  String becomeMethod;

  @Option(names = {"-K", "--ask-become-pass"}, description = "ask for privilege escalation password")
  boolean askBecomePass;

  @Option(names = {"-k", "--ask-pass"}, description = "ask for connection password")
  boolean askPass;

  @Option(names = {"--private-key", "--key-file"}, description = "use this file to authenticate the connection")
  String privateKey;

  @Option(names = "--playbook-dir", description = "Since this tool does not use playbooks, use this as a substitute playbook directory")
  String playbookDir;

  @Mixin
  VaultOptions vault = new VaultOptions();

  @Option(names = "--version", versionHelp = true, description = "show program's version number, config file location, and exit")
  boolean version;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
  boolean help;

  int verbosity() {
    return verbose.length;
  }
}
