package dev.tenancy.keycloak.rest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code docs/openapi.yaml}: the API as documented, parsed with its references resolved. */
final class OpenApiDocument {

    static final Path FILE = Path.of(System.getProperty("tenancy.project.dir", "."), "docs", "openapi.yaml")
            .toAbsolutePath().normalize();

    private final OpenAPI api;
    private final List<String> messages;

    private OpenApiDocument(SwaggerParseResult parsed) {
        this.api = parsed.getOpenAPI();
        this.messages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
    }

    static OpenApiDocument read() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenApiDocument(new OpenAPIV3Parser().readLocation(FILE.toUri().toString(), null, options));
    }

    /** What the parser found wrong with the document: empty for a valid OpenAPI 3 document. */
    List<String> messages() {
        return messages;
    }

    OpenAPI api() {
        return api;
    }

    /** Every documented operation. */
    Set<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> endpoints.add(new Endpoint(method.name(), path))));
        return endpoints;
    }
}
