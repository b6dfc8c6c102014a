/**
 * Implementation and monitoring of funded projects: contracts per party, milestones, reports, outputs.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.project;
