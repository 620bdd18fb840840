/**
 * Index generations in a store (S3, or a local directory): the single writer publishes each Lucene commit as a
 * generation, replicas restore and follow the newest, and a collector removes old ones.
 *
 * <p>A generation is a manifest ({@link dev.tonearm.snapshots.Manifest}) listing every file of a commit with its
 * length and Lucene checksum, stored at a key unique to its number. The writer uploads the files the previous
 * generation lacks, each verified first, under keys that carry lineage, name and checksum (names repeat across
 * rebuilds and after a writer dies mid-publish), and then creates the manifest with an atomic create-if-absent:
 * of two writers continuing the same generation exactly one creates it, the other gets a
 * {@link dev.tonearm.snapshots.GenerationConflictException}. Nothing is visible before the manifest exists, so no
 * generation is ever torn. A {@code latest.json} pointer is then advanced by compare-and-swap; it only spares
 * readers a listing, since readers also list the manifests after it and so find a generation whose pointer write
 * was lost. Replicas ({@link dev.tonearm.snapshots.ReplicaIndex}) download into staging, verify every file against
 * the manifest before moving it in, and swap searchers atomically; a failed sync leaves the replica as it was.
 * The module must never depend on Javalin.
 */
package dev.tonearm.snapshots;
