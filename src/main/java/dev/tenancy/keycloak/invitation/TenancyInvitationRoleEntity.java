package dev.tenancy.keycloak.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A tenant role the invitee receives on accepting (TENANCY_INVITATION_ROLE). */
@Entity(name = "TenancyInvitationRole")
@Table(name = "TENANCY_INVITATION_ROLE")
@NamedQueries({
    @NamedQuery(name = "tenancy.rolesOfInvitations", query = "select r from TenancyInvitationRole r"
            + " where r.invitationId in :invitationIds"),
    @NamedQuery(name = "tenancy.deleteInvitationRolesOfTenant", query = "delete from TenancyInvitationRole r"
            + " where r.invitationId in (select i.id from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tenantId = :tenantId)"),
    @NamedQuery(name = "tenancy.deleteInvitationRolesOfRealm", query = "delete from TenancyInvitationRole r"
            + " where r.invitationId in (select i.id from TenancyInvitation i where i.realmId = :realmId)"),
})
public class TenancyInvitationRoleEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "INVITATION_ID", length = 36, nullable = false)
    private String invitationId;

    @Column(name = "ROLE_NAME", length = 64, nullable = false)
    private String roleName;

    protected TenancyInvitationRoleEntity() {
    }

    TenancyInvitationRoleEntity(String id, String invitationId, String roleName) {
        this.id = id;
        this.invitationId = invitationId;
        this.roleName = roleName;
    }

    String invitationId() {
        return invitationId;
    }

    String roleName() {
        return roleName;
    }
}
