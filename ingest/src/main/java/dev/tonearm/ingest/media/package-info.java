/**
 * ffprobe and ffmpeg as ingestion uses them, each run a child process under a wall-clock limit whose whole
 * process tree is killed when the limit passes ({@link dev.tonearm.ingest.media.BoundedProcess}). Tool
 * failures are {@link dev.tonearm.ingest.media.ToolFailure}s carrying the tool's own last word, without
 * scratch paths.
 */
package dev.tonearm.ingest.media;
