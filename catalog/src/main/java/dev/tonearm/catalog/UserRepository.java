package dev.tonearm.catalog;

import java.util.Optional;

/** Reads and writes user profiles. */
public interface UserRepository {

  Optional<UserProfile> get(String userId);

  /** Returns the stored profile, creating it with {@code displayName} the first time a user is seen. */
  UserProfile getOrCreate(String userId, String displayName);

  /** Renames the user if the profile is still at {@code expectedVersion}. */
  UserProfile rename(String userId, long expectedVersion, String displayName);
}
