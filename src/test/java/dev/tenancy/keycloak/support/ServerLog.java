package dev.tenancy.keycloak.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Keycloak's console output file, read by byte offset so a test can see what one request logged. */
final class ServerLog {

    private static final Duration QUIET = Duration.ofMillis(250);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    long length() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text written since {@code mark}, read once the log has stopped growing so trailing lines are not cut off. */
    String since(long mark) {
        settle();
        return read(mark, length());
    }

    /** The last {@code lines} lines written since {@code mark}, for failure messages. */
    String tail(long mark, int lines) {
        String text = read(mark, length());
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", Arrays.copyOfRange(all, from, all.length));
    }

    // Keycloak writes its log lines from request and background threads; wait until nothing new arrives for a moment.
    private void settle() {
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        long seen = length();
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            pause(50);
            long now = length();
            if (now != seen) {
                seen = now;
                quietSince = Instant.now();
            } else if (Duration.between(quietSince, Instant.now()).compareTo(QUIET) >= 0) {
                return;
            }
        }
    }

    private String read(long from, long to) {
        if (to <= from) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[Math.toIntExact(to - from)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
