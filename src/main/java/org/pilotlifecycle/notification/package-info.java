/**
 * Mail: who is told what (gates waiting, overdue escalations, a pilot paused, stopped or in production), queued
 * in an outbox in the transaction that caused it and sent after commit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.pilotlifecycle.notification;
