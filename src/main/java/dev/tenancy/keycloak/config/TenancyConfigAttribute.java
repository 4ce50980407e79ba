package dev.tenancy.keycloak.config;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * Keeps a realm's {@link TenancyConfig} in the realm attribute {@value #ATTRIBUTE}, so the configuration
 * travels with realm export and import and is served from Keycloak's realm cache.
 */
public final class TenancyConfigAttribute {

    public static final String ATTRIBUTE = "tenancy.config";

    private static final Logger LOG = Logger.getLogger(TenancyConfigAttribute.class);
    /** Parsed configurations by their JSON text: token issuing reads the config on every request. */
    private static final Map<String, TenancyConfig> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 1_000;

    private TenancyConfigAttribute() {
    }

    public static TenancyConfig read(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return TenancyConfig.defaults();
        }
        TenancyConfig cached = PARSED.get(json);
        if (cached != null) {
            return cached;
        }
        TenancyConfig parsed = parse(realm, json);
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(json, parsed);
        return parsed;
    }

    public static void write(RealmModel realm, TenancyConfig config) {
        realm.setAttribute(ATTRIBUTE, JsonBodies.write(TenancyConfigJson.write(config)));
    }

    private static TenancyConfig parse(RealmModel realm, String json) {
        try {
            return TenancyConfigJson.read(JsonBodies.parse(json, TenancyConfigRepresentation.class));
        } catch (TenancyException e) {
            // Only a hand-edited realm import gets here; the REST API and the admin console validate before storing.
            LOG.warnf("Realm '%s' has an invalid attribute %s (%s); using the default tenancy configuration",
                    realm.getName(), ATTRIBUTE, e.getMessage());
            return TenancyConfig.defaults();
        }
    }
}
