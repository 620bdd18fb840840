/**
 * The server's configuration: one record read from the environment in one place, with the names
 * {@code template.yaml} sets. Defaults are those of the embedded dev stack.
 */
package dev.tonearm.server.config;
