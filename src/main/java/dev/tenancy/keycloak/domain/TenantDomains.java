package dev.tenancy.keycloak.domain;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/**
 * The domains of one tenant, where they live: a proven (or realm-admin vouched) domain is a domain of Keycloak's
 * organization, so Keycloak's own features (redirect to the tenant's IdP by email domain, its admin console) see
 * it; a claim waiting for its DNS proof is an attribute of the organization holding the challenge, and is
 * nowhere in Keycloak's domain list — an unproven claim must not steer anyone's login, and several tenants may
 * claim one name until one of them proves it.
 */
final class TenantDomains {

    static final String CLAIM_PREFIX = "tenancy.domain-challenge.";

    private final OrganizationModel tenant;
    private final OrganizationModel stored;

    /**
     * {@code tenant} is the organization as the request sees it (through Keycloak's cache), which every change
     * goes through so that Keycloak invalidates its caches on all nodes; {@code stored} is the same organization
     * read from the database, whose domain list a change is computed from — a list read from a cache another
     * node has not yet invalidated would drop a domain added there (Keycloak's {@code setDomains} replaces all).
     */
    TenantDomains(OrganizationModel tenant, OrganizationModel stored) {
        this.tenant = tenant;
        this.stored = stored;
    }

    /** Keycloak's domains of the organization, by name. */
    Map<String, Boolean> held() {
        return stored.getDomains().collect(Collectors.toMap(existing -> existing.getName().toLowerCase(Locale.ROOT),
                OrganizationDomainModel::isVerified, (a, b) -> a || b, TreeMap::new));
    }

    Optional<Boolean> heldVerified(DomainName domain) {
        return Optional.ofNullable(held().get(domain.value()));
    }

    /** The claims waiting for their proof, by domain; values that are not challenges of ours are skipped. */
    Map<String, DomainChallenge> claims() {
        Map<String, DomainChallenge> claims = new TreeMap<>();
        tenant.getAttributes().forEach((name, values) -> {
            if (name.startsWith(CLAIM_PREFIX) && values != null && values.size() == 1) {
                String domainText = name.substring(CLAIM_PREFIX.length());
                DomainName domain = new DomainName(domainText);
                DomainChallenge.stored(domain, values.get(0)).ifPresent(challenge -> claims.put(domainText, challenge));
            }
        });
        return claims;
    }

    Optional<DomainChallenge> claim(DomainName domain) {
        return Optional.ofNullable(claims().get(domain.value()));
    }

    void putClaim(DomainName domain, DomainChallenge challenge) {
        Map<String, List<String>> attributes = new HashMap<>(tenant.getAttributes());
        attributes.put(CLAIM_PREFIX + domain.value(), List.of(challenge.value()));
        tenant.setAttributes(attributes);
    }

    void dropClaim(DomainName domain) {
        Map<String, List<String>> attributes = new HashMap<>(tenant.getAttributes());
        if (attributes.remove(CLAIM_PREFIX + domain.value()) != null) {
            tenant.setAttributes(attributes);
        }
    }

    /** Puts the domain into Keycloak's list, or sets it verified there. */
    void holdVerified(DomainName domain) {
        Set<OrganizationDomainModel> domains = allBut(domain);
        domains.add(new OrganizationDomainModel(domain.value(), true));
        tenant.setDomains(domains);
    }

    void release(DomainName domain) {
        tenant.setDomains(allBut(domain));
    }

    private Set<OrganizationDomainModel> allBut(DomainName domain) {
        return stored.getDomains()
                .filter(existing -> !existing.getName().equalsIgnoreCase(domain.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
