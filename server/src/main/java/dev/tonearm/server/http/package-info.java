/**
 * The HTTP edge: the route model with each route's access level, the error boundary that turns the few domain
 * exceptions into RFC 9457 problem responses ({@code application/problem+json}), request ids, and JSON
 * helpers. Everything that is not a known problem becomes a logged 500 that names its request id.
 */
package dev.tonearm.server.http;
