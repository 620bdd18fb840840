/**
 * The search schema and the index writer. This module will own the Lucene field names, the one analyzer
 * factory used at index and query time, the {@code Track → Document} mapping, idempotent application of
 * catalog changes by item version, and the full rebuild from a table scan. Nothing here yet: the search
 * issue brings it. It must never depend on Javalin.
 */
package dev.tonearm.indexer;
