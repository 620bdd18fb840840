package dev.tonearm.ingest;

import static dev.tonearm.ingest.IngestFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tonearm.catalog.MediaLayout;
import dev.tonearm.catalog.Track;
import dev.tonearm.catalog.TrackStatus;
import dev.tonearm.catalog.TrackTags;
import dev.tonearm.catalog.Upload;
import dev.tonearm.catalog.UploadStatus;
import dev.tonearm.catalog.Visibility;
import dev.tonearm.ingest.media.ToneGenerator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker over DynamoDB Local, S3Mock and real ffmpeg, with generated, named music. */
class IngestWorkerTest {
  private static IngestFixture fixture;
  private static IngestWorker worker;
  private static ToneGenerator tones;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    fixture = new IngestFixture();
    worker = fixture.ingest.worker();
    tones = new ToneGenerator("ffmpeg");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static Path aceOfSpades() throws Exception {
    Path cover = dir.resolve("cover.png");
    BufferedImage image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 800, 800);
    g.dispose();
    ImageIO.write(image, "png", cover.toFile());
    return tones.write(dir.resolve("01 Ace of Spades.flac"), Duration.ofSeconds(8), tags(
        "TITLE", "Ace of Spades", "ARTIST", "Motörhead", "ALBUM", "Ace of Spades", "ALBUMARTIST", "Motörhead",
        "GENRE", "Heavy Metal", "DATE", "1980-11-08", "TRACKNUMBER", "1", "TRACKTOTAL", "12", "DISCNUMBER", "1",
        "DISCTOTAL", "1", "MUSICBRAINZ_TRACKID", "4f2b3b9f-0b8d-4d1b-8e3e-0c8d5a1f2e3d",
        "REPLAYGAIN_TRACK_GAIN", "-7.50 dB", "REPLAYGAIN_TRACK_PEAK", "0.988", "LYRICS", "If you like to gamble"),
        cover);
  }

  @Test
  void a_tagged_flac_becomes_a_ready_track_with_hls_a_download_and_art() throws Exception {
    Upload upload = fixture.upload(aceOfSpades(), "lemmy", Visibility.PUBLIC);

    IngestOutcome outcome = fixture.deliver(worker, upload);

    assertThat(outcome).isInstanceOf(IngestOutcome.Ready.class);
    Upload done = fixture.reread(upload);
    assertThat(done.status()).isEqualTo(UploadStatus.READY);
    assertThat(done.trackId()).isEqualTo(upload.id());
    Track track = fixture.ingest.stores().tracks().get(upload.id()).orElseThrow();
    assertThat(track.status()).isEqualTo(TrackStatus.READY);
    assertThat(track.title()).isEqualTo("Ace of Spades");
    assertThat(track.artists()).containsExactly("Motörhead");
    assertThat(track.album()).isEqualTo("Ace of Spades");
    assertThat(track.genres()).containsExactly("Heavy Metal");
    assertThat(track.year()).isEqualTo(1980);
    assertThat(track.trackNumber()).isEqualTo(1);
    assertThat(track.discNumber()).isEqualTo(1);
    assertThat(track.durationMs()).isCloseTo(8000L, within(50L));
    assertThat(track.owner()).isEqualTo("lemmy");
    assertThat(track.sha256()).isEqualTo(upload.sha256());
    assertThat(track.mediaKeys()).containsOnlyKeys("original", "hls", "download", "art", "art600", "art200");
    assertThat(track.mediaKeys().get("hls")).isEqualTo(MediaLayout.hlsMaster(upload.id()));
    String prefix = MediaLayout.prefix(upload.id());
    assertThat(fixture.keys(upload.id())).contains(prefix + "original.flac", prefix + "hls/master.m3u8",
        prefix + "hls/aac_96k.m3u8", prefix + "hls/aac_192k.m3u8", prefix + "hls/aac_320k.m3u8",
        prefix + "hls/aac_96k_000.m4s", prefix + "download.mp3", prefix + "art/original.png",
        prefix + "art/600.jpg", prefix + "art/200.jpg");
    String master = fixture.s3.getObjectAsBytes(b -> b.bucket(fixture.bucket()).key(prefix + "hls/master.m3u8"))
        .asUtf8String();
    assertThat(master).contains("aac_96k.m3u8", "aac_192k.m3u8", "aac_320k.m3u8");
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(fixture.s3.getObjectAsBytes(
        b -> b.bucket(fixture.bucket()).key(prefix + "art/600.jpg")).asByteArray()));
    assertThat(thumb.getWidth()).isEqualTo(600);
    TrackTags extra = fixture.ingest.stores().tags().get(upload.id()).orElseThrow();
    assertThat(extra.trackTotal()).isEqualTo(12);
    assertThat(extra.discTotal()).isEqualTo(1);
    assertThat(extra.musicBrainzIds()).containsEntry("recording", "4f2b3b9f-0b8d-4d1b-8e3e-0c8d5a1f2e3d");
    assertThat(extra.replayGain().trackGainDb()).isEqualTo(-7.5);
    assertThat(extra.lyrics()).isEqualTo("If you like to gamble");
  }

  @Test
  void an_opus_file_gets_its_tags_from_ffprobe_and_no_download() throws Exception {
    Path opus = tones.write(dir.resolve("svefn.opus"), Duration.ofSeconds(3),
        tags("title", "Svefn-g-englar", "artist", "Sigur Rós", "album", "Ágætis byrjun", "date", "1999"), null);
    Upload upload = fixture.upload(opus, "jonsi", Visibility.PRIVATE);

    fixture.deliver(worker, upload);

    Track track = fixture.ingest.stores().tracks().get(upload.id()).orElseThrow();
    assertThat(track.title()).isEqualTo("Svefn-g-englar");
    assertThat(track.artist()).isEqualTo("Sigur Rós");
    assertThat(track.album()).isEqualTo("Ágætis byrjun");
    assertThat(track.year()).isEqualTo(1999);
    assertThat(track.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(track.mediaKeys()).containsKeys("original", "hls").doesNotContainKey("download");
  }

  @Test
  void a_file_without_tags_is_titled_after_its_file_name() throws Exception {
    Path mp3 = tones.write(dir.resolve("07 - Ne me quitte pas.mp3"), Duration.ofSeconds(2), Map.of(), null);
    Upload upload = fixture.upload(mp3, "brel", Visibility.PUBLIC);

    fixture.deliver(worker, upload);

    assertThat(fixture.ingest.stores().tracks().get(upload.id()).orElseThrow().title()).isEqualTo("Ne me quitte pas");
  }

  @Test
  void a_file_that_is_not_what_was_declared_fails_and_keeps_only_the_original() throws Exception {
    Path flac = tones.write(dir.resolve("halo.flac"), Duration.ofSeconds(2), tags("artist", "Beyoncé"), null);
    Upload upload = fixture.upload(flac, "halo.flac", "beyonce", Visibility.PUBLIC, "0".repeat(64));

    IngestOutcome outcome = fixture.deliver(worker, upload);

    assertThat(outcome).isInstanceOf(IngestOutcome.Failed.class);
    Upload failed = fixture.reread(upload);
    assertThat(failed.status()).isEqualTo(UploadStatus.FAILED);
    assertThat(failed.reason()).contains("SHA-256").contains("0".repeat(64));
    assertThat(fixture.ingest.stores().tracks().get(upload.id())).isEmpty();
    assertThat(fixture.keys(upload.id())).containsExactly(upload.objectKey());
  }

  @Test
  void a_file_that_is_not_audio_fails_with_a_reason() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.mp3"), "these are not the droids you are looking for\n");
    Upload upload = fixture.upload(text, "pink", Visibility.PUBLIC);

    fixture.deliver(worker, upload);

    Upload failed = fixture.reread(upload);
    assertThat(failed.status()).isEqualTo(UploadStatus.FAILED);
    assertThat(failed.reason()).startsWith("not a readable audio file").doesNotContain("ingest-work");
  }

  @Test
  void audio_longer_than_allowed_fails() throws Exception {
    try (IngestFixture strict = new IngestFixture(Duration.ofSeconds(5))) {
      Path long_ = tones.write(dir.resolve("long.flac"), Duration.ofSeconds(8), Map.of(), null);
      Upload upload = strict.upload(long_, "acdc", Visibility.PUBLIC);

      strict.deliver(strict.ingest.worker(), upload);

      assertThat(strict.reread(upload).reason()).isEqualTo("the audio is 0:00:08 long; the longest allowed is 0:00:05");
    }
  }

  @Test
  void the_same_content_again_settles_on_the_existing_track_and_moves_nothing_more() throws Exception {
    Path song = tones.write(dir.resolve("yesterday.mp3"), Duration.ofSeconds(2),
        tags("title", "Yesterday", "artist", "The Beatles"), null);
    Upload first = fixture.upload(song, "paul", Visibility.PUBLIC);
    fixture.deliver(worker, first);
    Upload second = fixture.upload(song, "ringo", Visibility.PRIVATE);

    fixture.deliver(worker, second);

    Upload settled = fixture.reread(second);
    assertThat(settled.status()).isEqualTo(UploadStatus.READY);
    assertThat(settled.trackId()).isEqualTo(first.id());
    assertThat(settled.reason()).contains(first.id());
    assertThat(fixture.keys(second.id())).isEmpty();
  }

  @Test
  void another_users_private_track_is_never_offered_as_a_duplicate() throws Exception {
    Path song = tones.write(dir.resolve("hyperballad.mp3"), Duration.ofSeconds(2), tags("artist", "Björk"), null);
    Upload mine = fixture.upload(song, "bjork", Visibility.PRIVATE);
    fixture.deliver(worker, mine);
    Upload theirs = fixture.upload(song, "someone", Visibility.PRIVATE);

    fixture.deliver(worker, theirs);

    assertThat(fixture.reread(theirs).trackId()).isEqualTo(theirs.id());
  }

  @Test
  void a_second_delivery_of_the_same_event_is_skipped() throws Exception {
    Path song = tones.write(dir.resolve("so-what.mp3"), Duration.ofSeconds(1), tags("artist", "P!nk"), null);
    Upload upload = fixture.upload(song, "pink", Visibility.PUBLIC);
    fixture.deliver(worker, upload);

    IngestOutcome again = fixture.deliver(worker, upload);

    assertThat(again).isInstanceOf(IngestOutcome.Skipped.class);
    assertThat(fixture.reread(upload).version()).isEqualTo(fixture.reread(upload).version());
  }

  @Test
  void removing_the_original_removes_the_track_its_tags_and_its_media() throws Exception {
    Path song = tones.write(dir.resolve("highway.flac"), Duration.ofSeconds(2), tags("artist", "AC/DC"), null);
    Upload upload = fixture.upload(song, "angus", Visibility.PUBLIC);
    fixture.deliver(worker, upload);
    fixture.s3.deleteObject(b -> b.bucket(fixture.bucket()).key(upload.objectKey()));

    IngestOutcome outcome = worker.handle(S3Events.record(S3Events.REMOVED_DELETE, fixture.bucket(),
        upload.objectKey(), null, null, fixture.clock.instant()));

    assertThat(outcome).isEqualTo(new IngestOutcome.Removed(upload.id()));
    assertThat(fixture.ingest.stores().tracks().get(upload.id())).isEmpty();
    assertThat(fixture.ingest.stores().tags().get(upload.id())).isEmpty();
    assertThat(fixture.keys(upload.id())).isEmpty();
    assertThat(fixture.reread(upload).status()).isEqualTo(UploadStatus.FAILED);
    assertThat(fixture.reread(upload).reason()).contains("removed");
  }

  @Test
  void events_for_other_keys_and_buckets_are_skipped() throws Exception {
    assertThat(worker.handle(S3Events.record(S3Events.CREATED_PUT, fixture.bucket(), "tracks/x/hls/master.m3u8",
        1L, null, fixture.clock.instant()))).isInstanceOf(IngestOutcome.Skipped.class);
    assertThat(worker.handle(S3Events.record(S3Events.CREATED_PUT, "elsewhere", "tracks/x/original.mp3", 1L, null,
        fixture.clock.instant()))).isInstanceOf(IngestOutcome.Skipped.class);
  }

  @Test
  void the_reconciler_delivers_arrived_files() throws Exception {
    Path song = tones.write(dir.resolve("crazy-in-love.mp3"), Duration.ofSeconds(1), Map.of(), null);
    Upload upload = fixture.upload(song, "beyonce", Visibility.PUBLIC);
    List<String> delivered = new java.util.ArrayList<>();

    fixture.ingest.reconciler().reconcile(r -> delivered.add(r.getS3().getObject().getUrlDecodedKey()));

    assertThat(delivered).contains(upload.objectKey());
    assertThat(fixture.reread(upload).status()).isEqualTo(UploadStatus.UPLOADED);
  }
}
