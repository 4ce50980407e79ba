package dev.tenancy.keycloak.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One invitation to one tenant (TENANCY_INVITATION). The link's token is never stored, only its SHA-256.
 * {@code PENDING_KEY} is set while the invitation is pending and cleared when it ends; its unique index
 * makes a second pending invitation for the same tenant and email impossible, on every database.
 * Nothing is deleted when an invitation ends; times are epoch milliseconds (UTC).
 */
@Entity(name = "TenancyInvitation")
@Table(name = "TENANCY_INVITATION")
@NamedQueries({
    @NamedQuery(name = "tenancy.invitationById", query = "select i from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tenantId = :tenantId and i.id = :id"),
    @NamedQuery(name = "tenancy.invitationByTokenHash", query = "select i from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tokenHash = :tokenHash"),
    // Filters by the status a reader is shown (InvitationStatus.shown): pending past its time is expired.
    @NamedQuery(name = "tenancy.invitationsOfTenant", query = "select i from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tenantId = :tenantId"
            + " and (:status is null or :status = (case when i.status = 'pending' and i.expiresAt <= :now"
            + " then 'expired' else i.status end))"
            + " and (:email is null or i.email like :email escape '\\')"
            + " order by i.createdAt desc, i.id"),
    @NamedQuery(name = "tenancy.pendingInvitationByKey", query = "select i from TenancyInvitation i"
            + " where i.pendingKey = :pendingKey"),
    @NamedQuery(name = "tenancy.realmsWithInvitationsDue", query = "select distinct i.realmId"
            + " from TenancyInvitation i where i.status = 'pending' and i.expiresAt <= :now"),
    @NamedQuery(name = "tenancy.invitationsDue", query = "select i from TenancyInvitation i"
            + " where i.realmId = :realmId and i.status = 'pending' and i.expiresAt <= :now"
            + " order by i.expiresAt, i.id"),
    @NamedQuery(name = "tenancy.acceptInvitation", query = "update TenancyInvitation i"
            + " set i.status = 'accepted', i.pendingKey = null, i.acceptedAt = :now"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending' and i.tokenHash = :tokenHash"
            + " and i.expiresAt > :now"),
    @NamedQuery(name = "tenancy.invitationAcceptedBy", query = "update TenancyInvitation i"
            + " set i.acceptedBy = :userId"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'accepted' and i.acceptedBy is null"),
    @NamedQuery(name = "tenancy.declineInvitation", query = "update TenancyInvitation i"
            + " set i.status = 'declined', i.pendingKey = null, i.declinedAt = :now"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending' and i.tokenHash = :tokenHash"
            + " and i.expiresAt > :now"),
    @NamedQuery(name = "tenancy.revokeInvitation", query = "update TenancyInvitation i"
            + " set i.status = 'revoked', i.pendingKey = null, i.revokedAt = :now, i.revokedBy = :userId"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending'"
            + " and i.expiresAt > :now"),
    @NamedQuery(name = "tenancy.voidInvitation", query = "update TenancyInvitation i"
            + " set i.status = 'void', i.pendingKey = null, i.revokedAt = :now"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending'"
            + " and i.expiresAt > :now"),
    @NamedQuery(name = "tenancy.voidInvitationsOfMember", query = "update TenancyInvitation i"
            + " set i.status = 'void', i.pendingKey = null, i.revokedAt = :now"
            + " where i.realmId = :realmId and i.tenantId = :tenantId and i.invitedBy = :userId"
            + " and i.status = 'pending' and i.expiresAt > :now"
            + " and (i.invitedVia is null or i.invitedVia = 'member')"),
    @NamedQuery(name = "tenancy.voidInvitationsOfUser", query = "update TenancyInvitation i"
            + " set i.status = 'void', i.pendingKey = null, i.revokedAt = :now"
            + " where i.realmId = :realmId and i.invitedBy = :userId"
            + " and i.status = 'pending' and i.expiresAt > :now"
            + " and (i.invitedVia is null or i.invitedVia = 'member')"),
    @NamedQuery(name = "tenancy.pendingInvitationsOfEmail", query = "select i from TenancyInvitation i"
            + " where i.realmId = :realmId and i.email = :email and i.status = 'pending' and i.expiresAt > :now"
            + " order by i.createdAt desc, i.id"),
    @NamedQuery(name = "tenancy.expireInvitation", query = "update TenancyInvitation i"
            + " set i.status = 'expired', i.pendingKey = null"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending' and i.expiresAt <= :now"),
    @NamedQuery(name = "tenancy.reissueInvitationByMail", query = "update TenancyInvitation i"
            + " set i.tokenHash = :newHash, i.sentAt = :now, i.expiresAt = :expiresAt, i.linkShown = false,"
            + " i.mailedBy = :sender, i.mailedAt = :now, i.resendCount = i.resendCount + 1"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending' and i.tokenHash = :tokenHash"
            + " and i.expiresAt > :now"),
    @NamedQuery(name = "tenancy.reissueInvitationAsLink", query = "update TenancyInvitation i"
            + " set i.tokenHash = :newHash, i.sentAt = :now, i.expiresAt = :expiresAt, i.linkShown = true,"
            + " i.resendCount = i.resendCount + 1"
            + " where i.realmId = :realmId and i.id = :id and i.status = 'pending' and i.tokenHash = :tokenHash"
            + " and i.expiresAt > :now"),
    @NamedQuery(name = "tenancy.invitationMailsOfTenant", query = "select count(i), min(i.mailedAt)"
            + " from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tenantId = :tenantId and i.mailedAt > :since"),
    @NamedQuery(name = "tenancy.invitationMailsOfSender", query = "select count(i), min(i.mailedAt)"
            + " from TenancyInvitation i"
            + " where i.realmId = :realmId and i.mailedBy = :sender and i.mailedAt > :since"),
    @NamedQuery(name = "tenancy.deleteInvitationsOfTenant", query = "delete from TenancyInvitation i"
            + " where i.realmId = :realmId and i.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.deleteInvitationsOfRealm", query = "delete from TenancyInvitation i"
            + " where i.realmId = :realmId"),
})
public class TenancyInvitationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "EMAIL", length = 255, nullable = false)
    private String email;

    @Column(name = "INVITED_BY", length = 36)
    private String invitedBy;

    @Column(name = "INVITER_NAME", length = 255)
    private String inviterName;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "PENDING_KEY", length = 64)
    private String pendingKey;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "LOCALE", length = 35)
    private String locale;

    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    @Column(name = "REDIRECT_URI", length = 2048)
    private String redirectUri;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "ACCEPTED_AT")
    private Long acceptedAt;

    @Column(name = "ACCEPTED_BY", length = 36)
    private String acceptedBy;

    @Column(name = "DECLINED_AT")
    private Long declinedAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    @Column(name = "REVOKED_BY", length = 36)
    private String revokedBy;

    /** Whether the current link was returned in an API answer (so someone besides the invitee may hold it). */
    @Column(name = "LINK_SHOWN", nullable = false)
    private boolean linkShown;

    /** {@code admin} or {@code member}: whose authority the roles and groups rest on; null for older rows. */
    @Column(name = "INVITED_VIA", length = 16)
    private String invitedVia;

    /** Who sent the last mail of this invitation and when; the mail limits count these. */
    @Column(name = "MAILED_BY", length = 36)
    private String mailedBy;

    @Column(name = "MAILED_AT")
    private Long mailedAt;

    @Column(name = "RESEND_COUNT", nullable = false)
    private int resendCount;

    protected TenancyInvitationEntity() {
    }

    TenancyInvitationEntity(String id, String realmId, String tenantId, String email, String invitedBy,
            String inviterName, String tokenHash, String pendingKey, String locale, String clientId, String redirectUri,
            long createdAt, long expiresAt, String invitedVia, boolean mailed) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.email = email;
        this.invitedBy = invitedBy;
        this.inviterName = inviterName;
        this.tokenHash = tokenHash;
        this.pendingKey = pendingKey;
        this.status = InvitationStatus.PENDING.label();
        this.locale = locale;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.createdAt = createdAt;
        this.sentAt = createdAt;
        this.expiresAt = expiresAt;
        this.invitedVia = invitedVia;
        this.linkShown = !mailed;
        this.mailedBy = mailed ? invitedBy : null;
        this.mailedAt = mailed ? createdAt : null;
    }

    String id() {
        return id;
    }

    String tenantId() {
        return tenantId;
    }

    String email() {
        return email;
    }

    String invitedBy() {
        return invitedBy;
    }

    String inviterName() {
        return inviterName;
    }

    String tokenHash() {
        return tokenHash;
    }

    String status() {
        return status;
    }

    String locale() {
        return locale;
    }

    String clientId() {
        return clientId;
    }

    String redirectUri() {
        return redirectUri;
    }

    long createdAt() {
        return createdAt;
    }

    long sentAt() {
        return sentAt;
    }

    long expiresAt() {
        return expiresAt;
    }

    Long acceptedAt() {
        return acceptedAt;
    }

    String acceptedBy() {
        return acceptedBy;
    }

    Long declinedAt() {
        return declinedAt;
    }

    Long revokedAt() {
        return revokedAt;
    }

    String revokedBy() {
        return revokedBy;
    }

    boolean linkShown() {
        return linkShown;
    }

    String invitedVia() {
        return invitedVia;
    }

    int resendCount() {
        return resendCount;
    }
}
