/**
 * The API's own documentation: an OpenAPI 3.1 document built from the route table (so it cannot miss a route)
 * at {@code /openapi.json}, and Swagger UI over it at {@code /docs}.
 */
package dev.tonearm.server.docs;
