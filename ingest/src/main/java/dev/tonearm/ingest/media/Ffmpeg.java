package dev.tonearm.ingest.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The transcodes ingestion needs, each one ffmpeg run under a wall-clock limit: the audio-only HLS ladder, the
 * 320 kbps MP3 download of a lossless source, and the extraction of an attached cover picture. Every run reads
 * the first audio stream only (cover pictures stored as video streams are ignored) and writes at most
 * {@code maxLength} of audio, whatever the file's header claims.
 */
public final class Ffmpeg {
  /** The HLS ladder's variant names, in master-playlist order. */
  public static final List<String> VARIANTS = List.of("aac_96k", "aac_192k", "aac_320k");
  /**
   * The ladder. The 320k rung uses the AAC encoder's fast coder: the default two-loop search costs several
   * times as much there (over 70 s of CPU for a 5-minute track) for no audible gain at that rate.
   */
  private static final List<Variant> LADDER = List.of(new Variant(VARIANTS.get(0), "96k", "twoloop"),
      new Variant(VARIANTS.get(1), "192k", "twoloop"), new Variant(VARIANTS.get(2), "320k", "fast"));
  private static final Executor VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();
  public static final String MASTER = "master.m3u8";
  private static final Set<Integer> AAC_RATES = Set.of(7350, 8000, 11025, 12000, 16000, 22050, 24000, 32000,
      44100, 48000);
  private static final Set<Integer> MP3_320K_RATES = Set.of(32000, 44100, 48000);

  /** ffmpeg's exit code when more than two thirds of the decoded frames were errors ({@code -max_error_rate}). */
  private static final int MOSTLY_UNDECODABLE = 69;

  private final String executable;

  public Ffmpeg(String executable) {
    this.executable = executable;
  }

  /**
   * Writes the three variant playlists, their init files and segments, and {@code master.m3u8} into
   * {@code dir}. ffmpeg 5 encodes all outputs of one process on one thread, so each variant is its own process
   * and the three run side by side; the master playlist is then written from what they produced, its
   * {@code BANDWIDTH} the peak segment bit rate as the HLS specification defines it.
   */
  public void hls(Path input, Probe probe, Path dir, Duration maxLength, Duration timeout)
      throws ToolFailure, IOException {
    List<CompletableFuture<BoundedProcess.Result>> runs = new ArrayList<>();
    for (Variant variant : LADDER) {
      List<String> command = start(input, maxLength);
      // a clip of a few samples would otherwise encode to no AAC frame at all: pad it to a tenth of a second
      command.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-af", "apad=whole_dur=0.1"));
      command.addAll(resample(probe, AAC_RATES));
      command.addAll(List.of("-c:a", "aac", "-aac_coder", variant.coder(), "-b:a", variant.bitrate(),
          "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
          "-hls_fmp4_init_filename", variant.name() + "_init.mp4",
          "-hls_segment_filename", variant.name() + "_%03d.m4s", variant.name() + ".m3u8"));
      runs.add(CompletableFuture.supplyAsync(() -> runQuietly(command, dir, timeout), VIRTUAL));
    }
    for (CompletableFuture<BoundedProcess.Result> run : runs) {
      check(run.join(), timeout, "transcoding to HLS", input);
    }
    HlsMaster.write(dir, LADDER.stream().map(Variant::name).toList(), MASTER);
  }

  /** Writes a 320 kbps MP3 with the source's tags to {@code output}. */
  public void mp3(Path input, Probe probe, Path output, Duration maxLength, Duration timeout)
      throws ToolFailure, IOException {
    List<String> command = start(input, maxLength);
    command.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "0"));
    command.addAll(resample(probe, MP3_320K_RATES));
    command.addAll(List.of("-c:a", "libmp3lame", "-b:a", "320k", "-id3v2_version", "3", "-f", "mp3",
        output.toString()));
    run(command, null, timeout, "encoding the MP3 download", input);
  }

  /** Copies the attached picture in stream {@code streamIndex} out, unchanged, to {@code output}. */
  public void extractPicture(Path input, int streamIndex, Path output, Duration timeout)
      throws ToolFailure, IOException {
    run(List.of(executable, "-nostdin", "-hide_banner", "-v", "error", "-y", "-i", input.toString(),
        "-map", "0:" + streamIndex, "-c", "copy", "-frames:v", "1", "-f", "image2", output.toString()),
        null, timeout, "extracting the cover picture", input);
  }

  private List<String> start(Path input, Duration maxLength) {
    return new ArrayList<>(List.of(executable, "-nostdin", "-hide_banner", "-v", "error", "-y",
        "-i", input.toString(), "-t", Long.toString(maxLength.toSeconds() + 1), "-map_chapters", "-1"));
  }

  /**
   * Keeps the source's sample rate when the encoder takes it, else the nearest family (44.1 kHz or 48 kHz).
   * Mono stays mono, everything else becomes stereo; the channel count is always stated, since the AAC encoder
   * refuses the layouts some files declare ("2 channels" without positions, "1 channels (FL)").
   */
  static List<String> resample(Probe probe, Set<Integer> accepted) {
    List<String> options = new ArrayList<>();
    Integer rate = probe.audio().sampleRate();
    if (rate == null || !accepted.contains(rate) || rate > 48000) {
      options.addAll(List.of("-ar", rate != null && rate % 11025 == 0 ? "44100" : "48000"));
    }
    Integer channels = probe.audio().channels();
    options.addAll(List.of("-ac", channels != null && channels == 1 ? "1" : "2"));
    return options;
  }

  private record Variant(String name, String bitrate, String coder) {}

  private void run(List<String> command, Path directory, Duration timeout, String what, Path input)
      throws ToolFailure, IOException {
    check(BoundedProcess.run(command, directory, timeout, 64 * 1024), timeout, what, input);
  }

  private static BoundedProcess.Result runQuietly(List<String> command, Path directory, Duration timeout) {
    try {
      return BoundedProcess.run(command, directory, timeout, 64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(BoundedProcess.Result result, Duration timeout, String what, Path input)
      throws ToolFailure {
    if (result.timedOut()) {
      throw new ToolFailure(what + " took longer than " + timeout.toSeconds() + " s and was stopped");
    }
    if (result.exitCode() == MOSTLY_UNDECODABLE) {
      throw new ToolFailure(what + " failed: most of the audio is damaged and does not decode ("
          + Ffprobe.withoutPath(result.lastErrorLine(), input) + ")");
    }
    if (result.exitCode() != 0 && result.stderrTail().contains("NaN/+-Inf")) {
      throw new ToolFailure(what + " failed: the audio decodes to invalid samples (NaN or infinity); the stream"
          + " is damaged");
    }
    if (result.exitCode() != 0) {
      throw new ToolFailure(what + " failed (" + Ffprobe.withoutPath(result.lastErrorLine(), input) + ")");
    }
  }
}
