/**
 * Expert review: conflicts, affinity, assignment (through the engine), review forms and anonymity.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.review;
