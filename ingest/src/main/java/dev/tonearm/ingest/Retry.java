package dev.tonearm.ingest;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Retries work that failed on a transient fault of S3 or DynamoDB: a network error, a 5xx, throttling. The SDK
 * already retries each request a few times; this retries a whole idempotent step, with a longer backoff, so a
 * short outage does not fail an ingest. What is still failing after the last attempt is a {@link TransientFault}.
 */
public final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  private final int attempts;
  private final Duration firstBackoff;

  public Retry(int attempts, Duration firstBackoff) {
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  /** Four attempts, 200 ms then ×4 between them. */
  public static Retry standard() {
    return new Retry(4, Duration.ofMillis(200));
  }

  /** Something still failing on transient faults after every attempt; worth trying again later. */
  public static final class TransientFault extends RuntimeException {
    public TransientFault(String what, Throwable cause) {
      super(what + " kept failing: " + cause.getMessage(), cause);
    }
  }

  public interface Action {
    void run() throws Exception;
  }

  public void run(String what, Action action) throws Exception {
    call(what, () -> {
      action.run();
      return null;
    });
  }

  public <T> T call(String what, Callable<T> action) throws Exception {
    long backoff = firstBackoff.toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        return action.call();
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw e;
        }
        if (attempt >= attempts) {
          throw new TransientFault(what, e);
        }
        LOG.atWarn().addKeyValue("what", what).addKeyValue("attempt", attempt).addKeyValue("error", e.toString())
            .log("transient fault; retrying");
        Thread.sleep(backoff);
        backoff *= 4;
      }
    }
  }

  /** Network trouble, server errors and throttling are transient; a refusal (4xx) is not. */
  public static boolean isTransient(Throwable e) {
    if (e instanceof AbortedException) {
      return false;
    }
    if (e instanceof AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException() || service.statusCode() == 429;
    }
    return e instanceof SdkClientException;
  }
}
