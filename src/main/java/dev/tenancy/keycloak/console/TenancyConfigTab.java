package dev.tenancy.keycloak.console;

import dev.tenancy.keycloak.TenancyVersion;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.config.TenancyConfigText;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.config.ConfigService;
import dev.tenancy.keycloak.tenant.TenantCatalogueUse;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "tenancy" tab in the admin console's realm settings (needs the experimental {@code declarative-ui}
 * feature). The console stores the form as a component; saving it validates the text and applies it to
 * the realm's tenancy configuration, which stays the one source of truth.
 */
public final class TenancyConfigTab implements UiTabProvider, UiTabProviderFactory<ComponentModel>,
        ServerInfoAwareProviderFactory {

    public static final String ID = ConsoleTabMirror.TAB_ID;

    private static final List<ProviderConfigProperty> PROPERTIES = properties();

    @Override
    public UiTabProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Tenant roles, their permissions and the role x module levels of this realm (keycloak-tenancy).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", ID);
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        parse(model);
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        apply(session, realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        apply(session, realm, newModel);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ConsoleTabSync());
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return TenancyVersion.operationalInfo();
    }

    private static void apply(KeycloakSession session, RealmModel realm, ComponentModel model) {
        TenancyConfig config = parse(model).withSettingsOutsideTheTab(TenancyConfigAttribute.read(realm));
        // Writing the configuration refreshes this component, which calls us again with what is stored.
        if (!config.equals(TenancyConfigAttribute.read(realm))) {
            new ConfigService(session, realm, new TenantCatalogueUse(session, realm), TenancyAudit.none()).replace(config);
        }
    }

    private static TenancyConfig parse(ComponentModel model) {
        try {
            return TenancyConfigText.parse(TenancyConfigText.fieldsOf(model.getConfig()));
        } catch (TenancyException e) {
            throw new ComponentValidationException(e.getMessage());
        }
    }

    private static List<ProviderConfigProperty> properties() {
        TenancyConfigText.Fields defaults = TenancyConfigText.format(TenancyConfig.defaults());
        return List.of(
                // A URL_TYPE field would be a link, but Keycloak 26.7's console shows no address for it in a tab
                // (its UrlComponent reads ".value" of the stored array); the address is shown to open or copy.
                new ProviderConfigProperty(ConsoleTabMirror.CONSOLE, "Tenancy console",
                        "This server's address for the tenancy console (open it in a new browser tab): tenants, members, invitations, API keys, credentials "
                                + "and this configuration as a form, for realm admins and tenant admins alike. "
                                + "Signing in there uses the realm's own login.", ProviderConfigProperty.STRING_TYPE,
                        null),
                new ProviderConfigProperty("roles", "Tenant roles",
                        "One role per line: 'name: permission, permission'. Permissions: manage-tenant, "
                                + "manage-members, manage-invitations, manage-api-keys, manage-credentials, "
                                + "view-members. A role still held by a member cannot be removed.",
                        ProviderConfigProperty.TEXT_TYPE, defaults.roles()),
                new ProviderConfigProperty("modules", "Modules",
                        "One module per line: 'name: role=level, role=level'; levels none, read, write, admin. "
                                + "A role not listed has 'none'.",
                        ProviderConfigProperty.TEXT_TYPE, defaults.modules()),
                new ProviderConfigProperty("invitationLifespanSeconds", "Invitation lifespan (seconds)",
                        "Default lifespan of an invitation link.", ProviderConfigProperty.STRING_TYPE,
                        defaults.invitationLifespanSeconds()),
                new ProviderConfigProperty("apiKeyPrefix", "API key prefix",
                        "The text before the underscore of this realm's API keys.", ProviderConfigProperty.STRING_TYPE,
                        defaults.apiKeyPrefix()),
                new ProviderConfigProperty("invitationAllowDifferentEmail", "Accept with a different email",
                        "Whether a signed-in user whose verified email differs from the invited address may accept"
                                + " an invitation.", ProviderConfigProperty.BOOLEAN_TYPE,
                        defaults.invitationAllowDifferentEmail()),
                new ProviderConfigProperty("apiKeyClients", "API key clients",
                        "Client ids, comma-separated, that may exchange API keys for access tokens"
                                + " (grant type urn:tenancy:grant-type:api-key).", ProviderConfigProperty.STRING_TYPE,
                        defaults.apiKeyClients()));
    }
}
