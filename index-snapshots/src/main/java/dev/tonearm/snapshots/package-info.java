/**
 * Index generations on S3: publishing a committed Lucene generation (new files only, then a manifest, then a
 * conditional pointer advance), restoring and syncing a generation to local disk, and collecting old ones.
 * Nothing here yet: the index-generations issue brings it. It must never depend on Javalin.
 */
package dev.tonearm.snapshots;
