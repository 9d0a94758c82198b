package org.cancelportal.it.browser;

import java.io.File;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The test run's Chromiums, started once per language and JavaScript setting and handed from one test to the next:
 * a start took 5 to 10 seconds on a busy machine with two cores, once for every test. A
 * Chromium given back is made as good as new for the portal before the next test gets it (see {@link #giveBack}).
 */
final class Chromiums {

    /** Kept per setting; more are started when a test needs several at once, and quit when given back beyond this. */
    private static final int KEPT_PER_SETTING = 2;

    private record Setting(String language, boolean javascript) {
    }

    private static final Map<Setting, Deque<ChromeDriver>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromiums::quitAll, "quit idle Chromiums"));
    }

    private Chromiums() {
    }

    static synchronized ChromeDriver take(String language, boolean javascript) {
        ChromeDriver idle = IDLE.getOrDefault(new Setting(language, javascript), new ArrayDeque<>()).poll();
        return idle != null ? idle : start(language, javascript);
    }

    /**
     * Leaves the Chromium as a new one is for the portal (one tab, blank, no cookies, nothing cached, desktop size)
     * and keeps it for the next test; one that does not come back to that state is quit.
     */
    static void giveBack(ChromeDriver driver, String language, boolean javascript) {
        try {
            reset(driver);
            if (!javascript) {
                scripts(driver, false);
            }
        } catch (RuntimeException broken) {
            driver.quit();
            return;
        }
        synchronized (Chromiums.class) {
            Deque<ChromeDriver> idle = IDLE.computeIfAbsent(new Setting(language, javascript), s -> new ArrayDeque<>());
            if (idle.size() < KEPT_PER_SETTING) {
                idle.push(driver);
                return;
            }
        }
        driver.quit();
    }

    private static void reset(ChromeDriver driver) {
        List<String> tabs = new ArrayList<>(driver.getWindowHandles());
        for (String extra : tabs.subList(1, tabs.size())) {
            driver.switchTo().window(extra).close();
        }
        driver.switchTo().window(tabs.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.manage().window().setSize(Browser.DESKTOP);
    }

    private static ChromeDriver start(String language, boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(Browser.DESKTOP);
        if (!javascript) {
            scripts(driver, false);
        }
        return driver;
    }

    /**
     * Lets the pages of the driver's current tab run their scripts, or not, from the next page on (and the current page
     * from now on). Off, a page runs none of its own scripts, shows its noscript content and fires no timers, as with
     * JavaScript switched off in the browser's settings; unlike that setting, it can be switched on for a moment, to run
     * axe-core in the page as it is (see {@link Browser#accessibilityViolations}). It holds for the tab it is set in.
     */
    static void scripts(ChromeDriver driver, boolean on) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    private static synchronized void quitAll() {
        IDLE.values().forEach(idle -> idle.forEach(WebDriver::quit));
        IDLE.clear();
    }
}
