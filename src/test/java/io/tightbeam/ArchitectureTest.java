package io.tightbeam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of ARCHITECTURE.md: data flows one way, parsing never reaches execution. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tightbeam");
  }

  private static void mayOnlyUse(String pkg, String... allowed) {
    String[] others = java.util.stream.Stream.of(
            "cli", "config", "yaml", "inventory", "playbook", "template", "vars", "executor",
            "connection", "module", "jobs", "output", "vault")
        .filter(p -> !p.equals(pkg) && !java.util.List.of(allowed).contains(p))
        .map(p -> "io.tightbeam." + p + "..")
        .toArray(String[]::new);
    noClasses().that().resideInAPackage("io.tightbeam." + pkg + "..")
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .check(classes);
  }

  @Test
  void pythonValueRulesDependOnNothingOfOurs() {
    mayOnlyUse("py");
  }

  @Test
  void yamlDependsOnNothingOfOurs() {
    mayOnlyUse("yaml", "vault");
  }

  @Test
  void vaultDependsOnNothingOfOurs() {
    mayOnlyUse("vault");
  }

  @Test
  void connectionDependsOnNothingOfOurs() {
    mayOnlyUse("connection");
  }

  @Test
  void templateDependsOnNothingOfOurs() {
    mayOnlyUse("template", "vault");
  }

  @Test
  void parsingNeverReachesExecution() {
    mayOnlyUse("playbook", "yaml", "vault");
    mayOnlyUse("config", "yaml", "vault");
    mayOnlyUse("inventory", "yaml", "config", "vault");
  }

  @Test
  void modulesAndJobsKnowNothingOfPlaysOrOutput() {
    mayOnlyUse("module", "connection", "template", "vault");
    mayOnlyUse("jobs", "module", "connection");
  }

  @Test
  void onlyTheCliSitsAboveTheExecutorAndOutput() {
    mayOnlyUse("executor", "yaml", "config", "inventory", "playbook", "template", "vars",
        "connection", "module", "jobs", "vault");
    mayOnlyUse("output", "executor", "yaml");
  }

  @Test
  void onlyTheCliEndsTheProcess() {
    noClasses().that().resideOutsideOfPackage("io.tightbeam.cli..")
        .should().callMethod(System.class, "exit", int.class)
        .check(classes);
  }
}
