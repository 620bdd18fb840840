/**
 * Reading tags from hostile files. Two readers map what they find onto canonical names
 * ({@link dev.tonearm.ingest.tags.TagNames}): JAudioTagger, fenced into a bounded thread, and ffprobe's report
 * for every format JAudioTagger lacks. {@link dev.tonearm.ingest.tags.TagInterpreter} then turns the strings
 * into checked values — numbers, years, genres, MusicBrainz ids, ReplayGain — within the catalog's limits.
 */
package dev.tonearm.ingest.tags;
