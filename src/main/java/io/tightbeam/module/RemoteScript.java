package io.tightbeam.module;

/**
 * The remote part of a module: a POSIX sh script (needing only /bin/sh and standard tools) that
 * does the work on the target and prints exactly one JSON object, the module's result, on stdout.
 * The same text runs synchronously or, under async, inside the job wrapper.
 */
public record RemoteScript(String body) {}
