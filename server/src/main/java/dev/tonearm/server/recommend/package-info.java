/**
 * Recommendations from the live index. {@code /v1/tracks/{id}/similar} scores tracks by what they share with the
 * seed: credited artists, genres, album and decade, and, when the seed's audio features are known, how near its
 * sound is (the nearest tracks by an HNSW vector search, filtered to what the caller may see).
 * {@code /v1/recommendations} starts from the caller's history; until plays, ratings and saves exist, that history
 * is the caller's own tracks, and with none it is the catalog's most popular tracks. Every page is diversified (a
 * few tracks per artist at most) and filtered to what the caller may see.
 */
package dev.tonearm.server.recommend;
