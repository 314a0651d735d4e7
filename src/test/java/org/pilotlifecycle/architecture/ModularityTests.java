package org.pilotlifecycle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.PilotLifecycleApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Component;

/**
 * The application's modules (one per top-level package below {@code org.pilotlifecycle}, each described in its
 * {@code package-info.java}) and their boundaries: no cycles between modules, and a module uses another only
 * through its API (its base package), never its internal packages. Writes the modules' documentation (a C4
 * component diagram and a canvas per module) to {@code target/spring-modulith-docs}. Fast: no Spring context.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PilotLifecycleApplication.class);
  static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pilotlifecycle");

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void onlyTheModulesThatExtendTheEngineUseItsInternals() {
    noClasses().that().resideOutsideOfPackages("org.pilotlifecycle.engine..", "org.pilotlifecycle.bootstrap..",
            "org.pilotlifecycle.notification..", "org.pilotlifecycle.security..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("Camunda's impl API is not public: only engine plugins and the engine boundary may touch it")
        .check(MAIN);
  }

  @Test
  void theDomainKnowsNoEngine() {
    noClasses().that().resideInAnyPackage("org.pilotlifecycle.framework..", "org.pilotlifecycle.pilot..",
            "org.pilotlifecycle.audit..", "org.pilotlifecycle.fivephase.checks..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(MAIN);
  }

  @Test
  void everyDelegateIsATopLevelBeanNamedLikeItsClass() {
    classes().that().implement(JavaDelegate.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
        .should().beTopLevelClasses().andShould().haveSimpleNameEndingWith("Delegate")
        .andShould().beAnnotatedWith(Component.class)
        .check(MAIN);
    MAIN.stream().filter(type -> type.isAssignableTo(JavaDelegate.class) && type.isAnnotatedWith(Component.class))
        .forEach(type -> {
          String name = type.getAnnotationOfType(Component.class).value();
          if (!name.isEmpty()) {
            throw new AssertionError(type.getName() + " names its bean '" + name
                + "': leave the name to Spring, so the bean is named like the class");
          }
        });
  }

  @Test
  void documentsTheModules() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
