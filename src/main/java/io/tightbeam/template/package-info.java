/**
 * Jinja2 with Ansible's semantics on HubSpot Jinjava. The front door is {@link
 * io.tightbeam.template.Templar}; everything else is package-private.
 *
 * <p>Known differences from Jinja2/Ansible that remain (Jinjava limits):
 *
 * <ul>
 *   <li>Inside a mixed template, {@code }}} always closes the expression, so write {@code {'a': {'b':
 *       1} }} with a space; a lone {@code {{ expr }}} may contain {@code }}}.
 *   <li>{@code {% if "false" %}} inside a template is false (Jinjava's truth rule); bare
 *       conditionals given to {@code isTrue} and {@code not}/{@code and}/{@code or} use Python's rule
 *       (a non-empty string is true).
 *   <li>{@code xs.0} is a syntax error (use {@code xs[0]}); {@code {% for x in xs if c %}} is not
 *       supported.
 *   <li>Jinjava drops keyword names in test calls ({@code is regex('x', match_type='match')}); the
 *       tests read them by position, and {@code regex} recognises the match type by value.
 * </ul>
 */
package io.tightbeam.template;
