/**
 * The DynamoDB Streams Lambda, the single index writer in AWS: it applies stream batches with the indexer and
 * publishes generations with index-snapshots. Nothing here yet: the index-generations issue brings it. It must
 * never depend on Javalin.
 */
package dev.tonearm.streamconsumer;
