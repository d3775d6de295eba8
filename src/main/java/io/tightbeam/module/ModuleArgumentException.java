package io.tightbeam.module;

public final class ModuleArgumentException extends RuntimeException {
  private static final String UNSUPPORTED = "Unsupported parameters for (";

  public ModuleArgumentException(String message) {
    super(message);
  }

  /**
   * This failure with {@code module} as the name in "Unsupported parameters for (NAME) module"
   * (Ansible names the module as the task wrote it, or as its action plugin ran it); other
   * messages name no module and stay as they are.
   */
  public ModuleArgumentException naming(String module) {
    String msg = getMessage();
    int end = msg.indexOf(") module: ");
    if (!msg.startsWith(UNSUPPORTED) || end < 0) {
      return this;
    }
    return new ModuleArgumentException(UNSUPPORTED + module + msg.substring(end));
  }
}
