/**
 * The embedded stack: the whole service on one machine with real parts. DynamoDB Local runs in-process with its
 * data in the data directory; S3Mock runs as a watched child process (its Spring Boot would fight Javalin's Jetty
 * in one JVM); the embedded issuer signs tokens; the demo catalog is loaded once into an empty table.
 */
package dev.tonearm.server.dev;
