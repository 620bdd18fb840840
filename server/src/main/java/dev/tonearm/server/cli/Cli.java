package dev.tonearm.server.cli;

import dev.tonearm.server.ServerMain;
import java.util.Arrays;
import java.util.List;

/** Dispatches {@code ./tonearm <command>}. */
public final class Cli {
  static final String USAGE = """
      usage: ./tonearm <command>
        dev [--fresh]                 run the service on its embedded default (state in ./data)
        token <user> [--admin] [--ttl 12h]
                                      print a dev access token for <user>
        import <file.csv|file.json>   bulk import into the running service
        replica                       one more read replica of the running dev stack (port TONEARM_PORT, 8081)
        rebuild                       rebuild the search index from the catalog, in the running writer
        serve                         run a server configured from the environment (AWS)
        test                          run every test
        demo-catalog                  regenerate the shipped demo catalog from the data sets
        relevance                     run the judged queries and print success@1, success@5, MRR@10
        bench [--tracks N] [--concurrency 1,4] [--seconds S]
                                      generate a catalog, index it, load-test suggest and search
        bench-playback [--runs N]     time to the first audio byte of a signed playlist over loopback
        bench-generations [--tracks N]
                                      publish, restore, sync and rebuild an index of N tracks; writer cold start
        bench-freshness [--writes N]  write -> searchable on the dev stack and on ./tonearm replica
        ingest-corpus [--inspect-only] [--threads N] [--match TEXT]
                                      ingest every file of the audio corpora, print READY/FAILED per corpus
        ingest-bench [--minutes M]    time upload → READY of an M-minute FLAC; tag reads per second""";

  private Cli() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      fail(USAGE);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "dev" -> DevCommand.run(rest);
      case "token" -> TokenCommand.run(rest);
      case "import" -> ImportCommand.run(rest);
      case "replica" -> ReplicaCommand.run(rest);
      case "rebuild" -> RebuildCommand.run(rest);
      case "serve" -> ServerMain.main(rest.toArray(String[]::new));
      case "demo-catalog" -> dev.tonearm.server.demo.DemoCatalogBuilder.main(rest.toArray(String[]::new));
      case "relevance" -> dev.tonearm.server.relevance.RelevanceRun.main(rest.toArray(String[]::new));
      case "bench" -> dev.tonearm.server.bench.BenchMain.main(rest.toArray(String[]::new));
      case "bench-generations" -> dev.tonearm.server.bench.GenerationsBench.main(rest.toArray(String[]::new));
      case "bench-freshness" -> dev.tonearm.server.bench.FreshnessBench.main(rest.toArray(String[]::new));
      case "bench-playback" -> dev.tonearm.server.bench.PlaybackBench.main(rest.toArray(String[]::new));
      case "ingest-corpus" -> dev.tonearm.server.ingestbench.IngestCorpusMain.main(rest.toArray(String[]::new));
      case "ingest-bench" -> dev.tonearm.server.ingestbench.IngestBenchMain.main(rest.toArray(String[]::new));
      default -> fail("unknown command '" + args[0] + "'\n" + USAGE);
    }
  }

  static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
