package org.pilotlifecycle.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that no handler of the API answered (a request the firewall refused, a status sent by a filter or
 * the container) as RFC 7807 problem details instead of Spring Boot's error JSON or Tomcat's HTML page;
 * nothing of the failure itself is shown.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
        ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    ProblemDetail problem = Problems.of(status, null, status.is5xxServerError() ? Problems.SERVER_ERROR_DETAIL
        : "The request was refused: " + status.getReasonPhrase() + ".");
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** Tomcat's own refusals (before any servlet) as problem details too. */
  @Configuration
  static class TomcatErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
      return factory -> {
        factory.addContextCustomizers(context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
          }
        });
        // Tomcat refuses TRACE itself with a bare answer; let it through to the application's first filter, which
        // refuses it (and every other method nothing serves) with a 405 problem (security's MalformedRequestGuard).
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
      };
    }
  }
}
