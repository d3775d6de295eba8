package io.tightbeam.jobs;

/**
 * How to start one async job: the time limit in seconds ({@code async}), the async dir as
 * configured (unexpanded, e.g. {@code ~/.ansible_async}; expanded on the target for the user the
 * job runs as), the remote tmp dir, and whether to keep the job's tmp files.
 */
public record JobSpec(int timeLimitSeconds, String asyncDir, String remoteTmp, boolean keepRemoteFiles) {}
