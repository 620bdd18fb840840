/**
 * The index writer in AWS: a Lambda with reserved concurrency 1 that receives the catalog table's DynamoDB stream
 * batches and the nightly rebuild event. For a batch it brings its local index (kept in /tmp across warm
 * invocations) to the newest published generation, applies the batch idempotently by item version with the
 * indexer, commits and publishes the commit as the next generation with index-snapshots, answering
 * {@code batchItemFailures} for records it could not read. For the rebuild it scans the table into a new lineage
 * and publishes that. {@link dev.tonearm.lambda.IndexWriterHandler} is the composition root; it knows nothing of
 * the HTTP server.
 */
package dev.tonearm.lambda;
