/**
 * The relevance suite: judged queries, run through exactly what search-as-you-type runs, scored the way a
 * listener feels them. {@link dev.tonearm.server.relevance.RelevanceCorpus} builds the corpus from the shipped
 * demo catalog plus the Spotify 2017 charts and the Billboard Hot 100 songs (read from the data sets at run time,
 * never copied into the repository), each track with a popularity; {@code relevance/judgments.tsv} holds the
 * queries and what each should find, by category (prefixes, typos, diacritics, punctuation, articles, featured
 * artists, non-Latin scripts, exact names); {@link dev.tonearm.server.relevance.RelevanceSuite} indexes the corpus
 * in memory and ranks every query with {@code TrackQueries.asYouType} for a normal listener; and
 * {@link dev.tonearm.server.relevance.RelevanceRun}, behind {@code ./tonearm relevance}, prints success@1,
 * success@5 and MRR@10 per category and the queries that missed the top five. The report is the product of a
 * command-line run, so this package writes to standard output.
 */
package dev.tonearm.server.relevance;
