package dev.tenancy.keycloak.apikey;

/** Names of event details the API key features add to Keycloak's user events. */
final class ApiKeyEvents {

    static final String KEY_ID = "tenancy_api_key_id";

    private ApiKeyEvents() {
    }
}
