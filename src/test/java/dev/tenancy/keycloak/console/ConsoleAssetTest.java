package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleAssetTest {

    @ParameterizedTest
    @ValueSource(strings = {"app.js", "pages/members.js", "console.css", "vendor/lit-html/lit-html.js",
            "vendor/lit-html/directives/repeat.js"})
    void theConsolesFilesAreFound(String path) {
        assertThat(ConsoleAsset.find(path)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "index.html", "../META-INF/keycloak-themes.json", "pages/../app.js", "./app.js",
            "/app.js", "App.js", "app.js.map", "vendor/lit-html/LICENSE", "missing.js", "pages//members.js",
            "dev/tenancy/keycloak/TenancyVersion.class"})
    void nothingElseIsFound(String path) {
        assertThat(ConsoleAsset.find(path)).isEmpty();
    }
}
