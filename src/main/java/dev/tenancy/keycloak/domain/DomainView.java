package dev.tenancy.keycloak.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A domain of a tenant as the APIs show it: {@code {"domain", "verified", "challenge": {"name", "value"}}}; the
 * challenge is shown while the domain waits for its DNS proof, and left out once it is verified.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainView(String domain, boolean verified, Challenge challenge) {

    /** The TXT record to publish: its name and value. */
    public record Challenge(String name, String value) {
    }

    static DomainView verified(DomainName domain) {
        return new DomainView(domain.value(), true, null);
    }

    static DomainView pending(DomainName domain, DomainChallenge challenge) {
        return new DomainView(domain.value(), false,
                challenge == null ? null : new Challenge(challenge.recordName(), challenge.value()));
    }
}
