/** The media bucket as ingestion reads and writes it, in the layout of {@link dev.tonearm.catalog.MediaLayout}. */
package dev.tonearm.ingest.storage;
