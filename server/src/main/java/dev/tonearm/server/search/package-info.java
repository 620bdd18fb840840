/**
 * Search over the live index: {@code /v1/suggest} (search-as-you-type: tracks, artists, albums and completions
 * with highlighted ranges) and {@code /v1/search} (the discover page: multi-select facets with drill-sideways
 * counts, sorts, and search-after paging with signed cursors). Every query is filtered to what the caller may
 * see, so hits, suggestions and facet counts agree with the catalog API. Query text is never a query language.
 */
package dev.tonearm.server.search;
