package dev.tenancy.keycloak.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of the server's {@code /metrics} (Prometheus text format, on the management port): every sample with
 * its labels, so a test compares two reads around what it does.
 */
public final class MetricsScrape {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsScrape of(KeycloakServer server) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.managementUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/plain").GET().build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return parse(response.body());
    }

    static MetricsScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new MetricsScrape(samples);
    }

    /** Whether a sample of this name is there at all, whatever its value. */
    public boolean has(String name, String... labelPairs) {
        return samples.stream().anyMatch(sample -> matches(sample, name, labelPairs));
    }

    /** The sum of the samples of {@code name} whose labels include these {@code key, value} pairs; 0 for none. */
    public double sum(String name, String... labelPairs) {
        return samples.stream().filter(sample -> matches(sample, name, labelPairs)).mapToDouble(Sample::value).sum();
    }

    /** How much {@link #sum} grew since {@code earlier}. */
    public double since(MetricsScrape earlier, String name, String... labelPairs) {
        return sum(name, labelPairs) - earlier.sum(name, labelPairs);
    }

    private static boolean matches(Sample sample, String name, String... labelPairs) {
        if (!sample.name().equals(name)) {
            return false;
        }
        for (int i = 0; i + 1 < labelPairs.length; i += 2) {
            if (!labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
