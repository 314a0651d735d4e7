/**
 * Evidence files on deliverables (issue 16): people entitled to a pilot's open task attach documents to its phase or
 * stage, each upload of a name a new version, with SHA-256, size and the media type detected from the content
 * (Apache Tika); listed and downloaded under {@code /api/pilots/{key}/evidence} with the pilot's visibility; a gate
 * decision records the versions it approved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package org.pilotlifecycle.evidence;
