package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The console's encryption keys page: KEK versions, primary, counts, rotate and rewrap with its progress. */
public final class ConsoleAdminKeysPage {

    private final Console console;

    public ConsoleAdminKeysPage(Console console) {
        this.console = console;
        console.visible(By.cssSelector("[data-test='keys-primary'], [data-test='keys-unavailable']"));
    }

    public String primary() {
        return console.visible(test("keys-primary")).getText();
    }

    public String availableVersions() {
        return console.visible(test("keys-available")).getText();
    }

    public String pendingRewrap() {
        return console.visible(test("keys-pending")).getText();
    }

    /** How many credentials the version's row counts. */
    public String count(int version) {
        return console.visible(test("version-" + version)).findElement(test("count")).getText();
    }

    public void rotateTo(int version) {
        console.visible(test("rotate")).click();
        new Select(console.visible(test("rotate-version"))).selectByValue(Integer.toString(version));
        console.visible(test("confirm-rotate")).click();
        console.gone(test("rotate-dialog"));
        console.awaitText(test("keys-primary"), Integer.toString(version));
    }

    /** Starts a rewrap after the confirmation and waits (the page polls) until its state reads {@code state}. */
    public void rewrapUntil(String state) {
        console.visible(test("rewrap")).click();
        console.visible(test("confirm-rewrap")).click();
        console.gone(test("rewrap-dialog"));
        console.awaitText(test("rewrap-state"), state);
    }

    public void refresh() {
        console.visible(test("refresh")).click();
    }
}
