package dev.tenancy.keycloak.join;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tenant's rule for joining by verified domain, {@code {"mode": "off|suggest|auto", "defaultRole"}}, kept in
 * TENANCY_JOIN_POLICY ({@link JoinPolicies}): not in the organization's attributes, which Keycloak's organization API
 * lets any manager of the organization write.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinPolicy(String mode, String defaultRole) {

    static final JoinPolicy OFF = new JoinPolicy(JoinMode.OFF.label(), null);

    JoinMode joinMode() {
        return JoinMode.of(mode).orElse(JoinMode.OFF);
    }
}
