package org.pilotlifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PilotLifecycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(PilotLifecycleApplication.class, args);
  }
}
