package dev.tenancy.keycloak.join;

import java.util.Set;

/** Where a user stands with a tenant they could join by domain, other than as a member. */
enum JoinStanding {
    /** Asked to join; the tenant's members who manage members approve or deny. */
    PENDING,
    /** The request was denied: no new suggestion, no joining at sign-in. */
    DENIED,
    /** The user turned the suggestion down: not asked again for {@link JoinRequests#DECLINE_QUIET_MILLIS}. */
    DECLINED,
    /** Was a member and was removed or left: never back by domain, only by invitation or a realm admin. */
    REMOVED;

    /** The standings that keep a user, and every address of the same mailbox, from joining by domain. */
    static final Set<JoinStanding> KEEPING_OUT = Set.of(DENIED, REMOVED);
}
