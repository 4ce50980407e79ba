package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tenancy.keycloak.error.TenancyException;

/**
 * What a stored credential row may hold, for code that writes rows without this package's services (the tenancy
 * import): a provider and metadata as the API takes them, and the name key derived from the name.
 */
public final class CredentialRows {

    private static final JsonMapper MAPPER = new JsonMapper();

    private CredentialRows() {
    }

    public static String nameKey(String name) {
        return TenancyCredentialEntity.nameKey(name);
    }

    public static boolean isProvider(String provider) {
        return provider != null && CredentialInput.PROVIDER.matcher(provider).matches();
    }

    /** {@code null}, or metadata exactly as the API stores it (an object of names to strings, numbers, booleans). */
    public static boolean isMetadata(String stored) {
        if (stored == null) {
            return true;
        }
        try {
            return CredentialInput.metadata(MAPPER.readTree(stored)).equals(stored);
        } catch (JacksonException | TenancyException e) {
            return false;
        }
    }
}
