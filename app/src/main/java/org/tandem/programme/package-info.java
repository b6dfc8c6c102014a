/**
 * Programmes, their parties (one funding agency per country, each with its currency and time
 * zone), priority fields, annual plans and calls. The public API of this module is
 * {@link org.tandem.programme.Programmes} and {@link org.tandem.programme.Calls} with the
 * entities they return; repositories and controllers are package-private.
 */
package org.tandem.programme;
