package dev.tenancy.keycloak.domain;

import org.keycloak.provider.Provider;

/** Looks up TXT records in DNS for the domain proof; the {@value DnsSpi#NAME} SPI's provider. */
public interface DnsTxtLookup extends Provider {

    /**
     * The TXT records of {@code name}, following a CNAME as resolvers do. A lookup that does not complete within
     * the provider's deadline, or that a server fails, throws {@link DnsLookupException}; a lookup refused because
     * too many run at once throws {@link dev.tenancy.keycloak.error.TenancyException} of kind
     * {@code RATE_LIMITED}.
     */
    TxtAnswer txt(String name);

    @Override
    default void close() {
    }
}
