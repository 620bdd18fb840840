/**
 * The catalog's domain: tracks, user profiles, uploads, listeners' ratings of tracks (and their aggregate on the
 * track), the tags stored beside a track, where a track's media live, and the repository interfaces through which the
 * rest of Tonearm reads and writes them. Every stored item carries a {@code version} that grows by one on each write; a
 * write names the version it read, so a stale write fails as a {@link dev.tonearm.catalog.VersionConflictException}
 * instead of silently overwriting. Nothing here knows about DynamoDB, Lucene or HTTP: the DynamoDB single-table
 * implementation lives in {@code dev.tonearm.catalog.dynamo}.
 */
package dev.tonearm.catalog;
