/**
 * Mail: who is told what (gates waiting, reminders before a phase or stage falls due, overdue escalations, a pilot
 * paused, stopped or in production), queued in an outbox in the transaction that caused it and sent after commit.
 * A task's mails reach its people ({@link org.pilotlifecycle.notification.TaskPeople}: assignee, else candidate
 * users, else the candidate groups' members).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.pilotlifecycle.notification;
