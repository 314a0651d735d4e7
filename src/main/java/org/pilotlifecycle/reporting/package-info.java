/**
 * What the portfolio looks like from above: the stuck list ({@code stuck}), the portfolio and its maturity
 * ({@code portfolio}), Prometheus metrics ({@code metrics}) and the CSV import and export ({@code csv}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.pilotlifecycle.reporting;
