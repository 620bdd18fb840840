package dev.tonearm.catalog;

/** A create found an item with the same id already there. */
public final class AlreadyExistsException extends RuntimeException {
  public AlreadyExistsException(String id) {
    super("item " + id + " already exists");
  }
}
