package io.tightbeam.executor;

import java.util.Map;

/**
 * A task finished on one host: the outcome to show and count, the result to register, and whether
 * the output shows the result's {@code diff} (an ok result with one, in diff mode).
 */
record TaskDone(HostState host, HostOutcome outcome, Map<String, Object> result, boolean noLog, boolean diff) {}
