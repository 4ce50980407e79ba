package dev.tenancy.keycloak.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} is a valid OpenAPI 3 document and lists exactly the operations our JAX-RS classes
 * serve; {@code OpenApiConformanceIT} then calls each of them and checks the answers against it.
 */
class OpenApiDocumentTest {

    private static final OpenApiDocument DOCUMENT = OpenApiDocument.read();

    /** Keycloak's token endpoint, documented for the grant type the extension adds to it. */
    static final Set<String> KEYCLOAK_ENDPOINTS = Set.of("POST /realms/{}/protocol/openid-connect/token",
            "POST /realms/{}/protocol/openid-connect/token/introspect");

    @Test
    void theDocumentIsAValidOpenApi3Document() {
        assertThat(DOCUMENT.messages()).as("parser messages for %s", OpenApiDocument.FILE).isEmpty();
        assertThat(DOCUMENT.api().getOpenapi()).startsWith("3.");
    }

    @Test
    void everyOperationTheServerHasIsDocumented() {
        Set<String> documented = shapes(DOCUMENT.endpoints().stream());

        assertThat(served().stream().filter(endpoint -> !documented.contains(endpoint.shape())))
                .as("operations of the server missing in %s", OpenApiDocument.FILE)
                .isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> served = shapes(served().stream());

        assertThat(DOCUMENT.endpoints().stream()
                .filter(endpoint -> !served.contains(endpoint.shape()))
                .filter(endpoint -> !KEYCLOAK_ENDPOINTS.contains(endpoint.shape())))
                .as("operations in %s that the server does not have", OpenApiDocument.FILE)
                .isEmpty();
    }

    /**
     * What the two REST roots serve, without {@code OPTIONS}: those are the CORS preflights the self-service API
     * answers on every path below it ({@code SelfServiceCorsIT}), not operations of their own.
     */
    static Set<Endpoint> served() {
        return Stream.concat(
                        ServerEndpoints.below(TenancyAdminResource.class, "/admin/realms/{realm}/tenancy").stream(),
                        ServerEndpoints.below(TenancyRealmResource.class, "/realms/{realm}/tenancy").stream())
                .filter(endpoint -> !endpoint.method().equals("OPTIONS"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Set<String> shapes(Stream<Endpoint> endpoints) {
        return endpoints.map(Endpoint::shape).collect(Collectors.toSet());
    }
}
