package dev.tenancy.keycloak.support.browser;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Page objects for the login side: the invitation page, Keycloak's sign-in form, the invitation confirmation
 * at the end of the login, the tenant picker, and the client's redirect. Each waits for its own element.
 */
public final class LoginPages {

    private final Browser browser;

    public LoginPages(Browser browser) {
        this.browser = browser;
    }

    public void open(String url) {
        browser.driver().get(url);
    }

    private WebElement visible(By locator) {
        try {
            return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            String page = browser.driver().findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + locator + " at " + browser.driver().getCurrentUrl() + "; the page says: "
                    + page.substring(0, Math.min(page.length(), 600)) + "; source kept in " + keepSource(), e);
        }
    }

    /** Writes the page's HTML under target/browser-failures, for the reader of a failed test. */
    private String keepSource() {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-failures");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path file = dir.resolve(System.currentTimeMillis() + ".html");
            java.nio.file.Files.writeString(file, browser.driver().getPageSource());
            return file.toString();
        } catch (java.io.IOException e) {
            return "(not kept: " + e.getMessage() + ")";
        }
    }

    private String text(By locator) {
        return visible(locator).getText();
    }

    /** The page an invitation link opens. */
    public final class InvitationPage {

        public String summary() {
            return text(By.id("tenancy-invitation-summary"));
        }

        public String roles() {
            return text(By.id("tenancy-invitation-roles"));
        }

        public boolean emailIsLocked() {
            WebElement email = visible(By.id("email"));
            return email.getDomProperty("readOnly").equals("true");
        }

        public String lockedEmail() {
            return visible(By.id("email")).getDomProperty("value");
        }

        public void register(String username, String firstName, String lastName, String password) {
            visible(By.id("username")).sendKeys(username);
            visible(By.id("firstName")).sendKeys(firstName);
            visible(By.id("lastName")).sendKeys(lastName);
            visible(By.id("password")).sendKeys(password);
            visible(By.id("password-confirm")).sendKeys(password);
            visible(By.id("tenancy-register")).click();
        }

        /** A shown link asks for no password: the address owner chooses it from Keycloak's mail. */
        public void registerWithoutPassword(String username, String firstName, String lastName) {
            assertNoPasswordField();
            visible(By.id("username")).sendKeys(username);
            visible(By.id("firstName")).sendKeys(firstName);
            visible(By.id("lastName")).sendKeys(lastName);
            visible(By.id("tenancy-register")).click();
        }

        private void assertNoPasswordField() {
            if (!browser.driver().findElements(By.id("password")).isEmpty()) {
                throw new AssertionError("the invitation page asks for a password");
            }
        }

        public void signInToAccept() {
            visible(By.id("tenancy-sign-in")).click();
        }
    }

    /**
     * The steps of Keycloak's execute-actions link: the page that asks to proceed, then the new password.
     */
    public void proceedWithActions() {
        visible(By.partialLinkText("proceed")).click();
    }

    public void chooseNewPassword(String password) {
        visible(By.id("password-new")).sendKeys(password);
        visible(By.id("password-confirm")).sendKeys(password);
        visible(By.id("kc-submit")).click();
    }

    /** Waits until the page shows {@code text}, such as Keycloak's info page at the end of an action link. */
    public void awaitText(String text) {
        // The page may be replaced between finding its body and reading it (a redirect still under way).
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
    }

    public InvitationPage invitation() {
        visible(By.id("tenancy-invitation-form"));
        return new InvitationPage();
    }

    /** The page of a link that cannot be used: the reason. */
    public String refusal() {
        return text(By.id("tenancy-invitation-reason"));
    }

    public String header() {
        return text(By.id("kc-page-title"));
    }

    /**
     * Keycloak's sign-in. With organizations enabled the realm's browser flow asks for the username first and
     * the password on a second page; with a login hint it starts at the password page.
     */
    public final class SignInPage {

        private static final By USERNAME = By.id("username");
        private static final By PASSWORD = By.id("password");
        private static final By ATTEMPTED = By.id("kc-attempted-username");

        /** The username the page starts with: the filled-in field, or the one shown above the password. */
        public String prefilledUsername() {
            waitForUsernameOrPassword();
            List<WebElement> field = browser.driver().findElements(USERNAME);
            if (!field.isEmpty() && field.get(0).isDisplayed()) {
                return field.get(0).getDomProperty("value");
            }
            return visible(ATTEMPTED).getDomProperty("value");
        }

        public void signIn(String username, String password) {
            waitForUsernameOrPassword();
            List<WebElement> field = browser.driver().findElements(USERNAME);
            if (!field.isEmpty() && field.get(0).isDisplayed()) {
                field.get(0).clear();
                field.get(0).sendKeys(username);
                if (browser.driver().findElements(PASSWORD).isEmpty()) {
                    visible(By.id("kc-login")).click();
                }
            }
            visible(PASSWORD).sendKeys(password);
            visible(By.id("kc-login")).click();
        }

        /** Only the first page of the identity-first login: the username. */
        public void enterUsername(String username) {
            WebElement field = visible(USERNAME);
            field.clear();
            field.sendKeys(username);
            visible(By.id("kc-login")).click();
        }

        private void waitForUsernameOrPassword() {
            browser.waiting().until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(USERNAME),
                    ExpectedConditions.visibilityOfElementLocated(PASSWORD)));
        }
    }

    public SignInPage signIn() {
        visible(By.id("kc-login"));
        return new SignInPage();
    }

    /** The confirmation the required action shows after sign-in. */
    public final class ConfirmPage {

        public void accept() {
            visible(By.id("tenancy-accept")).click();
        }

        public void decline() {
            visible(By.id("tenancy-decline")).click();
        }

        public String wrongAccountWarning() {
            return text(By.id("tenancy-wrong-account"));
        }

        public void continueWithoutAccepting() {
            visible(By.id("tenancy-continue")).click();
        }

        /** After accepting: the roles the invitation no longer granted. */
        public String droppedRoles() {
            return text(By.id("tenancy-dropped-roles"));
        }

        public void continueAfterAccepting() {
            visible(By.id("tenancy-continue")).click();
        }
    }

    public ConfirmPage confirm() {
        visible(By.id("tenancy-confirm-form"));
        return new ConfirmPage();
    }

    /** The page after sign-in that suggests joining a tenant of the user's verified domain. */
    public final class JoinSuggestionPage {

        public String summary() {
            return text(By.id("tenancy-join-summary"));
        }

        /** Asks to join and waits for the page that says the request was sent. */
        public void requestToJoin() {
            visible(By.id("tenancy-join-request")).click();
            visible(By.id("tenancy-join-requested"));
        }

        public void notNow() {
            visible(By.id("tenancy-join-decline")).click();
        }

        public void continueAfterRequest() {
            visible(By.id("tenancy-join-continue")).click();
        }
    }

    public JoinSuggestionPage joinSuggestion() {
        visible(By.id("tenancy-join-form"));
        return new JoinSuggestionPage();
    }

    /** Keycloak's organization picker, restyled by the tenancy login theme. */
    public final class SelectTenantPage {

        public String title() {
            return header();
        }

        public void pick(String alias) {
            visible(By.id("organization-" + alias)).click();
        }
    }

    public SelectTenantPage selectTenant() {
        visible(By.id("tenancy-select-tenant"));
        return new SelectTenantPage();
    }

    /** Waits until the browser is back at {@code redirectUri} and returns its query parameters. */
    public Map<String, String> redirectedTo(String redirectUri) {
        browser.waiting().until(driver -> driver.getCurrentUrl().startsWith(redirectUri)
                && driver.getCurrentUrl().contains("code="));
        String query = URI.create(browser.driver().getCurrentUrl()).getRawQuery();
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1
                        ? java.net.URLDecoder.decode(pair[1], java.nio.charset.StandardCharsets.UTF_8) : ""));
    }
}
