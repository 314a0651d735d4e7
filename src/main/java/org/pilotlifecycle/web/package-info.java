/**
 * The shared web layer: RFC 7807 problem details (the one factory, the feature exceptions' base types and
 * field problems), the API's exception handler, error pages, and the JSON shape of a page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.pilotlifecycle.web;
