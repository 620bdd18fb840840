/**
 * The ingestion evidence behind {@code ./tonearm ingest-corpus} (every file of the shared audio corpora through
 * the full pipeline, counted per corpus and judged against the manifests) and {@code ./tonearm ingest-bench}
 * (upload → READY of a generated lossless file through the dev stack's HTTP API, and tag reads per second over
 * the corpora). Command-line tools that print reports, not services.
 */
package dev.tonearm.server.ingestbench;
