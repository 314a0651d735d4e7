package org.pilotlifecycle.enginerest;

import org.junit.jupiter.api.Test;

class EnumTmpTest {
  @Test
  void print() {
    EngineApiInventory.endpoints().forEach(e -> System.out.println("EP " + e));
  }
}
