package org.pilotlifecycle.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage: the library measures every Spring test class and writes a report per class
 * under {@code target/process-test-coverage}; {@code ProcessCoverageTest}, run last, asserts the
 * thresholds. (Left to the library, a class-level threshold applies to every class, and excluding
 * classes makes its engine listener fail in them.)
 */
@TestConfiguration
public class ProcessCoverageThresholds {

  @Bean
  @Primary
  ProcessEngineCoverageProperties processCoverageReports() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .handleTestMethodCoverage(false)
        .build();
  }
}
