package dev.tenancy.keycloak.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A Keycloak group the invitee joins on accepting (TENANCY_INVITATION_GROUP), kept by id. */
@Entity(name = "TenancyInvitationGroup")
@Table(name = "TENANCY_INVITATION_GROUP")
@NamedQueries({
    @NamedQuery(name = "tenancy.groupsOfInvitations", query = "select g from TenancyInvitationGroup g"
            + " where g.invitationId in :invitationIds"),
    @NamedQuery(name = "tenancy.deleteInvitationGroupsOfTenant", query = "delete from TenancyInvitationGroup g"
            + " where g.invitationId in (select i.id from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tenantId = :tenantId)"),
    @NamedQuery(name = "tenancy.deleteInvitationGroupsOfRealm", query = "delete from TenancyInvitationGroup g"
            + " where g.invitationId in (select i.id from TenancyInvitation i where i.realmId = :realmId)"),
    @NamedQuery(name = "tenancy.deleteInvitationGroupsOfGroup", query = "delete from TenancyInvitationGroup g"
            + " where g.groupId = :groupId"),
})
public class TenancyInvitationGroupEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "INVITATION_ID", length = 36, nullable = false)
    private String invitationId;

    @Column(name = "GROUP_ID", length = 36, nullable = false)
    private String groupId;

    protected TenancyInvitationGroupEntity() {
    }

    TenancyInvitationGroupEntity(String id, String invitationId, String groupId) {
        this.id = id;
        this.invitationId = invitationId;
        this.groupId = groupId;
    }

    String invitationId() {
        return invitationId;
    }

    String groupId() {
        return groupId;
    }
}
