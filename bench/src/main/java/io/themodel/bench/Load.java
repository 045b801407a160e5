package io.themodel.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The HTTP load of the ingest and end-to-end benchmarks: {@code POST /leads}, unique leads. */
final class Load {

  /** A closed-loop run's figures: commands/s and latency percentiles of the measured window. */
  record Closed(int clients, long accepted, long failed, double seconds, Latencies latencies) {
    double perSecond() {
      return accepted / seconds;
    }
  }

  private final BenchClient client;
  private final URI lead;
  private final String run;
  private final AtomicLong sequence = new AtomicLong();

  Load(BenchClient client, URI lead, String run) {
    this.client = client;
    this.lead = lead;
    this.run = run;
  }

  /**
   * {@code clients} threads each send {@code POST /leads} one after the other for {@code warmUp}
   * seconds (not counted), then for {@code seconds} seconds (counted: 201s, their latencies, and
   * any other answer as a failure).
   */
  Closed closedLoop(int clients, int warmUp, int seconds) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmUp);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    List<Latencies> latencies = new ArrayList<>();
    AtomicLong failed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Latencies mine = new Latencies();
      latencies.add(mine);
      Thread thread =
          new Thread(
              () -> {
                while (true) {
                  long sent = System.nanoTime();
                  if (sent >= end) {
                    return;
                  }
                  int status = client.captureLead(lead, run, sequence.incrementAndGet());
                  long answered = System.nanoTime();
                  if (sent >= measureFrom && answered <= end) {
                    if (status == 201) {
                      mine.add(answered - sent);
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                }
              },
              "ingest-client-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Latencies all = Latencies.merge(latencies);
    return new Closed(clients, all.size(), failed.get(), seconds, all);
  }

  /**
   * Sends {@code POST /leads} at a fixed rate (open loop: a slow answer does not slow the sending)
   * for {@code seconds}; returns the nanoTime at which each accepted (201) command was answered.
   */
  OpenLoop openLoop(int perSecond, int seconds) throws InterruptedException {
    ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
    java.util.concurrent.ConcurrentHashMap<Integer, Long> statuses =
        new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong failed = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    long total = (long) perSecond * seconds;
    ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
    sender.scheduleAtFixedRate(
        () -> {
          if (sent.incrementAndGet() > total) {
            return;
          }
          client
              .captureLeadAsync(lead, run, sequence.incrementAndGet())
              .thenAccept(
                  status -> {
                    if (status == 201) {
                      accepted.add(System.nanoTime());
                    } else {
                      failed.incrementAndGet();
                      statuses.merge(status, 1L, Long::sum);
                    }
                  });
        },
        0,
        period,
        TimeUnit.NANOSECONDS);
    TimeUnit.SECONDS.sleep(seconds);
    sender.shutdown();
    sender.awaitTermination(5, TimeUnit.SECONDS);
    // The last answers.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (accepted.size() + failed.get() < Math.min(total, sent.get())
        && System.nanoTime() < deadline) {
      BenchPlatform.sleep(10);
    }
    return new OpenLoop(List.copyOf(accepted), failed.get(), java.util.Map.copyOf(statuses));
  }

  /**
   * What an open-loop run got: the answer times of accepted commands, and failures by status (-1:
   * no answer).
   */
  record OpenLoop(List<Long> acceptedAt, long failed, java.util.Map<Integer, Long> failures) {}

  /** Polls {@code counter} until stopped, recording (time, value) observations. */
  static final class Poller implements Runnable {
    private final LongSupplier counter;
    private final long intervalNanos;
    private final List<long[]> observations = new ArrayList<>();
    private volatile boolean stopped;
    private volatile long failures;

    /**
     * Polls at most once per {@code interval} (start to start): a probe that polled back to back
     * would load the server the more, the faster it answers.
     */
    Poller(LongSupplier counter, Duration interval) {
      this.counter = counter;
      this.intervalNanos = interval.toNanos();
    }

    @Override
    public void run() {
      while (!stopped) {
        long started = System.nanoTime();
        try {
          long value = counter.getAsLong();
          long at = System.nanoTime();
          synchronized (observations) {
            observations.add(new long[] {at, value});
          }
        } catch (RuntimeException e) {
          failures++; // a slow or failed answer is no observation; the next one counts
        }
        long left = intervalNanos - (System.nanoTime() - started);
        if (left > 0) {
          BenchPlatform.sleep(left / 1_000_000);
        }
      }
    }

    long failures() {
      return failures;
    }

    void stop() {
      stopped = true;
    }

    long latest() {
      synchronized (observations) {
        return observations.isEmpty() ? -1 : observations.get(observations.size() - 1)[1];
      }
    }

    List<long[]> observations() {
      synchronized (observations) {
        return List.copyOf(observations);
      }
    }
  }
}
