package dev.tenancy.keycloak.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator: {@code threads} workers send requests back to back for a warm-up, then for
 * the measured period; throughput is completed requests per second, latencies are per request. Any answer
 * other than the expected status counts as an error and is reported, so a broken scenario cannot look fast.
 */
final class LoadRun {

    /** The outcome of one scenario. */
    record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long requests,
            long errors) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private LoadRun() {
    }

    /** {@code request} builds the n-th request of a worker; {@code expectedStatus} is what a success answers. */
    static Result run(String name, int threads, Duration warmUp, Duration measured, int expectedStatus,
            IntFunction<HttpRequest> request) throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmEnd + measured.toNanos();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[500_000];
            latencies.add(mine);
            int worker = t;
            Thread thread = new Thread(() -> {
                int n = worker * 1_000_000;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        int status = send(request.apply(n++));
                        long took = System.nanoTime() - start;
                        if (start >= warmEnd) {
                            if (status != expectedStatus) {
                                errors.incrementAndGet();
                            }
                            if (counts[worker] < mine.length) {
                                mine[(int) counts[worker]] = took;
                            }
                            counts[worker]++;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + name + "-" + t);
            thread.start();
        }
        done.await();
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            int n = (int) Math.min(counts[t], latencies.get(t).length);
            System.arraycopy(latencies.get(t), 0, all, at, n);
            at += n;
        }
        long[] sorted = Arrays.copyOf(all, at);
        Arrays.sort(sorted);
        return new Result(name, total / (measured.toNanos() / 1e9), percentile(sorted, 0.50),
                percentile(sorted, 0.99), total, errors.get());
    }

    private static int send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
