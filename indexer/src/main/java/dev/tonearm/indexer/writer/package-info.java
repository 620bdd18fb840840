/**
 * The index writer's half of the lifecycle: catalog changes (from DynamoDB stream images or a table scan) applied
 * to an {@link org.apache.lucene.index.IndexWriter} idempotently by item version. Every document carries the
 * version it was built from; a change is applied only if it is newer, and a delete leaves a versioned tombstone
 * (until the next full rebuild) so that a replayed, older upsert cannot bring a deleted track back. Duplicate
 * and out-of-order deliveries are therefore harmless. Nothing here knows about HTTP.
 */
package dev.tonearm.indexer.writer;
