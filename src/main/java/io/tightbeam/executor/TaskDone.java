package io.tightbeam.executor;

import java.util.Map;

/** A task finished on one host: the outcome to show and count, the result to register. */
record TaskDone(HostState host, HostOutcome outcome, Map<String, Object> result, boolean noLog) {}
