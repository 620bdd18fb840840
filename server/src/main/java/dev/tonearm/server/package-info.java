/**
 * Tonearm's server: the HTTP API over the catalog, authentication of every request, and the embedded stack
 * that runs the whole service on one machine. {@link dev.tonearm.server.App} assembles the Javalin app from
 * plain constructors; {@link dev.tonearm.server.ApiRoutes} lists every endpoint on one screen; each
 * sub-package is one feature (tracks, imports, users, auth, docs) or one piece of plumbing (http, config,
 * dev, cli).
 */
package dev.tonearm.server;
