package dev.tenancy.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md: each benchmark owns the text between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->} and replaces only that; the rest of the page is written by hand.
 */
final class BenchmarkPage {

    private BenchmarkPage() {
    }

    static void writeSection(Path page, String name, String section) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String text = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            text = text + "\n" + start + "\n" + end + "\n";
            from = text.indexOf(start);
            to = text.indexOf(end);
        }
        Files.writeString(page, text.substring(0, from + start.length()) + "\n" + section + text.substring(to));
    }
}
