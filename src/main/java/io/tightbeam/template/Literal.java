package io.tightbeam.template;

/**
 * A variable value that is data, not template: registered results, facts, set_fact values.
 * Ansible calls these "unsafe"; their strings are never rendered, even if they hold {@code {{}}.
 */
public record Literal(Object value) {}
