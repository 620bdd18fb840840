package dev.tonearm.server.bench;

import dev.tonearm.server.search.SearchIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code ./tonearm bench <datasetsDir> [--tracks N] [--concurrency 1,4] [--seconds S] [--index DIR] [--slowest N]
 * [--build-only]}: generates the catalog, builds its index in a temporary directory (deleted at the end; with
 * {@code --index} in DIR, kept, and reused by the next run instead of building again), serves it on loopback and
 * measures suggest and search over HTTP and in-process at each concurrency (with {@code --slowest}, then the N
 * slowest queries of each kind timed one by one), then prints memory. With {@code --build-only} it stops after the
 * build figures. Prints a report on standard output; it is a command-line tool, not a service.
 */
public final class BenchMain {
  static final String USAGE =
      "usage: bench <datasetsDir> [--tracks N] [--concurrency 1,4] [--seconds S] [--index DIR (kept, reused)]"
          + " [--slowest N] [--build-only]";
  static final int QUERIES = 5000;
  static final int INDEX_THREADS = 2;
  /** Distinct queries of each set timed one by one for {@code --slowest}. */
  static final int SLOWEST_OF = 1000;

  /** The parsed command line. */
  record Options(Path datasets, long tracks, int[] concurrency, Duration measure, Duration warmup, Path index,
      int slowest, boolean buildOnly) {
    static Options parse(String[] args) {
      if (args.length == 0 || args[0].startsWith("--")) {
        throw new IllegalArgumentException(USAGE);
      }
      long tracks = 1_000_000;
      int[] concurrency = {1, 4};
      int seconds = 20;
      Path index = null;
      int slowest = 0;
      boolean buildOnly = false;
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--build-only")) {
          buildOnly = true;
          continue;
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("option " + args[i] + " needs a value\n" + USAGE);
        }
        String value = args[++i];
        switch (args[i - 1]) {
          case "--tracks" -> tracks = Long.parseLong(value.replace("_", ""));
          case "--concurrency" -> concurrency = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--index" -> index = Path.of(value);
          case "--slowest" -> slowest = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
        }
      }
      return new Options(Path.of(args[0]), tracks, concurrency, Duration.ofSeconds(seconds),
          Duration.ofSeconds(Math.max(3, seconds / 4)), index, slowest, buildOnly);
    }
  }

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options);
    System.exit(0); // DynamoDB Local and Jetty leave non-daemon threads behind
  }

  static void run(Options options) throws Exception {
    Vocabulary vocab = Vocabulary.read(options.datasets());
    say("vocabulary: %,d titles, %,d title words, %,d artists, %,d albums, %,d genre and %,d year occurrences",
        vocab.titles().size(), vocab.words().size(), vocab.artists().size(), vocab.albums().size(),
        vocab.genres().size(), vocab.years().length);
    CatalogGenerator catalog = new CatalogGenerator(vocab, CatalogGenerator.SEED);
    if (options.index() != null && hasIndex(options.index())) {
      say("reusing the index in %s (%,d bytes): delete it to build again", options.index(),
          BenchIndex.sizeOf(options.index()));
      if (!options.buildOnly()) {
        measure(options, options.index(), QuerySet.draw(catalog, CatalogGenerator.SEED, QUERIES));
      }
      return;
    }
    Path dir = options.index() != null ? Files.createDirectories(options.index())
        : Files.createTempDirectory("tonearm-bench-index");
    try {
      BenchIndex.Built built = BenchIndex.build(catalog, options.tracks(), dir, INDEX_THREADS);
      say("build: %,d tracks in %.1f s = %,.0f docs/s, %.1f CPU s (%d threads, %.0f MB RAM buffer, no force-merge);"
              + " index %,d bytes = %.1f MiB in %d segments; heap pool peaks during build %.0f MiB",
          built.docs(), built.nanos() / 1e9, built.docsPerSecond(), built.cpuNanos() / 1e9, INDEX_THREADS,
          BenchIndex.RAM_BUFFER_MB, built.bytes(), mib(built.bytes()), built.segments(),
          mib(built.heapPeakBytes()));
      if (!options.buildOnly()) {
        measure(options, dir, QuerySet.draw(catalog, CatalogGenerator.SEED, QUERIES));
      }
    } finally {
      if (options.index() == null) {
        delete(dir);
      }
    }
  }

  private static void measure(Options options, Path dir, QuerySet queries) throws Exception {
    try (Directory directory = FSDirectory.open(dir)) {
      SearcherManager searchers = new SearcherManager(directory, null);
      SearchIndex index = SearchIndex.of(searchers, () -> true);
      List<ClosedLoop.Result[]> pairs = new ArrayList<>();
      InProcess inProcess = new InProcess(index);
      try (BenchServer server = new BenchServer(index)) {
        server.awaitReady(Duration.ofMinutes(5));
        // The JIT's first contact with the search code, and each side's first answers to broad text and its
        // artist directory, would otherwise land in whichever figures come first: both sides warm up alike.
        ClosedLoop.run("warm-up", 2, options.warmup(), Duration.ofSeconds(1),
            n -> inProcess.suggest(n, queries.suggest().get((int) (n % QUERIES))));
        ClosedLoop.run("warm-up", 2, options.warmup(), Duration.ofSeconds(1),
            n -> server.suggest(n, queries.suggest().get((int) (n % QUERIES))));
        ClosedLoop.run("warm-up", 2, options.warmup(), Duration.ofSeconds(1),
            n -> inProcess.search(n, queries.search().get((int) (n % QUERIES))));
        ClosedLoop.run("warm-up", 2, options.warmup(), Duration.ofSeconds(1),
            n -> server.search(n, queries.search().get((int) (n % QUERIES))));
        for (int c : options.concurrency()) {
          pairs.add(new ClosedLoop.Result[] {load("suggest HTTP", c, options,
              n -> server.suggest(n, queries.suggest().get((int) (n % QUERIES))))});
        }
        for (int c : options.concurrency()) {
          pairs.add(new ClosedLoop.Result[] {load("search 5 facets HTTP", c, options,
              n -> server.search(n, queries.search().get((int) (n % QUERIES))))});
        }
        say("heap used after GC, server up with its reader and facet state: %.0f MiB", mib(heapAfterGc()));
      }
      int at = 0;
      for (int c : options.concurrency()) {
        pairs.set(at, withSecond(pairs.get(at++), load("suggest in-process", c, options,
            n -> inProcess.suggest(n, queries.suggest().get((int) (n % QUERIES))))));
      }
      for (int c : options.concurrency()) {
        pairs.set(at, withSecond(pairs.get(at++), load("search 5 facets in-process", c, options,
            n -> inProcess.search(n, queries.search().get((int) (n % QUERIES))))));
      }
      if (options.slowest() > 0) {
        Slowest.print("suggest", Slowest.of(queries.suggest(), SLOWEST_OF, options.slowest(), inProcess::suggest));
        Slowest.print("search", Slowest.of(queries.search(), SLOWEST_OF, options.slowest(), inProcess::search));
      }
      say("overhead of HTTP + token check + JSON (HTTP / in-process):");
      for (ClosedLoop.Result[] pair : pairs) {
        say("  %-22s c=%d  p50 x%.2f  p99 x%.2f  QPS x%.2f", pair[0].name().replace(" HTTP", ""),
            pair[0].concurrency(), pair[0].millisAt(0.5) / pair[1].millisAt(0.5),
            pair[0].millisAt(0.99) / pair[1].millisAt(0.99), pair[0].qps() / pair[1].qps());
      }
      say("heap used after GC at the end: %.0f MiB; max heap %.0f MiB; process RSS %s", mib(heapAfterGc()),
          mib(Runtime.getRuntime().maxMemory()), rss());
      searchers.close();
    }
  }

  private static ClosedLoop.Result load(String name, int concurrency, Options options, ClosedLoop.Request request)
      throws InterruptedException {
    ClosedLoop.Result result = ClosedLoop.run(name, concurrency, options.warmup(), options.measure(), request);
    say("%s", result.line());
    return result;
  }

  private static ClosedLoop.Result[] withSecond(ClosedLoop.Result[] pair, ClosedLoop.Result second) {
    return new ClosedLoop.Result[] {pair[0], second};
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String rss() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return "unknown";
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:")).findFirst()
        .map(l -> String.format(Locale.ROOT, "%.0f MiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0))
        .orElse("unknown");
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  private static boolean hasIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
