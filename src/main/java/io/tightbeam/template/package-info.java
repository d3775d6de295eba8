/**
 * Jinja2 with Ansible's semantics, on an engine of our own. The front door is {@link
 * io.tightbeam.template.Templar}; everything else is package-private.
 *
 * <p>The data path: {@code Lexer} (text to tokens; whitespace control; a tag ends only where
 * brackets balance) → {@code Parser}/{@code ExpressionParser} (Jinja2's grammar into {@code Node}
 * records; the parsed tree is cached by {@code TemplateCache}, and {@code Checker} rejects unknown
 * filters and tests as Jinja2's compiler does) → {@code Renderer}/{@code Evaluator} (statements and
 * expressions in {@code Frame}s, Python's operators in {@code Ops}, methods in {@code Methods},
 * {@code x.y}/{@code x[y]} in {@code Access}) → {@code Output} → Ansible's concat rules in
 * {@code Evaluation}. Filters, tests and lookups are registered by name in the {@code Catalogue}
 * and see the running template through {@code Env}.
 */
package io.tightbeam.template;
