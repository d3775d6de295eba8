package io.tightbeam.executor;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Endpoint;
import io.tightbeam.jobs.JobId;
import io.tightbeam.jobs.registry.JobEnd;
import io.tightbeam.jobs.registry.JobEnded;
import io.tightbeam.jobs.registry.JobJournal;
import io.tightbeam.jobs.registry.JobOrigin;
import io.tightbeam.jobs.registry.JobRecord;
import io.tightbeam.jobs.registry.JobTarget;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The run's side of the job registry for one playbook: what a launched job's record holds (where
 * it runs, what started it) and its end. {@code playbook} is the file's absolute path, null for an
 * ad hoc command; {@code reattach} is null unless the run was asked to re-attach to running jobs.
 */
record RunJobs(JobJournal journal, String playbook, JobReattach reattach) {

  /** One launch as the registry keeps it. */
  record Launch(
      String host, Endpoint endpoint, Become become, String asyncDir, String module,
      Map<String, Object> args, boolean noLog) {}

  /** Records a launched job before the launch is reported. */
  void launched(JobId jid, Launch l, String play, TaskHeader task, Map<String, Object> vars, int limit) {
    journal.launched(new JobRecord(jid.value(), target(l), origin(l, play, task, vars), Instant.now(), limit, null));
  }

  /**
   * With {@code --reattach}: the job an earlier run launched for this same task, host, loop item
   * and arguments that the registry still lists as running, claimed so that no other launch in
   * this run takes it. Never under no_log, whose arguments the registry does not keep to compare.
   */
  Optional<JobRecord> reattachable(Launch l, String play, TaskHeader task, Map<String, Object> vars) {
    if (reattach == null || l.noLog() || playbook == null) {
      return Optional.empty();
    }
    return reattach.claim(l.host(), origin(l, play, task, vars));
  }

  private static JobTarget target(Launch l) {
    Map<String, String> options = l.endpoint().options();
    String key = options.getOrDefault("ansible_ssh_private_key_file", options.get("ansible_private_key_file"));
    return new JobTarget(l.host(), l.endpoint().type(), l.endpoint().address(),
        l.endpoint().port(), l.endpoint().user(), l.become().enabled() ? l.become().method() : null,
        l.become().enabled() ? l.become().user() : null, l.asyncDir(), key, options);
  }

  private JobOrigin origin(Launch l, String play, TaskHeader task, Map<String, Object> vars) {
    Map<String, Object> args = new LinkedHashMap<>(l.args());
    args.remove(io.tightbeam.module.FileAndPackageModules.TEMPLATE_VARS);
    String item = null;
    if (vars.get("ansible_loop_var") instanceof String loopVar && vars.containsKey(loopVar)) {
      Object value = vars.get(loopVar);
      // the loop runner marks each item as data never to be templated again
      if (value instanceof io.tightbeam.template.Literal literal) {
        value = literal.value();
      }
      item = l.noLog() ? JobOrigin.CENSORED : JobOrigin.json(value);
    }
    return new JobOrigin(playbook, play,
        task.name() == null || task.name().isBlank() ? task.action() : task.name(), item, l.module(),
        l.noLog() ? JobOrigin.CENSORED : JobOrigin.json(args));
  }

  /**
   * Queues the end {@code result} tells, written with the others of the same poll cycle;
   * completes once it is written (at once without a registry).
   */
  java.util.concurrent.CompletableFuture<Void> ended(JobId jid, String host, Map<String, Object> result, boolean noLog) {
    return journal.ended(new JobEnded(jid.value(), host, JobEnd.of(result, noLog, Instant.now())));
  }
}
