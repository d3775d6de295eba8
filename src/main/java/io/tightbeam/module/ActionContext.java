package io.tightbeam.module;

import io.tightbeam.template.Templar;
import java.util.Map;

/**
 * What a controller-side action may use: the templar, the task's variables (raw, templated on
 * access by the templar), the host's name and check mode.
 */
public record ActionContext(
    Templar templar, Map<String, Object> vars, String host, boolean checkMode, int verbosity) {}
