package io.tightbeam.playbook;

import java.nio.file.Path;
import java.util.List;

/** A playbook file with {@code import_playbook} already expanded into its plays. */
public record Playbook(Path path, List<Play> plays) {}
