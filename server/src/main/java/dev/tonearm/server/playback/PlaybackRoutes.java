package dev.tonearm.server.playback;

import dev.tonearm.server.auth.AuthGate;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP handlers for {@code /v1/tracks/{id}/play} and {@code /download}. */
public final class PlaybackRoutes {
  private final PlaybackService service;

  public PlaybackRoutes(PlaybackService service) {
    this.service = service;
  }

  public void play(Context ctx) {
    render(ctx, service.play(AuthGate.caller(ctx), ctx.pathParam("id")));
  }

  public void download(Context ctx) {
    render(ctx, service.download(AuthGate.caller(ctx), ctx.pathParam("id")));
  }

  private static void render(Context ctx, PlaybackService.Grant grant) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", grant.url());
    body.put("format", grant.format());
    body.put("expiresAt", grant.expiresAt().toString());
    // A signed URL is a bearer credential until it expires: keep it out of shared caches.
    ctx.header("Cache-Control", "private, no-store").json(body);
  }
}
