package dev.tonearm.server.search;

import dev.tonearm.server.http.Problem;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Where searches are computed: a fixed pool of threads, one per core, taking requests in the order they came. A
 * request thread parses, authenticates and hands the search over; a pool thread computes it and writes the answer.
 * Searching is all CPU, so more searches at once than cores only makes them share the cores in scheduler slices,
 * where a request that needs half a millisecond can wait several for its turn. Here each one runs to the end
 * once started, and the others wait in line. At four concurrent keystrokes on two cores this took suggest's p99
 * from 5.4–6.3 ms to 3.9–4.1 ms; one request at a time pays the hand-over, under 0.1 ms (docs/benchmarks.md).
 *
 * <p>A pool turns requests away with a 503 and {@code Retry-After} once {@value #QUEUE_PER_THREAD} per thread are
 * waiting: past that, an answer would come too late to be worth computing.
 */
public final class SearchPool implements AutoCloseable {
  static final int QUEUE_PER_THREAD = 256;
  static final String RETRY_AFTER_SECONDS = "1";
  /** An idle thread ends after this long; an idle server holds no threads, a busy one never waits for a new one. */
  static final long IDLE_SECONDS = 30;

  private final String name;
  private final ThreadPoolExecutor executor;

  /** A pool named {@code name} (its threads are {@code name-1}, {@code name-2}, ...). */
  SearchPool(String name, int threads, int queue) {
    this.name = name;
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), work -> {
          Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
  }

  /** A pool of one thread per core. */
  public static SearchPool perCore(String name) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SearchPool(name, cores, cores * QUEUE_PER_THREAD);
  }

  /** Computes a search's answer. */
  @FunctionalInterface
  public interface Search {
    Object answer() throws Exception;
  }

  /**
   * Answers {@code ctx} with {@code search}'s answer as JSON, computed on the pool. A failure reaches the error
   * boundary as it would from the request thread, and the pool thread logs under the request's id.
   *
   * @throws Problem 503 when the pool's line is full or the pool is closed
   */
  public void answer(Context ctx, Search search) {
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    CompletableFuture<Object> answer = new CompletableFuture<>();
    try {
      executor.execute(() -> compute(search, logContext, answer));
    } catch (RejectedExecutionException full) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
      throw Problem.unavailable(name + " is busy; try again in a moment");
    }
    ctx.future(() -> answer.thenAccept(ctx::json));
  }

  private static void compute(Search search, Map<String, String> logContext, CompletableFuture<Object> answer) {
    if (logContext != null) {
      MDC.setContextMap(logContext);
    }
    try {
      answer.complete(search.answer());
    } catch (Throwable failure) {
      answer.completeExceptionally(failure);
    } finally {
      MDC.clear();
    }
  }

  /** How many searches are waiting for a thread. */
  int waiting() {
    return executor.getQueue().size();
  }

  /** Stops the threads; searches still waiting are dropped. Close after the server has stopped taking requests. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
