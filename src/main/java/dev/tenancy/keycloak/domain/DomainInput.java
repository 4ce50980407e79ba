package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.json.JsonBodies;

/**
 * {@code POST …/domains {"domain": "acme.com"}}; realm admins may add {@code "verified": true} to record a domain
 * they vouch for without the DNS proof, as Keycloak's own console lets them.
 */
public record DomainInput(String domain, Boolean verified) implements JsonBodies.Validated<DomainInput> {

    @Override
    public DomainInput validated() {
        return new DomainInput(DomainName.parse(domain).value(), verified);
    }

    DomainName name() {
        return new DomainName(domain);
    }

    boolean vouched() {
        return Boolean.TRUE.equals(verified);
    }
}
