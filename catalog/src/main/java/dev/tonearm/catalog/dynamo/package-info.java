/**
 * The DynamoDB single-table implementation of the catalog. {@link dev.tonearm.catalog.dynamo.CatalogTable}
 * holds the key design and the table definition (documented access pattern by access pattern in
 * {@code docs/data-model.md}); {@link dev.tonearm.catalog.dynamo.TrackItems} maps tracks to items and back, the
 * same codec the stream consumer uses for stream images; the repositories issue conditional writes so that
 * every write bumps {@code version} or fails. {@link dev.tonearm.catalog.dynamo.DynamoRatingRepository} changes a
 * rating and the track's aggregate together, in one transaction.
 */
package dev.tonearm.catalog.dynamo;
