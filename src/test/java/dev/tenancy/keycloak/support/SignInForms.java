package dev.tenancy.keycloak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser sign-in without a browser, for tests of the pages Keycloak shows after the password (required actions):
 * the authorization-code flow of the test client with its own cookies, the login form posted as a browser would,
 * every redirect inside Keycloak followed. {@link #page()} is the page shown now, {@link #signedIn()} whether the
 * flow has gone back to the client.
 */
public final class SignInForms {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final String REDIRECT_URI = "http://localhost/after-sign-in";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new Jar())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String page = "";
    private String location;

    /** Starts the test client's sign-in in {@code realm} and posts the username and password. */
    public static SignInForms signIn(TestRealm realm, String username, String password) {
        SignInForms forms = new SignInForms();
        forms.follow(realm.url() + "/protocol/openid-connect/auth?client_id=" + TestRealm.TEST_CLIENT
                + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8));
        // With organizations on, Keycloak asks for the username first and the password on a page of its own.
        forms.submit(Map.of("username", username, "password", password, "credentialId", ""));
        if (forms.page.contains("id=\"password\"")) {
            forms.submit(Map.of("username", username, "password", password, "credentialId", ""));
        }
        return forms;
    }

    /** The HTML of the page shown now; empty once the flow went back to the client. */
    public String page() {
        return page;
    }

    /** Whether the sign-in is over: Keycloak sent the browser back to the client with a code. */
    public boolean signedIn() {
        return location != null && location.startsWith(REDIRECT_URI) && location.contains("code=");
    }

    /** Posts the page's form with {@code fields}, as a click on a button with {@code name=value} would. */
    public SignInForms submit(Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            throw new IllegalStateException("no form on the page: " + page);
        }
        String url = action.group(1).replace("&amp;", "&");
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        answer(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
        return this;
    }

    /** Clicks the page's button {@code action=value}. */
    public SignInForms click(String value) {
        return submit(Map.of("action", value));
    }

    private void follow(String url) {
        answer(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    private void answer(HttpResponse<String> response) {
        int hops = 0;
        while (response.statusCode() / 100 == 3) {
            location = response.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(REDIRECT_URI) || ++hops > 10) {
                page = "";
                return;
            }
            response = send(HttpRequest.newBuilder(URI.create(location)).GET());
        }
        location = null;
        page = response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cookies of one browser on one host. Keycloak marks its cookies {@code Secure} on {@code http://localhost}
     * (a secure context to browsers), which the JDK's {@code CookieManager} then never sends over plain HTTP.
     */
    private static final class Jar extends CookieHandler {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(this::keep);
                }
            });
        }

        private void keep(String header) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals < 1) {
                return;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
