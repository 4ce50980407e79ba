package dev.tenancy.keycloak.config;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/** Published, inside the transaction that stored it, after a realm's tenancy configuration was replaced. */
public record TenancyConfigChanged(RealmModel realm, TenancyConfig config) implements ProviderEvent {
}
