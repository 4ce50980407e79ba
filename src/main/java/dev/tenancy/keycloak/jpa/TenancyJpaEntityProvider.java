package dev.tenancy.keycloak.jpa;

import dev.tenancy.keycloak.apikey.TenancyApiKeyEntity;
import dev.tenancy.keycloak.credential.TenancyCredentialEntity;
import dev.tenancy.keycloak.domain.TenancyDomainProofEntity;
import dev.tenancy.keycloak.invitation.TenancyInvitationEntity;
import dev.tenancy.keycloak.invitation.TenancyInvitationGroupEntity;
import dev.tenancy.keycloak.invitation.TenancyInvitationRoleEntity;
import dev.tenancy.keycloak.join.TenancyJoinPolicyEntity;
import dev.tenancy.keycloak.join.TenancyJoinRequestEntity;
import dev.tenancy.keycloak.tenant.TenancyMemberRoleEntity;
import dev.tenancy.keycloak.tenant.TenancyModuleOverrideEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the tenancy entities to Keycloak's persistence unit and names the master changelog. */
final class TenancyJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/tenancy-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(TenancyMemberRoleEntity.class, TenancyModuleOverrideEntity.class,
                TenancyInvitationEntity.class, TenancyInvitationRoleEntity.class, TenancyInvitationGroupEntity.class,
                TenancyApiKeyEntity.class, TenancyCredentialEntity.class, TenancyDomainProofEntity.class,
                TenancyJoinPolicyEntity.class, TenancyJoinRequestEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return TenancyJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
