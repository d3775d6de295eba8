package io.tightbeam.cli;

import io.tightbeam.connection.Keeper;
import java.nio.file.Path;

/** The keeper process (Tightbeam's ControlPersist), started by a run: {@code KeeperCli <socket> <persist-seconds>}. */
public final class KeeperCli {
  private KeeperCli() {}

  public static void main(String[] args) throws Exception {
    Keeper.serve(Path.of(args[0]), Long.parseLong(args[1]), System.out);
    System.exit(0);
  }
}
