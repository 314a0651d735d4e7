package org.pilotlifecycle.architecture;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.PilotLifecycleApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules (one per top-level package below {@code org.pilotlifecycle}) and their
 * boundaries: no cycles between modules, and a module uses another only through its API (its base package
 * and the named interfaces it declares), never its internal packages. Writes the modules' documentation
 * (a C4 component diagram and a canvas per module) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PilotLifecycleApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void documentsTheModules() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
