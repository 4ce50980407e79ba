package dev.tenancy.keycloak.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The tenancy console's shell in Chromium: signing in through Keycloak's login, the navigation, the tenant switcher
 * and the page title. Pages are found by their {@code data-test} names; every wait is for an element, never a
 * sleep. A failed wait keeps the page's HTML under {@code target/browser-failures}.
 */
public final class Console {

    private final Browser browser;
    private final String url;

    private Console(Browser browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    /** Opens the console of {@code realm} and signs in; returns once the first page has loaded. */
    public static Console signIn(Browser browser, String baseUrl, String realm, String username, String password) {
        Console console = startSignIn(browser, baseUrl, realm, username, password);
        console.awaitPage();
        return console;
    }

    /**
     * Opens the console of {@code realm} and posts the username and password; the pages Keycloak shows after that
     * (required actions) are the caller's to go through, then {@link #awaitPage()} or {@link #awaitNoTenants()}.
     */
    public static Console startSignIn(Browser browser, String baseUrl, String realm, String username, String password) {
        browser.driver().manage().deleteAllCookies();
        Console console = new Console(browser, baseUrl + "/realms/" + realm + "/tenancy/console/");
        browser.driver().get(console.url);
        new LoginPages(browser).signIn().signIn(username, password);
        return console;
    }

    /** Waits until the console says the user is in no tenant. */
    public void awaitNoTenants() {
        visible(test("no-tenants"));
    }

    /** Signs in as a user who is in no tenant; returns once the console says so. */
    public static Console signInWithoutTenants(Browser browser, String baseUrl, String realm, String username,
            String password) {
        Console console = startSignIn(browser, baseUrl, realm, username, password);
        console.awaitNoTenants();
        return console;
    }

    public Browser browser() {
        return browser;
    }

    public String url() {
        return url;
    }

    /** Follows a navigation link ({@code members}, {@code invitations}, {@code tenants}, …) and waits for its page. */
    public String go(String page) {
        visible(test("nav-" + page)).click();
        return awaitPage();
    }

    /** Opens a route directly (as a bookmark would), for example {@code #/admin/config}. */
    public String open(String route) {
        browser.driver().get(url + route);
        return awaitPage();
    }

    /** Waits until a page's title is shown and returns it. */
    public String awaitPage() {
        return visible(By.cssSelector("[data-page-title]")).getText();
    }

    public void switchTenant(String name) {
        new Select(visible(test("tenant-switcher"))).selectByVisibleText(name);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".pf-v5-c-nav__section-title"), name));
        awaitPage();
    }

    public void chooseLanguage(String label) {
        new Select(visible(test("language"))).selectByVisibleText(label);
    }

    /** The navigation links shown, by their page names. */
    public List<String> navigation() {
        visible(By.cssSelector("nav.pf-v5-c-nav"));
        return browser.driver().findElements(By.cssSelector("[data-test^='nav-']")).stream()
                .map(link -> link.getDomAttribute("data-test").substring("nav-".length()))
                .toList();
    }

    public void phoneSized() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    public void desktopSized() {
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
    }

    /** Saves a PNG of the viewport to {@code docs/console/<name>.png} when screenshots are asked for. */
    public void screenshot(String name) {
        String into = System.getProperty("tenancy.console.screenshots");
        if (into == null || into.isBlank()) {
            return;
        }
        try {
            Path file = Path.of(into).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static By test(String name) {
        return By.cssSelector("[data-test='" + name + "']");
    }

    public WebElement visible(By locator) {
        try {
            return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw failure("no visible " + locator, e);
        }
    }

    public void gone(By locator) {
        try {
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw failure("still visible: " + locator, e);
        }
    }

    public void awaitText(By locator, String text) {
        try {
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        } catch (TimeoutException e) {
            throw failure("no '" + text + "' in " + locator, e);
        }
    }

    public boolean present(By locator) {
        return !browser.driver().findElements(locator).isEmpty();
    }

    public AssertionError failure(String what, Throwable cause) {
        String page = browser.driver().findElement(By.tagName("body")).getText();
        return new AssertionError(what + " at " + browser.driver().getCurrentUrl() + "; the page says: "
                + page.substring(0, Math.min(page.length(), 800)) + "; source kept in " + keepSource(), cause);
    }

    private String keepSource() {
        try {
            Path dir = Path.of("target", "browser-failures");
            Files.createDirectories(dir);
            Path file = dir.resolve("console-" + System.currentTimeMillis() + ".html");
            Files.writeString(file, browser.driver().getPageSource());
            return file.toString();
        } catch (IOException e) {
            return "(not kept: " + e.getMessage() + ")";
        }
    }
}
