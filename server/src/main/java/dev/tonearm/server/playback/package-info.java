/**
 * Playback URLs: {@code GET /v1/tracks/{id}/play} and {@code /download} answer a track the caller may see with a
 * CloudFront signed URL. HLS (a master playlist whose custom policy covers the track's whole HLS directory with a
 * wildcard, so one signature serves every variant playlist and segment) once the track is ready, the original
 * file until then; each URL lives for the track's duration plus a configured extra. Signing uses the AWS SDK's
 * {@code CloudFrontUtilities} with the RSA key whose public half CloudFront (or the local edge) trusts.
 */
package dev.tonearm.server.playback;
