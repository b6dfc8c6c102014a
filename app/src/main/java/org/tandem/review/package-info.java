/**
 * Expert review: each party's pool of experts, and (to come) conflicts, affinity and
 * assignment through the engine, review forms and anonymity. Public API: {@link org.tandem.review.ExpertPools}.
 */
package org.tandem.review;
