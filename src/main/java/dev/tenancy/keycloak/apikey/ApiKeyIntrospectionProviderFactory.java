package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.TenancyVersion;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.protocol.oidc.TokenIntrospectionProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Registers API key introspection under the token type hint {@code api_key}. */
public final class ApiKeyIntrospectionProviderFactory
        implements TokenIntrospectionProviderFactory, ServerInfoAwareProviderFactory {

    @Override
    public String getId() {
        return ApiKeyIntrospector.TOKEN_TYPE;
    }

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new ApiKeyIntrospectionProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return TenancyVersion.operationalInfo();
    }
}
