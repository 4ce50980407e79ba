package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's domains page: the add form, each domain's status and TXT record, verify and remove, joining. */
public final class ConsoleDomainsPage {

    private final Console console;

    public ConsoleDomainsPage(Console console) {
        this.console = console;
        console.visible(test("domain-form"));
        console.visible(By.cssSelector("[data-test^='domain-'], [data-test='empty']"));
    }

    /** Claims {@code domain} and waits for its row. */
    public void add(String domain) {
        WebElement input = console.visible(test("domain-name"));
        input.clear();
        input.sendKeys(domain);
        console.visible(test("add-domain")).click();
        console.visible(row(domain));
    }

    /** Sends the form and returns the refusal shown in it. */
    public String addRefused(String domain) {
        WebElement input = console.visible(test("domain-name"));
        input.clear();
        input.sendKeys(domain);
        console.visible(test("add-domain")).click();
        return console.visible(By.cssSelector("[data-test='domain-form'] [data-test='add-error']")).getText();
    }

    public String status(String domain) {
        return console.visible(row(domain)).findElement(test("domain-status")).getText();
    }

    public String challengeName(String domain) {
        return console.visible(row(domain)).findElement(test("challenge-name")).getText();
    }

    public String challengeValue(String domain) {
        return console.visible(row(domain)).findElement(test("challenge-value")).getText();
    }

    /** Asks for verification and waits until the row shows {@code status}. */
    public void verify(String domain, String status) {
        console.visible(row(domain)).findElement(test("verify-domain")).click();
        console.awaitText(By.cssSelector("[data-test='domain-" + domain + "'] [data-test='domain-status']"), status);
    }

    /** Asks for verification and returns the refusal shown in the row. */
    public String verifyRefused(String domain) {
        console.visible(row(domain)).findElement(test("verify-domain")).click();
        return console.visible(By.cssSelector("[data-test='domain-" + domain + "'] [data-test='verify-error']")).getText();
    }

    public void remove(String domain) {
        console.visible(row(domain)).findElement(test("remove-domain")).click();
        console.visible(test("confirm-remove")).click();
        console.gone(row(domain));
    }

    /** Sets who joins by domain ({@code off} or {@code auto}, with a role) and waits until it is saved. */
    public void setJoin(String mode, String role) {
        new Select(console.visible(test("join-mode"))).selectByValue(mode);
        if (role != null) {
            new Select(console.visible(test("join-role"))).selectByValue(role);
        }
        console.visible(test("save-join")).click();
        console.visible(test("join-saved"));
    }

    private static By row(String domain) {
        return test("domain-" + domain);
    }
}
