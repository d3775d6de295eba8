package io.tightbeam.jobs;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.LocalConnection;
import io.tightbeam.module.RemoteScript;
import io.tightbeam.module.TargetContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/** Test fixture: jobs on the local machine under a chosen shell, with a temp async dir. */
final class LocalJobs implements AutoCloseable {
  final String shell;
  final Path asyncDir;
  final Path remoteTmp;
  final JobLauncher launcher;
  final Poller poller;
  final TargetContext target;

  LocalJobs(String shell, Path root) throws IOException {
    this(shell, root, new LocalConnection("localhost"));
  }

  LocalJobs(String shell, Path root, Connection connection) throws IOException {
    this.shell = shell;
    this.asyncDir = root.resolve("async dir");
    this.remoteTmp = Files.createDirectories(root.resolve("tmp"));
    this.launcher = new JobLauncher(shell);
    this.poller = new Poller(Executors.newSingleThreadScheduledExecutor(), System::nanoTime, shell);
    this.target = new TargetContext(connection, Become.NONE, Map.of(), false, false, root);
  }

  static List<String> shells() {
    List<String> shells = new ArrayList<>(List.of("/bin/sh"));
    if (Files.isExecutable(Path.of("/bin/dash")) || Files.isExecutable(Path.of("/usr/bin/dash"))) {
      shells.add("dash");
    }
    if (Files.isExecutable(Path.of("/bin/bash"))) {
      shells.add("bash");
    }
    if (Files.isExecutable(Path.of("/usr/bin/busybox")) || Files.isExecutable(Path.of("/bin/busybox"))) {
      shells.add("busybox sh");
    }
    return shells;
  }

  Map<String, Object> launch(String module, int limit) throws Exception {
    return launcher.launch(new RemoteScript(module), spec(limit), target).get();
  }

  JobSpec spec(int limit) {
    return new JobSpec(limit, asyncDir.toString(), remoteTmp.toString(), false);
  }

  Map<String, Object> status(String jid, String mode) throws Exception {
    return poller.status(target, asyncDir.toString(), JobId.parse(jid), mode).get();
  }

  /** Polls async_status until the job is finished (or 20 s pass). */
  Map<String, Object> statusWhenFinished(String jid) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Map<String, Object> r = status(jid, "status");
    while (!Integer.valueOf(1).equals(r.get("finished")) && System.nanoTime() < end) {
      Thread.sleep(100);
      r = status(jid, "status");
    }
    return r;
  }

  Path jobFile(String jid) {
    return asyncDir.resolve(jid);
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Pids of live processes that inherited the job's environment marker. */
  static List<Long> jobProcesses(String jid) throws IOException {
    byte[] marker = ("TIGHTBEAM_JOB=" + jid + ";").getBytes(StandardCharsets.UTF_8);
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          if (statFields(p).get(0).equals("Z")) {
            continue;
          }
          byte[] env = Files.readAllBytes(p.resolve("environ"));
          if (indexOf(env, marker) >= 0) {
            pids.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while we looked
        }
      }
    }
    return pids;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }

  /**
   * Ends a job the test leaves running, all of it, before the test's temp dirs are removed: every
   * process of the job's session (the launcher leads one; the supervisor's record names it) and
   * every process carrying the job's marker, with KILL, so that nothing writes a record or a file
   * afterwards; waits until they are gone.
   */
  void stop(String jid) throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"tightbeam_supervisor_pid\": (\\d+)")
        .matcher(Files.exists(jobFile(jid)) ? read(jobFile(jid)) : "");
    Long session = m.find() ? sessionOf(Long.parseLong(m.group(1))) : null;
    if (session != null && session.equals(sessionOf(ProcessHandle.current().pid()))) {
      session = null; // not a session of the job's own: never this JVM's
    }
    for (int round = 0; round < 100; round++) {
      List<Long> left = new ArrayList<>(jobProcesses(jid));
      if (session != null) {
        left.addAll(sessionMembers(session));
      }
      if (left.isEmpty()) {
        return;
      }
      for (long pid : left) {
        kill(pid, "KILL");
      }
      Thread.sleep(50);
    }
  }

  private static Long sessionOf(long pid) {
    try {
      return Long.parseLong(statFields(Path.of("/proc", Long.toString(pid))).get(3));
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  private static List<Long> sessionMembers(long session) throws IOException {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          List<String> f = statFields(p);
          if (!f.get(0).equals("Z") && Long.parseLong(f.get(3)) == session) {
            pids.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException gone) {
          // ended while we looked
        }
      }
    }
    return pids;
  }

  /** The fields of /proc/PID/stat after the command name: state, ppid, pgrp, session, ... */
  private static List<String> statFields(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"));
    return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
  }

  static void kill(long pid, String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
  }

  @Override
  public void close() throws Exception {
    poller.close();
  }
}
