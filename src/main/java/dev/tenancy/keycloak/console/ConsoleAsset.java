package dev.tenancy.keycloak.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A static file of the tenancy console, read from {@code tenancy-console/} in our jar: its bytes, its media type
 * and an ETag of its content. Only lower-case paths of known kinds are looked up, so no request reaches another
 * resource of the class path.
 */
record ConsoleAsset(byte[] bytes, String mediaType, String etag) {

    static final String ROOT = "tenancy-console/";

    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*(\\.[a-z0-9_-]+)*\\.(js|css|svg)");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    /** Files found, kept; misses are not, so made-up paths cannot fill the heap. */
    private static final Map<String, ConsoleAsset> LOADED = new ConcurrentHashMap<>();

    /** The file at {@code path} below the console's root, or empty for anything else. */
    static Optional<ConsoleAsset> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        ConsoleAsset known = LOADED.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ConsoleAsset> loaded = load(path);
        loaded.ifPresent(asset -> LOADED.put(path, asset));
        return loaded;
    }

    /** The console's page, {@code index.html}, as text (the resource fills in the realm). */
    static String page() {
        return load("index.html").map(asset -> new String(asset.bytes(), StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException(ROOT + "index.html is missing from the jar"));
    }

    private static Optional<ConsoleAsset> load(String path) {
        try (InputStream in = ConsoleAsset.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new ConsoleAsset(bytes, MEDIA_TYPES.getOrDefault(extension, "text/html; charset=utf-8"),
                    '"' + sha256(bytes).substring(0, 32) + '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
