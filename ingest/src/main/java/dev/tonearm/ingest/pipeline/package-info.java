/**
 * The ingestion pipeline, one small class per step, named and run in order by
 * {@link dev.tonearm.ingest.pipeline.IngestPipeline}: fetch, verify, de-duplicate, probe, tags, art, HLS,
 * download, publish. Steps share an {@link dev.tonearm.ingest.pipeline.IngestJob}; each is idempotent, so the
 * pipeline can retry a step, and a worker can redo a whole job, without harm. A file that cannot become a track
 * is an {@link dev.tonearm.ingest.pipeline.IngestFailure} whose message is the reason its uploader reads.
 */
package dev.tonearm.ingest.pipeline;
