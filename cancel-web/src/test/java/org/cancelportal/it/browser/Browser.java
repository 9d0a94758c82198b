package org.cancelportal.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, as a person would use the portal. There is no fallback:
 * without the browser the tests fail, they never skip. Each Browser starts as a new one would (no cookies, nothing
 * cached, one blank tab); the Chromium underneath may have served an earlier test (see {@link Chromiums}).
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(375, 812);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final URL base;
    private final String language;
    private final boolean javascript;
    private boolean closed;

    public Browser(URL base, String language) {
        this(base, language, true);
    }

    /**
     * With javascript false, Chromium runs no script of the pages at all, as with a blocker or an old phone; every page
     * opened is checked for that.
     */
    public Browser(URL base, String language, boolean javascript) {
        this.base = base;
        this.language = language;
        this.javascript = javascript;
        driver = Chromiums.take(language, javascript);
    }

    public void open(String path) {
        driver.get(base.toString() + path);
        assertNoScriptsRunIfOff();
    }

    public void openUrl(String url) {
        driver.get(url);
        assertNoScriptsRunIfOff();
    }

    /**
     * In a browser without JavaScript, proves that the page runs without scripts: markup put into it is read as such a
     * browser reads it, a noscript's content becoming part of the page (with scripts, it stays text). The pages' own
     * Content-Security-Policy would stop a probing script from running either way, so that would prove nothing.
     * Switched off through the DevTools protocol per tab (see {@link Chromiums#scripts}): a tab that missed it shows.
     */
    private void assertNoScriptsRunIfOff() {
        if (javascript) {
            return;
        }
        Object withoutScripts = driver.executeScript("const probe = document.createElement('div');"
                + "probe.innerHTML = '<noscript><i></i></noscript>';"
                + "return probe.querySelector('noscript i') !== null;");
        if (!Boolean.TRUE.equals(withoutScripts)) {
            throw new AssertionError("Scripts run in the browser without JavaScript at " + url());
        }
    }

    public void signIn(String email, String password) {
        open("login");
        field("login:email").sendKeys(email);
        field("login:password").sendKeys(password);
        press("Sign in", "Anmelden");
    }

    /** Clicks the button and waits until the next page has replaced this one. */
    public void press(String... labels) {
        WebElement button = button(labels);
        button.click();
        awaitGone(button);
    }

    /** The element matching the CSS selector inside the element with this id. */
    /** The ids of the elements matching the selector, in page order. */
    public List<String> idsOf(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(element -> element.getAttribute("id"))
                .toList();
    }

    public WebElement within(String containerId, String cssSelector) {
        return field(containerId).findElement(By.cssSelector(cssSelector));
    }

    /** Clicks the button with this label inside the element with this id, and waits for the next page. */
    public void pressWithin(String containerId, String label) {
        WebElement button = field(containerId).findElements(By.cssSelector("input[type=submit]")).stream()
                .filter(input -> label.equals(input.getAttribute("value")))
                .findFirst().orElseThrow(() -> new AssertionError("No button " + label + " in #" + containerId));
        button.click();
        awaitGone(button);
    }

    /** Clicks the button with this label inside the section that mentions the text, and waits for the next page. */
    public void pressIn(String sectionText, String label) {
        pressIn(List.of(sectionText), label);
    }

    /** Presses the button in the one section that mentions every one of the texts. */
    public void pressIn(List<String> sectionTexts, String label) {
        WebElement button = driver.findElements(By.tagName("section")).stream()
                .filter(section -> sectionTexts.stream().allMatch(section.getText()::contains))
                .findFirst().orElseThrow(() -> new AssertionError("No section mentions " + sectionTexts))
                .findElements(By.cssSelector("input[type=submit]")).stream()
                .filter(input -> label.equals(input.getAttribute("value")))
                .findFirst().orElseThrow(() -> new AssertionError("No button " + label + " near " + sectionTexts));
        button.click();
        awaitGone(button);
    }

    /** Follows the link and waits until the next page has replaced this one. */
    public void follow(String linkText) {
        WebElement link = driver.findElement(By.linkText(linkText));
        link.click();
        awaitGone(link);
    }

    /**
     * Waits until the element's page has been replaced and the next page is complete: every page ends with a footer
     * that names its view (data-page), so once it is there, nothing of the page is still to come. Mid-navigation
     * Chromium reports a replaced element in more ways than "stale"; any of them means gone.
     */
    private void awaitGone(WebElement element) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(50));
        wait.withMessage("the page after the click to replace " + url()).until(ignored -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.withMessage("the next page's end (footer[data-page]) at " + url()).ignoring(WebDriverException.class)
                .until(ignored -> !driver.findElements(By.cssSelector("footer[data-page]")).isEmpty()
                        || isCompleteOutsideOurPages());
    }

    /**
     * A page that is not one of ours (the server's own answer for an application not deployed in this test) has no
     * footer to wait for; the browser's own word that it finished loading stands in, where scripts may run.
     */
    private boolean isCompleteOutsideOurPages() {
        return driver.findElements(By.cssSelector("footer.site-footer")).isEmpty()
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.readyState"));
    }


    public WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    /** The one button whose label is one of these (the same button in either language). */
    public WebElement button(String... labels) {
        List<WebElement> matches = buttonsLabelled(labels);
        if (matches.size() != 1) {
            // seen once: the button missing from the first look and there in the second, cause not known; wait a
            // little for exactly one before giving up
            try {
                matches = new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(d -> Optional.of(buttonsLabelled(labels)).filter(found -> found.size() == 1)
                                .orElse(null));
            } catch (org.openqa.selenium.TimeoutException stillNotOne) {
                matches = buttonsLabelled(labels);
            }
        }
        if (matches.size() != 1) {
            throw new AssertionError("Expected one button labelled " + List.of(labels) + " but found "
                    + matches.size() + " among " + buttons().stream().map(b -> b.getAttribute("value")).toList());
        }
        return matches.get(0);
    }

    private List<WebElement> buttonsLabelled(String... labels) {
        return buttons().stream().filter(button -> List.of(labels).contains(button.getAttribute("value"))).toList();
    }

    public List<WebElement> buttons() {
        return driver.findElements(By.cssSelector("input[type=submit], button"));
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String textOf(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The page's markup as served, to check what it must not contain. */
    public String html() {
        return driver.getPageSource();
    }

    /** The WCAG 2.1 A and AA rules axe-core checks. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * What axe-core finds against WCAG 2.1 A/AA on the page as it is laid out at this size, one line per rule and
     * element; empty when nothing.
     */
    public List<String> accessibilityViolations(Dimension size) {
        driver.manage().window().setSize(size);
        try {
            com.deque.html.axecore.results.Results results = javascript ? axe().analyze(driver) : withoutPageScripts();
            if (results.isErrored()) {
                throw new AssertionError("axe-core did not finish its scan of " + url() + ": "
                        + results.getErrorMessage());
            }
            return results.getViolations().stream()
                    .flatMap(rule -> rule.getNodes().stream().map(node -> rule.getId() + " (" + rule.getHelp() + ") at "
                            + node.getTarget() + ": " + node.getFailureSummary()))
                    .toList();
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }

    /**
     * A page that ran none of its scripts, scanned as it is: axe-core needs scripts and timers, so they are switched on
     * for the scan alone. Nothing of the page's own runs then (its scripts were skipped when it loaded, so it has no
     * timers or handlers waiting), and they are switched off again before anything else happens.
     */
    private com.deque.html.axecore.results.Results withoutPageScripts() {
        assertNoScriptsRunIfOff();
        Chromiums.scripts(driver, true);
        try {
            return axe().analyze(driver);
        } finally {
            Chromiums.scripts(driver, false);
        }
    }

    /**
     * axe-core's own run of the page, put into the page only once however many times it is scanned (at several
     * sizes): the library would send its half-megabyte script with every scan, and then once more into a blank window
     * it opens to merge the results of the page's frames. The pages have no frames, so axe-core's single run in the
     * page (the library's "legacy mode") finds the same. Only violations are worked out in full (axe-core's
     * resultTypes): the rules that pass are still run, but not every element they passed is described, which took
     * close to half of each scan.
     */
    @SuppressWarnings("deprecation")
    private static com.deque.html.axecore.selenium.AxeBuilder axe() {
        com.deque.html.axecore.args.AxeRunOnlyOptions rules = new com.deque.html.axecore.args.AxeRunOnlyOptions();
        rules.setType("tag");
        rules.setValues(WCAG_21_AA);
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setRunOnly(rules);
        options.setResultTypes(List.of("violations"));
        com.deque.html.axecore.selenium.AxeBuilder axe = new com.deque.html.axecore.selenium.AxeBuilder()
                .withOptions(options).setLegacyMode(true);
        axe.setInjectAxe(Browser::injectAxeOnce, false);
        return axe;
    }

    private static void injectAxeOnce(WebDriver driver) {
        org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(AXE_SOURCE);
        }
    }

    private static final String AXE_SOURCE = axeSource();

    private static String axeSource() {
        try (java.io.InputStream script = java.util.Objects.requireNonNull(com.deque.html.axecore.selenium.AxeBuilder
                .class.getResourceAsStream("/axe.min.js"), "axe-core's script, axe.min.js, on the class path")) {
            return new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields on this page that must be filled in (required, or marked so for assistive technology). */
    public int requiredFields() {
        return driver.findElements(By.cssSelector("[required], [aria-required=true]")).size();
    }

    /** Presses Tab as a keyboard user would and returns the element that has the focus now. */
    public WebElement tab() {
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        return driver.switchTo().activeElement();
    }

    /** Presses Enter on the focused element and waits until the next page has replaced this one. */
    public void enter() {
        WebElement focused = driver.switchTo().activeElement();
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        awaitGone(focused);
    }

    /** The table's body rows, each as its cells' text joined by single spaces. */
    public List<String> rowsOf(String tableId) {
        return field(tableId).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText)
                        .collect(java.util.stream.Collectors.joining(" ")))
                .toList();
    }

    /** Where the link with this text points. */
    public String linkTarget(String linkText) {
        return driver.findElement(By.linkText(linkText)).getAttribute("href");
    }

    /** Chooses an option of a select box by the text people see. */
    public void choose(String selectId, String visibleText) {
        new org.openqa.selenium.support.ui.Select(field(selectId)).selectByVisibleText(visibleText);
    }

    /** The value of one cookie of this site, or null. */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Sets a cookie of this site, as someone who had kept its value would. */
    public void setCookie(String name, String value) {
        driver.manage().addCookie(new org.openqa.selenium.Cookie(name, value, "/"));
    }

    /** This browser's cookies as a Cookie header, to fetch what a link points to (a download) the same way. */
    public String cookieHeader() {
        return driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * The HTTP status the current page's address answers with this browser's cookies: a browser shows an error page
     * without telling its status, so this asks the same question again from outside, without following redirects.
     */
    public int statusOfCurrentPage() {
        try {
            // HTTP/1.1 as the browser speaks it; the client's default, an h2c upgrade, gets another answer from
            // Liberty for an error sent by a filter (200 with the error page), which no browser would ever see.
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url()))
                            .header("Cookie", cookieHeader()).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the path in a second tab and returns to the first, leaving the second open. */
    public void inSecondTab(Runnable work) {
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        if (!javascript) {
            Chromiums.scripts(driver, false);
        }
        work.run();
        driver.switchTo().window(first);
    }

    /** Switches to the other of two tabs (see inSecondTab). */
    public void switchToOtherTab() {
        String current = driver.getWindowHandle();
        driver.switchTo().window(driver.getWindowHandles().stream().filter(tab -> !tab.equals(current))
                .findFirst().orElseThrow(() -> new AssertionError("Only one tab is open")));
    }

    /** Every element matching, possibly none. */
    public List<WebElement> driverFind(By by) {
        return driver.findElements(by);
    }

    public void refresh() {
        driver.navigate().refresh();
    }

    public void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** Saves the whole page, laid out at the given width, under target/screenshots/NAME.png. */
    public Path screenshot(String name, Dimension size) {
        driver.manage().window().setSize(size);
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width"),
                    "height", content.get("height"), "scale", 1);
            String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode(png));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }

    /** Ends this browser for the test; its Chromium, cleared of everything the test left, serves a later one. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Chromiums.giveBack(driver, language, javascript);
        }
    }
}
