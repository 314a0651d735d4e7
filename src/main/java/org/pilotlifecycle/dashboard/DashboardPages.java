package org.pilotlifecycle.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboards' stable URLs: {@code /dashboard} (the portfolio) and {@code /dashboard/pilots/{key}} (one pilot),
 * served from {@code static/dashboard/}. The pages hold no data: they read it from the API with the webapps' login,
 * so what a person sees follows what the API lets them see (a pilot they may not see is the API's 404).
 */
@Controller
class DashboardPages {

  @GetMapping({"/dashboard", "/dashboard/"})
  String portfolio() {
    return "forward:/dashboard/index.html";
  }

  @GetMapping("/dashboard/pilots/{key}")
  String pilot(@PathVariable String key) {
    return "forward:/dashboard/pilot.html";
  }
}
