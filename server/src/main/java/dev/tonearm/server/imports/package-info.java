/**
 * Bulk import of tracks from CSV or JSON, through {@code POST /v1/admin/import} and {@code ./tonearm import}.
 * {@link dev.tonearm.server.imports.ImportRows} streams rows out of either format as JSON objects; {@link
 * dev.tonearm.server.imports.ImportService} checks each with the same rules as the API and writes the good ones
 * in batches. A bad row is reported by number with every reason and never stops the rows around it.
 */
package dev.tonearm.server.imports;
