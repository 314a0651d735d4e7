/** The portfolio in and out as CSV: all-or-nothing import that starts each pilot's intake, export of pilots and audit trail. */
package org.pilotlifecycle.reporting.csv;
