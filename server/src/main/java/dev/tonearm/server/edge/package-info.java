/**
 * The local CDN edge: {@code /media/*} stands in for CloudFront in the embedded stack and the tests. It verifies
 * CloudFront-format signed URLs exactly as CloudFront does (canned and custom policies, trusted key-pair ids,
 * URL-safe base64, SHA1withRSA, wildcard resources, time windows, source address blocks) and refuses every
 * tampered request with a 403 before it touches storage. Then it streams the object from the media bucket with
 * byte ranges, content types and CORS headers, and rewrites HLS playlists so every URI inside carries the
 * request's signature. The verifier is the security boundary; the rest is careful plumbing around it.
 */
package dev.tonearm.server.edge;
