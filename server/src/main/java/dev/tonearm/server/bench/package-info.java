/**
 * {@code ./tonearm bench}: search at catalog scale. {@link dev.tonearm.server.bench.Vocabulary} reads title words,
 * artist and album names, genres and years from the real data sets; {@link dev.tonearm.server.bench.CatalogGenerator}
 * draws a catalog of any size from them with a fixed seed (each track a pure function of its number, so indexing
 * threads generate in parallel and the same seed always gives the same catalog), and
 * {@link dev.tonearm.server.bench.QuerySet} draws what listeners type from the same vocabulary.
 * {@link dev.tonearm.server.bench.BenchIndex} writes the index on disk; {@link dev.tonearm.server.bench.BenchMain}
 * serves it through the real {@link dev.tonearm.server.App} on loopback, drives {@code /v1/suggest} and
 * {@code /v1/search} with signed tokens at fixed concurrency through {@link dev.tonearm.server.bench.ClosedLoop},
 * then runs the same queries on the search services in-process, so the ratio of the two is the cost of HTTP,
 * token checks and JSON. {@link dev.tonearm.server.bench.PlaybackBench} ({@code ./tonearm bench-playback}) times a
 * playback start through the embedded stack: play endpoint, playlists, init segment, first audio byte.
 */
package dev.tonearm.server.bench;
