package dev.tenancy.keycloak.join;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Where one user stands with one tenant they could join by domain (TENANCY_JOIN_REQUEST): a request waiting for the
 * tenant's decision, a refused request, a suggestion the user turned down, or a membership that ended.
 */
@Entity(name = "TenancyJoinRequest")
@Table(name = "TENANCY_JOIN_REQUEST")
@NamedQueries({
    @NamedQuery(name = "tenancy.joinRequestOfUser", query = "select r from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.userId = :userId"),
    @NamedQuery(name = "tenancy.joinRequestById", query = "select r from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.id = :id"),
    @NamedQuery(name = "tenancy.joinRequestsInState", query = "select r from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.state = :state order by r.createdAt, r.id"),
    @NamedQuery(name = "tenancy.joinStandingsOfMailbox", query = "select r.id from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.mailbox = :mailbox and r.state in :states"),
    @NamedQuery(name = "tenancy.deleteJoinRequestOfUser", query = "delete from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.userId = :userId"),
    @NamedQuery(name = "tenancy.deleteJoinRequestsOfTenant", query = "delete from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.deleteJoinRequestsOfUser", query = "delete from TenancyJoinRequest r"
            + " where r.realmId = :realmId and r.userId = :userId"),
})
public class TenancyJoinRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** The address the user had when the row was written, shown to the tenant's members who decide. */
    @Column(name = "EMAIL", length = 255)
    private String email;

    /** The mailbox of that address ({@link Mailbox}), so that another address of the same mailbox is kept out too. */
    @Column(name = "MAILBOX", length = 255)
    private String mailbox;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16, nullable = false)
    private JoinStanding state;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    protected TenancyJoinRequestEntity() {
    }

    TenancyJoinRequestEntity(String id, String realmId, String tenantId, String userId, String email, String mailbox,
            JoinStanding state, long createdAt) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.userId = userId;
        this.email = email;
        this.mailbox = mailbox;
        this.state = state;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String email() {
        return email;
    }

    JoinStanding state() {
        return state;
    }

    long createdAt() {
        return createdAt;
    }

    void decide(JoinStanding decided, long at, String by) {
        this.state = decided;
        this.decidedAt = at;
        this.decidedBy = by;
    }
}
