/**
 * The AWS entry point: a Lambda handler for S3 event notifications that builds its clients once and
 * delegates every record to the {@link dev.tonearm.ingest.IngestWorker}.
 */
package dev.tonearm.ingest.lambda;
