/**
 * The search schema: what a track looks like in Lucene and how typed text finds it. {@link
 * dev.tonearm.indexer.SearchSchema} names every field; {@link dev.tonearm.indexer.MusicAnalyzers} builds the
 * index-time and query-time analyzer of each, side by side, so they cannot drift; {@link
 * dev.tonearm.indexer.TrackDocuments#toDocument} is the one {@code Track → Document} mapping, facets included;
 * {@link dev.tonearm.indexer.TrackQueries} turns what a listener has typed so far into a query, and a viewer into a
 * visibility filter; {@link dev.tonearm.indexer.AudioVectors} makes a track's audio features a vector on 0..1
 * scales, so that tracks that sound alike are near. Matching is music-aware: each title, artist credit and album is
 * indexed five ways (as written, accent-folded, transliterated to ASCII, as edge n-grams for the word being typed,
 * as CJK bigrams) plus a whole-name key (at index time the four word-based ways are computed once per name by
 * {@code NameTerms}, term for term what the analyzers give), and a query scores by the best way each word matched,
 * then by popularity, so Beyoncé, AC/DC, P!nk, The Beatles, Кино and 東京事変 are found however they are typed.
 * Aliases live in {@code synonyms.txt} beside these classes. This package must never depend on Javalin.
 */
package dev.tonearm.indexer;
