package io.tightbeam.module;

/**
 * A controller action refuses its input, as Ansible's AnsibleActionFail: the failed result also
 * carries {@code exception: "NoneType: None\n"} (no traceback), which the output announces.
 */
public final class ActionFailure extends RuntimeException {
  /** The {@code exception} text such a result holds in ansible-playbook 2.14. */
  public static final String NO_TRACEBACK = "NoneType: None\n";

  public ActionFailure(String message) {
    super(message);
  }
}
