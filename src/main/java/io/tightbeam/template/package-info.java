/**
 * Jinja2 with Ansible's semantics on HubSpot Jinjava. The front door is {@link
 * io.tightbeam.template.Templar}; everything else is package-private.
 *
 * <p>Known differences from Jinja2/Ansible that remain (Jinjava limits):
 *
 * <ul>
 *   <li>Inside a mixed template, {@code }}} always closes the expression, so write {@code {'a': {'b':
 *       1} }} with a space; a lone {@code {{ expr }}} may contain {@code }}}.
 *   <li>Truth follows Python ({@code "false"} is true) in {@code isTrue}, {@code {% if %}},
 *       {@code not}/{@code and}/{@code or}; Jinjava's own filters such as {@code select} without a
 *       test still use Jinjava's rule, in which the string "false" is false.
 *   <li>{@code xs.0} is a syntax error (use {@code xs[0]}); {@code {% for x in xs if c %}} is not
 *       supported.
 *   <li>Jinjava drops keyword names in test calls ({@code is regex('x', match_type='match')}); the
 *       tests read them by position, and {@code regex} recognises the match type by value.
 * </ul>
 */
package io.tightbeam.template;
