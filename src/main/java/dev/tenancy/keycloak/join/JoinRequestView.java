package dev.tenancy.keycloak.join;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request to join, as the tenant's members who decide see it: who asked, with which address, and when
 * ({@code requestedAt}, ISO-8601).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinRequestView(String id, String userId, String username, String email, String requestedAt) {
}
