/**
 * The upload API: {@code POST /v1/uploads} checks what the client declares (an audio file, its size, type and
 * SHA-256) and answers with presigned S3 URLs that bind all of it — one PUT, or one per part above the
 * multipart threshold, then {@code POST /v1/uploads/{id}/complete} — or, when the content is already a track
 * the caller may see, with that track. Ingestion itself lives in the {@code ingest} module; on one machine
 * {@link dev.tonearm.server.uploads.LocalIngest} stands in for S3's notifications and the ingest Lambda.
 */
package dev.tonearm.server.uploads;
