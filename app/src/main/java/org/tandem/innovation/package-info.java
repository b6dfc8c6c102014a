/**
 * The joint Innovation Centre: technology offers and requests, deals and start-ups.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.innovation;
