/**
 * Joint selection: aggregated and calibrated scores, the funding line under every party's budget, decisions.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.selection;
