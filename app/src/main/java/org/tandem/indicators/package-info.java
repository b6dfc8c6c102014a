/**
 * Indicators of innovation capacity and the composite index.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.indicators;
