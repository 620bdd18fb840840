/**
 * The catalog API for tracks: listing with opaque signed cursors, reading with ETags, creating, patching under
 * {@code If-Match}, deleting, looking up by file name and exporting. {@link dev.tonearm.server.tracks.TrackService}
 * holds the rules (who may see or change what; a concurrent write is never lost), {@link
 * dev.tonearm.server.tracks.TrackFields} the validation of request fields shared with bulk import, and {@link
 * dev.tonearm.server.tracks.TrackRoutes} the thin HTTP handlers. Another user's private track is reported as
 * missing, never as forbidden, so its existence does not leak.
 */
package dev.tonearm.server.tracks;
