package dev.tenancy.keycloak.console;

/**
 * Fills the console's {@code index.html} with what differs per realm and server: the realm's name and Keycloak's base
 * path (escaped for an attribute), and where Keycloak serves PatternFly. Everything else the page learns by calling the APIs.
 */
final class ConsolePage {

    private ConsolePage() {
    }

    static String render(String template, String realmName, String basePath, String resourcesCommon) {
        return template.replace("{{realm}}", attribute(realmName))
                .replace("{{base}}", attribute(basePath))
                .replace("{{resourcesCommon}}", attribute(resourcesCommon));
    }

    static String attribute(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
