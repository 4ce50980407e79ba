package dev.tenancy.keycloak.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of {@link TenancyConfig}: the body of {@code PUT …/tenancy/config}, its answer, and the text kept
 * in the realm attribute. Absent settings are null (their defaults apply); a module's levels are read as sent so
 * that a wrong one is named with the levels that exist. {@link TenancyConfigJson} checks it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenancyConfigRepresentation(
        Map<String, Role> roles,
        Map<String, Map<String, Object>> modules,
        Long invitationLifespanSeconds,
        String apiKeyPrefix,
        Boolean invitationAllowDifferentEmail,
        List<String> apiKeyClients,
        List<String> apiKeyIntrospectionClients,
        Long invitationMailsPerSenderPerHour,
        Long invitationMailsPerTenantPerHour,
        Long invitationMaxResends) {

    /** A role: the permissions it grants. */
    public record Role(List<String> permissions) {
    }
}
