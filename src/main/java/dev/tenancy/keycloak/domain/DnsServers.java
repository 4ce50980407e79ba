package dev.tenancy.keycloak.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DNS servers the domain proof asks, from the option {@code servers}: {@code host[:port]} or
 * {@code [ipv6][:port]}, comma-separated, asked in order. None configured: the machine's own resolvers.
 */
record DnsServers(List<String> urls) {

    private static final Pattern SERVER = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?");

    static DnsServers parse(String option) {
        if (option == null || option.isBlank()) {
            return new DnsServers(List.of());
        }
        List<String> urls = new ArrayList<>();
        for (String entry : option.split(",", -1)) {
            String server = entry.strip();
            Matcher match = SERVER.matcher(server);
            if (!match.matches()) {
                throw new IllegalArgumentException("'" + server + "' is not a DNS server (host, host:port or "
                        + "[ipv6]:port)");
            }
            int port = match.group(2) == null ? 53 : Integer.parseInt(match.group(2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + server + "' has no valid port");
            }
            urls.add("dns://" + match.group(1) + ":" + port);
        }
        return new DnsServers(List.copyOf(urls));
    }

    /** The JDK DNS provider's URL: the servers, space-separated; {@code dns:} for the machine's resolvers. */
    String providerUrl() {
        return urls.isEmpty() ? "dns:" : String.join(" ", urls);
    }

    /** For server info and messages: the servers asked. */
    String describe() {
        return urls.isEmpty() ? "the machine's DNS resolvers" : String.join(", ", urls);
    }
}
