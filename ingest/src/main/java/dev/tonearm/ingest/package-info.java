/**
 * Media ingestion: an uploaded original becomes a READY track. {@link dev.tonearm.ingest.IngestWorker} takes
 * storage events (S3 notifications through {@link dev.tonearm.ingest.lambda.IngestHandler} in AWS, the
 * {@link dev.tonearm.ingest.UploadReconciler} on one machine), {@link dev.tonearm.ingest.Ingestion} claims the
 * upload and runs the {@link dev.tonearm.ingest.pipeline.IngestPipeline}, and records READY or FAILED with a
 * reason; {@link dev.tonearm.ingest.Removal} undoes a track whose original was deleted. Nothing here knows
 * HTTP: the module runs in its own Lambda or container, or inside the dev server.
 */
package dev.tonearm.ingest;
