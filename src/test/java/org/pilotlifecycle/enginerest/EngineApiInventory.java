package org.pilotlifecycle.enginerest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every endpoint of Camunda's REST resources, found by reflection from the root resources the engine REST API
 * and the webapps' engine API both serve: HTTP method, path template and the interface method that declares it.
 */
final class EngineApiInventory {

  /** @param consumes the first media type the endpoint accepts (JSON when it names none) */
  record Endpoint(String httpMethod, String path, String declaredBy, String consumes) implements Comparable<Endpoint> {
    @Override
    public int compareTo(Endpoint other) {
      return Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod).compare(this, other);
    }

    @Override
    public String toString() {
      return httpMethod + " " + path + " " + declaredBy;
    }

    /** The Content-Type to send it: its own, with a boundary for a multipart one. */
    String contentType() {
      return consumes.startsWith("multipart/") ? "multipart/form-data; boundary=pilot" : consumes;
    }

    /** A body with nothing in it, in the endpoint's own format. */
    String emptyBody() {
      return consumes.startsWith("multipart/") ? "--pilot--\r\n" : "{}";
    }
  }

  private EngineApiInventory() {
  }

  /** The endpoints that change state: every method but GET, HEAD and OPTIONS, queries by POST aside. */
  static List<Endpoint> mutating() {
    return endpoints().stream()
        .filter(endpoint -> !Set.of("GET", "HEAD", "OPTIONS").contains(endpoint.httpMethod()))
        .filter(endpoint -> !org.pilotlifecycle.enginerest.EngineApiEntrances.READ_BY_POST.matcher(endpoint.declaredBy())
            .matches())
        .toList();
  }

  static List<Endpoint> endpoints() {
    List<Endpoint> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Object[]> work = new ArrayDeque<>();
    for (Class<?> root : CamundaRestResources.getResourceClasses()) {
      work.add(new Object[] {root, path(root)});
    }
    while (!work.isEmpty()) {
      Object[] next = work.poll();
      Class<?> type = (Class<?>) next[0];
      String prefix = (String) next[1];
      if (!seen.add(type.getName() + "@" + prefix)) {
        continue;
      }
      for (Method method : annotatedMethods(type)) {
        String path = join(prefix, method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
        String http = httpMethod(method);
        if (http != null) {
          found.add(new Endpoint(http, path, method.getDeclaringClass().getSimpleName() + "#" + method.getName(),
              method.isAnnotationPresent(jakarta.ws.rs.Consumes.class)
                  ? method.getAnnotation(jakarta.ws.rs.Consumes.class).value()[0] : "application/json"));
        } else if (method.isAnnotationPresent(Path.class) && !path.chars().allMatch(c -> c == '/')) {
          work.add(new Object[] {method.getReturnType(), path});
        }
      }
    }
    return found.stream().distinct().sorted().toList();
  }

  /** The methods carrying JAX-RS annotations, wherever in the type's hierarchy they are declared. */
  private static List<Method> annotatedMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    Set<String> signatures = new HashSet<>();
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(type);
    while (!types.isEmpty()) {
      Class<?> current = types.poll();
      if (current == null || current == Object.class) {
        continue;
      }
      for (Method method : current.getDeclaredMethods()) {
        if ((method.isAnnotationPresent(Path.class) || httpMethod(method) != null)
            && signatures.add(method.getName() + java.util.Arrays.toString(method.getParameterTypes()))) {
          methods.add(method);
        }
      }
      if (current.getSuperclass() != null) {
        types.add(current.getSuperclass());
      }
      types.addAll(java.util.List.of(current.getInterfaces()));
    }
    return methods;
  }

  static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String path(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      if (current.isAnnotationPresent(Path.class)) {
        return join("", current.getAnnotation(Path.class).value());
      }
      for (Class<?> contract : current.getInterfaces()) {
        if (contract.isAnnotationPresent(Path.class)) {
          return join("", contract.getAnnotation(Path.class).value());
        }
      }
    }
    return "";
  }

  private static String join(String prefix, String path) {
    String joined = (prefix + "/" + path).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
