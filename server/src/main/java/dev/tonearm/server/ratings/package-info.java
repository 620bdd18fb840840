/**
 * Listener ratings of tracks: {@code PUT}, {@code GET} and {@code DELETE /v1/tracks/{id}/rating}. A listener gives a
 * track they may see one to five stars, changes or withdraws them; the track carries the aggregate (average and
 * count), which the catalog keeps exact in the same transaction as the rating and which bumps the track's version, so
 * the search index picks it up for {@code minRating}, the {@code rating} facet and popularity. {@link
 * dev.tonearm.server.ratings.RatingService} holds the rules (another's private track is "not found", as everywhere),
 * {@link dev.tonearm.server.ratings.RatingRoutes} the thin handlers and the body check.
 */
package dev.tonearm.server.ratings;
