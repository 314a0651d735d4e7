/**
 * Dashboards people look at (issue 19): the portfolio dashboard ({@code /dashboard}) and a page per pilot
 * ({@code /dashboard/pilots/{key}}), static pages that draw the application's API with Apache ECharts under the
 * webapps' login; and the one read they need that no other module gives, a pilot's open tasks and who holds them
 * ({@code GET /api/pilots/{key}/tasks}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards")
package org.pilotlifecycle.dashboard;
