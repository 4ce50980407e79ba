package dev.tenancy.keycloak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A thin java.net.http client for the tests: JSON bodies, bearer tokens and form posts, no redirects followed. */
public final class Http {

    // HTTP/1.1 avoids the h2c upgrade dance against Keycloak's plain-HTTP dev listener.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // -Dtenancy.test.requestSeconds: the benchmarks import whole realms, which takes minutes on a busy machine.
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(Integer.getInteger("tenancy.test.requestSeconds", 60));

    private Http() {
    }

    public static HttpResult get(String url, String bearerToken) {
        return send("GET", url, bearerToken, null);
    }

    public static HttpResult post(String url, String bearerToken, Object jsonBodyOrNull) {
        return send("POST", url, bearerToken, jsonBodyOrNull);
    }

    public static HttpResult put(String url, String bearerToken, Object jsonBodyOrNull) {
        return send("PUT", url, bearerToken, jsonBodyOrNull);
    }

    public static HttpResult delete(String url, String bearerToken) {
        return send("DELETE", url, bearerToken, null);
    }

    public static HttpResult delete(String url, String bearerToken, Object jsonBodyOrNull) {
        return send("DELETE", url, bearerToken, jsonBodyOrNull);
    }

    /**
     * Any method; the body is a {@code String} of JSON or an object Jackson serializes, and null sends none.
     * The bearer token may be null too.
     */
    public static HttpResult send(String method, String url, String bearerToken, Object jsonBodyOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_LIMIT)
                .header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (jsonBodyOrNull == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString(Json.write(jsonBodyOrNull), StandardCharsets.UTF_8));
        }
        return execute(request.build());
    }

    /** Any method with these exact body bytes and this {@code Content-Type}, e.g. invalid UTF-8 or text/plain. */
    public static HttpResult sendBytes(String method, String url, String bearerToken, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_LIMIT)
                .header("Accept", "application/json").header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return execute(request.build());
    }

    /** A request without a body, with these headers (e.g. {@code Origin}) and the bearer token if not null. */
    public static HttpResult sendWithHeaders(String method, String url, String bearerToken, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_LIMIT)
                .header("Accept", "application/json").method(method, BodyPublishers.noBody());
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        headers.forEach(request::header);
        return execute(request.build());
    }

    /**
     * POSTs {@code application/x-www-form-urlencoded}; {@code basicAuthOrNull} is {@code "user:password"}
     * (for a confidential client: {@code "clientId:secret"}).
     */
    public static HttpResult postForm(String url, Map<String, String> form, String basicAuthOrNull) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_LIMIT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (basicAuthOrNull != null) {
            String encoded = Base64.getEncoder().encodeToString(basicAuthOrNull.getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + encoded);
        }
        return execute(request.build());
    }

    private static HttpResult execute(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
