/**
 * Ingesting the shared audio corpora (valid, odd and deliberately broken files) and judging the outcome
 * against each corpus's manifest: the evidence that every valid file becomes a track and every broken one
 * fails with a reason, in bounded time, without taking the worker down.
 */
package dev.tonearm.ingest.corpus;
