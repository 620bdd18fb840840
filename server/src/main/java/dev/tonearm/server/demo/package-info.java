/**
 * The demo catalog: real track metadata that Tonearm loads on first start so that search, browsing and playback
 * have something to show. {@link dev.tonearm.server.demo.DemoCatalogBuilder} derives it, offline and
 * deterministically, from the Chinook sample database and the freemusi.cc database, repairing mojibake with
 * {@link dev.tonearm.server.demo.Mojibake} on the way, and writes {@code demo/demo-catalog.jsonl.gz}: one JSON
 * object per track, with the fields of {@link dev.tonearm.catalog.Track} that describe music rather than
 * ownership. The file is shipped as a resource and regenerated with {@code ./tonearm demo-catalog}; its sources
 * and licence are in {@code demo/ATTRIBUTION.md}.
 */
package dev.tonearm.server.demo;
