package dev.tonearm.ingest.tags;

/** An embedded picture's bytes and the MIME type its tag claims (which may be wrong: check the bytes). */
public record Picture(byte[] data, String mimeType) {}
