/** The portfolio: pilots per step, time in each step, time to production and its trend, maturity, KPIs; {@code /api/portfolio}. */
package org.pilotlifecycle.reporting.portfolio;
