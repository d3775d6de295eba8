package io.tightbeam.module;

/** A module's arguments are wrong; the message names the module and the argument, as Ansible's. */
public final class ModuleArgumentException extends RuntimeException {
  public ModuleArgumentException(String message) {
    super(message);
  }
}
