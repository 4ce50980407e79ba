package dev.tenancy.keycloak.support.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin console's realm settings tab "tenancy", reached through the master admin's login. */
public final class TenancyTabPage {

    private static final By ROLES = By.cssSelector("textarea[data-testid='roles']");
    private static final By MODULES = By.cssSelector("textarea[data-testid='modules']");
    private static final By SAVE = By.cssSelector("button[data-testid='save']");
    private static final By ALERT = By.cssSelector("[class*='-c-alert__title']");

    private final Browser browser;

    private TenancyTabPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the tab of {@code realm}, signing in as the master admin on the way. */
    public static TenancyTabPage open(Browser browser, String baseUrl, String realm, String user, String password) {
        browser.driver().get(baseUrl + "/admin/master/console/#/" + realm + "/realm-settings/tenancy");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(ROLES));
        return new TenancyTabPage(browser);
    }

    /** The tenancy console's address, as the tab shows it. */
    public String consoleAddress() {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[data-testid='console']"))).getDomProperty("value");
    }

    public String roles() {
        return browser.driver().findElement(ROLES).getDomProperty("value");
    }

    public String modules() {
        return browser.driver().findElement(MODULES).getDomProperty("value");
    }

    public TenancyTabPage replaceRoles(String text) {
        replace(browser.driver().findElement(ROLES), text);
        return this;
    }

    /** Saves and returns the text of the alert the console shows for it. */
    public String save() {
        List<WebElement> earlier = browser.driver().findElements(ALERT);
        browser.driver().findElement(SAVE).click();
        return browser.waiting().until(driver -> driver.findElements(ALERT).stream()
                .filter(alert -> !earlier.contains(alert) && alert.isDisplayed())
                .findFirst()
                .map(WebElement::getText)
                .orElse(null));
    }

    private static void replace(WebElement field, String text) {
        // Select-all and type, so React sees input events (WebElement.clear() does not fire them).
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }
}
