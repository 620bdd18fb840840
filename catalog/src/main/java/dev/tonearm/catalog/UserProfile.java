package dev.tonearm.catalog;

import java.time.Instant;

/** A user's profile, keyed by the identity provider's subject ({@code sub}). */
public record UserProfile(String userId, String displayName, Instant createdAt, long version) {}
