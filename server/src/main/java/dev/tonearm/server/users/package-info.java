/**
 * The caller's own profile: {@code GET /v1/me} creates it from the token's username the first time a user is
 * seen, {@code PATCH /v1/me} renames them under the same optimistic-concurrency rules as tracks.
 */
package dev.tonearm.server.users;
