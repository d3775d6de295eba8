package io.tightbeam.jobs.registry;

/** A job's end, keyed by job id and inventory host. */
public record JobEnded(String jid, String host, JobEnd end) {}
