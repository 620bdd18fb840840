package dev.tonearm.server.cli;

import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DataDir;
import dev.tonearm.server.dev.DevStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./tonearm dev [--fresh]}: the embedded stack until Ctrl-C. */
final class DevCommand {
  static final Duration TOKEN_TTL = Duration.ofHours(12);

  private DevCommand() {}

  static void run(List<String> args) throws InterruptedException {
    for (String arg : args) {
      if (!arg.equals("--fresh")) {
        Cli.fail("unknown option '" + arg + "' for dev\n" + Cli.USAGE);
      }
    }
    ServerConfig config = ServerConfig.fromEnvironment();
    if (args.contains("--fresh")) {
      new DataDir(config.dataDir()).wipe();
    }
    String jar = System.getProperty("tonearm.s3mock.jar");
    if (jar == null) {
      Cli.fail("tonearm.s3mock.jar is not set: start the dev stack with ./tonearm dev");
    }
    long begun = System.nanoTime();
    DevStack stack = DevStack.start(new DevStack.Options(config, Path.of(jar), true));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "dev-stack-shutdown"));
    String url = "http://" + (config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host()) + ":" + stack.port();
    System.out.printf("""

        Tonearm is running at %1$s  (ready in %2$.1f s; state in %3$s)
          API docs:     %1$s/docs
          user token:   %4$s
          admin token:  %5$s
        Try:  curl -H "Authorization: Bearer $TOKEN" '%1$s/v1/tracks?limit=5'
        Tokens last %6$d h; ./tonearm token <user> [--admin] prints more. Ctrl-C stops everything.
        The demo catalog (~25k real tracks) loads on the first start; %1$s/ready shows when it is in.

        """, url, (System.nanoTime() - begun) / 1e9, config.dataDir().toAbsolutePath(),
        stack.issuer().accessToken("alice", false, TOKEN_TTL),
        stack.issuer().accessToken("admin", true, TOKEN_TTL), TOKEN_TTL.toHours());
    System.out.flush();
    stopped.await();
  }
}
