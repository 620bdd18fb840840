/**
 * Recommendations from the live index. {@code /v1/tracks/{id}/similar} scores tracks by what they share with the
 * seed: credited artists, genres, album and decade, and, when the seed's audio features are known, how near its
 * sound is (the nearest tracks by an HNSW vector search, filtered to what the caller may see).
 * {@code /v1/recommendations} starts from the caller's history: the artists and genres of the tracks they rated
 * highly, then the genres of their own tracks (plays and saves do not exist yet), and with neither it is the
 * catalog's most popular tracks; a track they rated is never recommended. Every page is diversified (a
 * few tracks per artist at most) and filtered to what the caller may see.
 */
package dev.tonearm.server.recommend;
