package io.tightbeam.connection;

import java.util.regex.Pattern;

/**
 * What a command that talks on a terminal needs (su reads its password only from one): the
 * connection runs it on a pseudo-terminal, types {@code answer} and a newline when the output so
 * far ends with a match of {@code prompt}, and once the command prints the line {@code ready},
 * sends the request's stdin. Output up to that line is the conversation and is not returned,
 * unless the command ends before it (e.g. "su: Authentication failure"). A terminal has one
 * output stream, so the command prints its stdout, a newline, the line {@code ready + " stderr"}
 * and its stderr; the connection splits them again.
 */
public record Terminal(Pattern prompt, String answer, String ready) {}
