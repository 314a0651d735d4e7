/**
 * A pilot's named people at work: who holds each of its tasks (the named person, their deputy, the role's group
 * when nobody is named, the group minus the preparers at a gate), deputies for a period, changing a pilot's
 * people, and moving its open tasks with them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Named people")
package org.pilotlifecycle.people;
