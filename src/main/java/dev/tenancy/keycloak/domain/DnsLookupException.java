package dev.tenancy.keycloak.domain;

/**
 * A DNS lookup that did not complete: no server answered in time, a server failed or refused. The message says
 * what happened and which servers were asked — for the log and for realm admins; tenant admins are told less
 * (the resolver's addresses are the operator's business).
 */
public final class DnsLookupException extends RuntimeException {

    public DnsLookupException(String message) {
        super(message, null, false, false);
    }
}
