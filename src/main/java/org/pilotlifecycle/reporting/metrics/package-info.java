/** The portfolio as Prometheus metrics: pilots per step and status, stuck pilots by reason, open incidents. */
package org.pilotlifecycle.reporting.metrics;
