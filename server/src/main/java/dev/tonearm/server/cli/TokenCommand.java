package dev.tonearm.server.cli;

import dev.tonearm.server.auth.DevIssuer;
import dev.tonearm.server.config.ServerConfig;
import dev.tonearm.server.dev.DataDir;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** {@code ./tonearm token <user> [--admin] [--ttl 12h]}: a token the dev stack accepts, on stdout alone. */
final class TokenCommand {
  private TokenCommand() {}

  static void run(List<String> args) {
    String user = null;
    boolean admin = false;
    Duration ttl = DevCommand.TOKEN_TTL;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--admin")) {
        admin = true;
      } else if (arg.equals("--ttl") && i + 1 < args.size()) {
        ttl = parseTtl(args.get(++i));
      } else if (!arg.startsWith("-") && user == null) {
        user = arg;
      } else {
        Cli.fail("unexpected argument '" + arg + "'\n" + Cli.USAGE);
      }
    }
    if (user == null || !user.matches("[A-Za-z0-9._@+-]{1,128}")) {
      Cli.fail("name a user: letters, digits and ._@+- (e.g. ./tonearm token alice)\n" + Cli.USAGE);
    }
    DataDir data = new DataDir(ServerConfig.fromEnvironment().dataDir());
    System.out.println(DevIssuer.persistent(data.issuerKey(), Clock.systemUTC()).accessToken(user, admin, ttl));
  }

  private static Duration parseTtl(String text) {
    try {
      return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      Cli.fail("--ttl takes a duration like 30m, 12h or 1h30m");
      return null;
    }
  }
}
