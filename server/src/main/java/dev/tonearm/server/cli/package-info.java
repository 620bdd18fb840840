/**
 * The command line behind {@code ./tonearm}: {@code dev} runs the embedded stack, {@code token} prints a dev
 * access token, {@code import} bulk-loads a file into a running server, {@code serve} runs a replica configured
 * from the environment. This is the one package that writes to the terminal.
 */
package dev.tonearm.server.cli;
