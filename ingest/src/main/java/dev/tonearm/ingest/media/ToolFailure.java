package dev.tonearm.ingest.media;

/** An external tool refused a file, crashed or ran out of time; the message says which, for a person. */
public final class ToolFailure extends Exception {
  public ToolFailure(String message) {
    super(message);
  }
}
