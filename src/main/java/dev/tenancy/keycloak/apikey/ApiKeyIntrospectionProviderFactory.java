package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.protocol.oidc.TokenIntrospectionProviderFactory;

/** Registers API key introspection under the token type hint {@code api_key}. */
public final class ApiKeyIntrospectionProviderFactory
        implements TokenIntrospectionProviderFactory, TenancyProviderFactory<TokenIntrospectionProvider> {

    @Override
    public String getId() {
        return ApiKeyIntrospector.TOKEN_TYPE;
    }

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new ApiKeyIntrospectionProvider(session);
    }
}
