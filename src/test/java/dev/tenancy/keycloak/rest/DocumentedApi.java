package dev.tenancy.keycloak.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The test server as {@code docs/openapi.yaml} describes it: every exchange is checked by Atlassian's OpenAPI
 * validator (request, status documented, content type, body against its schema), and each documented operation
 * that was called is remembered. Mismatches are collected, so that one run names all of them.
 */
final class DocumentedApi {

    // HTTP/1.1 avoids the h2c upgrade dance against Keycloak's plain-HTTP dev listener.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;
    private final OpenApiInteractionValidator validator;
    private final Map<Endpoint, Pattern> operations = new LinkedHashMap<>();
    private final Set<Endpoint> called = new TreeSet<>();
    private final List<String> mismatches = new ArrayList<>();

    DocumentedApi(String baseUrl, OpenApiDocument document) {
        this.baseUrl = baseUrl;
        // Read by the validator itself, which resolves every $ref (responses, request bodies). Our answers are
        // schemas extended with allOf, each closed by additionalProperties: false; merged into one schema first,
        // a field outside both is still refused.
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(OpenApiDocument.FILE.toUri().toString())
                .withResolveCombinators(true)
                .build();
        document.endpoints().forEach(endpoint -> operations.put(endpoint, template(endpoint.path())));
    }

    /** Sends the call; fails at once unless the server answers {@code status}, and checks the exchange. */
    HttpResult expect(int status, Call call) {
        HttpResult result = send(call);
        if (result.status() != status) {
            throw new AssertionError(call + ": expected " + status + " but was " + result);
        }
        check(call, result);
        return result;
    }

    /** The documented operations no call reached. */
    Set<Endpoint> notCalled() {
        Set<Endpoint> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(called);
        return missing;
    }

    /** Every way an answer (or a well-formed request) differed from the document, one line each. */
    List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    private void check(Call call, HttpResult result) {
        String path = call.path();
        Optional<Endpoint> operation = operation(call.method(), path);
        if (operation.isEmpty()) {
            mismatches.add(call + ": no documented operation");
            return;
        }
        called.add(operation.get());
        SimpleResponse.Builder response = SimpleResponse.Builder.status(result.status());
        result.headers().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (result.body() != null && !result.body().isEmpty()) {
            response.withBody(result.body());
        }
        ValidationReport report = call.conforming()
                ? validator.validate(request(call), response.build())
                : validator.validateResponse(path, Request.Method.valueOf(call.method()), response.build());
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> mismatches.add(call + " → " + result.status() + ": " + message.getMessage()
                        + " [" + message.getKey() + "] body: " + abbreviate(result.body())));
    }

    /** The documented operation of the request: of several matching templates, the one with most literal text. */
    private Optional<Endpoint> operation(String method, String path) {
        return operations.entrySet().stream()
                .filter(entry -> entry.getKey().method().equals(method))
                .filter(entry -> entry.getValue().matcher(path).matches())
                .map(Map.Entry::getKey)
                .max(Comparator.comparingInt(endpoint -> endpoint.path().replaceAll("\\{[^}]*}", "").length()));
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }

    private static SimpleRequest request(Call call) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method(), call.path());
        call.headers().forEach(request::withHeader);
        if (call.body() != null) {
            request.withBody(call.body());
        }
        call.query().forEach(request::withQueryParam);
        return request.build();
    }

    private HttpResult send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.pathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body() == null
                        ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        call.headers().forEach(request::header);
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(call + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    static Call get(String pathAndQuery) {
        return Call.of("GET", pathAndQuery);
    }

    static Call post(String pathAndQuery) {
        return Call.of("POST", pathAndQuery);
    }

    static Call put(String pathAndQuery) {
        return Call.of("PUT", pathAndQuery);
    }

    static Call delete(String pathAndQuery) {
        return Call.of("DELETE", pathAndQuery);
    }

    /**
     * One request, path relative to the server. {@code conforming} is false for requests that break the document
     * on purpose (to provoke a 400): then only the answer is checked.
     */
    record Call(String method, String pathAndQuery, Map<String, String> headers, String body, boolean conforming) {

        static Call of(String method, String pathAndQuery) {
            return new Call(method, pathAndQuery, Map.of("Accept", "application/json"), null, true);
        }

        Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call basic(String user, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        Call accept(String mediaType) {
            return header("Accept", mediaType);
        }

        /** A JSON body: a {@code String} is taken as JSON text, anything else is serialized. */
        Call json(Object body) {
            return new Call(method, pathAndQuery, with("Content-Type", "application/json"), Json.write(body), conforming);
        }

        Call form(Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return new Call(method, pathAndQuery, with("Content-Type", "application/x-www-form-urlencoded"), body,
                    conforming);
        }

        Call header(String name, String value) {
            return new Call(method, pathAndQuery, with(name, value), body, conforming);
        }

        /** The request breaks the document on purpose; only the answer is checked. */
        Call malformed() {
            return new Call(method, pathAndQuery, headers, body, false);
        }

        String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }

        Map<String, List<String>> query() {
            int start = pathAndQuery.indexOf('?');
            Map<String, List<String>> query = new LinkedHashMap<>();
            if (start < 0) {
                return query;
            }
            for (String pair : pathAndQuery.substring(start + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            return query;
        }

        private Map<String, String> with(String name, String value) {
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            headers.put(name, value);
            return headers;
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }
}
