/**
 * Cover art: the embedded picture recognised by its bytes, checked for decompression bombs, and scaled to JPEG
 * thumbnails with javax.imageio.
 */
package dev.tonearm.ingest.art;
