package org.evalsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.evalsearch.api.SearchApp;
import org.evalsearch.index.IndexRun;
import org.evalsearch.search.IndexAccess;
import org.evalsearch.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page end to end: the real server over an index of the bundled corpus, driven through Debian's
 * headless Chromium. Each test opens its own URL, so they do not depend on each other's order.
 */
class SearchPageBrowserTest {
    private static final Path CORPUS = Path.of("..", "corpus");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String FULL_REPORT = "2013-labour-migration-evaluation-full-report.pdf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static IndexAccess index;
    private static Javalin app;
    private static String base;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Path indexDir = tmp.resolve("index");
        new IndexRun(CORPUS, indexDir, 2).run(new IndexRun.Listener() {
            @Override
            public void started(int files) {}

            @Override
            public void fileDone(String file, int pages, int passages) {}

            @Override
            public void fileSkipped(String file, String reason) {}
        });
        index = IndexAccess.open(indexDir, 60_000);
        app = SearchApp.create(new SearchService(index, 5_000), CORPUS).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port() + "/";
        driver = startChromium(tmp.resolve("chromium-profile"));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Debian's chromium and chromedriver, named explicitly so Selenium Manager never tries to download one. */
    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (index != null) {
            index.close();
        }
    }

    @BeforeEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void typeTickAFacetOpenAResultFollowThePdfLinkAndGoBack() throws Exception {
        open("");
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("statistics");
        waitFor(d -> d.getCurrentUrl().contains("q=statistics") && resultCount() >= 0);
        JsonNode all = api("search?q=statistics&size=10");
        waitFor(d -> resultCount() == all.get("total").asInt());
        assertEquals(typeFacetSum(), all.get("total").asInt(), "type counts add up to the number of passages");
        assertEquals(hitIds(), ids(all), "the page lists the API's hits in its order");

        tick("doc", FULL_REPORT);
        JsonNode filtered = api("search?q=statistics&doc=" + enc(FULL_REPORT) + "&size=10");
        int n = filtered.get("total").asInt();
        assertTrue(n > 0 && n < all.get("total").asInt(), "the report holds some of the passages: " + n);
        waitFor(d -> resultCount() == n);
        assertTrue(driver.getCurrentUrl().contains("doc=" + enc(FULL_REPORT)), driver.getCurrentUrl());
        assertEquals(n, typeFacetSum(), "facet counts follow the filter");
        assertEquals(ids(filtered), hitIds());
        assertEquals(1, driver.findElements(By.cssSelector("#chips .chip")).size());
        for (WebElement title : driver.findElements(By.cssSelector("#results .report-link"))) {
            assertEquals(filtered.get("hits").get(0).get("title").asText(), title.getText());
        }
        screenshot("results.png");

        WebElement first = driver.findElement(By.cssSelector("#results .hit"));
        first.findElement(By.cssSelector("button.expand")).click();
        WebElement detail = first.findElement(By.cssSelector(".detail"));
        waitFor(d -> detail.findElements(By.cssSelector(".full-text")).size() == 1);
        String fullText = api("passages/" + enc(filtered.get("hits").get(0).get("id").asText())).get("text").asText();
        assertEquals(fullText.replaceAll("\\s+", " ").strip(),
                detail.findElement(By.cssSelector(".full-text")).getText().replaceAll("\\s+", " ").strip());
        assertEquals("true", first.findElement(By.cssSelector("button.expand")).getAttribute("aria-expanded"));
        screenshot("passage.png", first);

        JsonNode hit = filtered.get("hits").get(0);
        WebElement pdf = first.findElement(By.cssSelector(".hit-foot .page-link"));
        String href = pdf.getAttribute("href");
        assertEquals(base + "api/documents/" + enc(FULL_REPORT) + "/pdf#page=" + hit.get("page").asInt(), href);
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#')))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("application/pdf", file.headers().firstValue("content-type").orElse(""));
        assertEquals("%PDF", new String(file.body(), 0, 4, StandardCharsets.US_ASCII));
        String page = driver.getWindowHandle();
        pdf.click();
        waitFor(d -> d.getWindowHandles().size() == 2);
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(page)) {
                driver.switchTo().window(handle);
                waitFor(d -> d.getCurrentUrl().startsWith(href.substring(0, href.indexOf('#'))));
                driver.close();
            }
        }
        driver.switchTo().window(page);

        driver.navigate().back();
        waitFor(d -> !d.getCurrentUrl().contains("doc=") && resultCount() == all.get("total").asInt());
        assertFalse(checkbox("doc", FULL_REPORT).isSelected(), "Back unticks the facet");
        assertEquals("statistics", driver.findElement(By.id("q")).getAttribute("value"));
        driver.navigate().back();
        waitFor(d -> !d.getCurrentUrl().contains("q=") && driver.findElement(By.id("q")).getAttribute("value").isEmpty());
    }

    @Test
    void yearBarsPagingAndGroupingChangeTheSearch() {
        open("?q=migration");
        JsonNode all = api("search?q=migration&size=20");
        waitFor(d -> resultCount() == all.get("total").asInt());
        driver.findElement(By.cssSelector("[data-key='year:2013']")).click();
        waitFor(d -> d.getCurrentUrl().contains("year=2013") && resultCount() == api("search?q=migration&year=2013&size=1").get("total").asInt());
        new Actions(driver).keyDown(Keys.SHIFT).click(driver.findElement(By.cssSelector("[data-key='year:2021']"))).keyUp(Keys.SHIFT).perform();
        int range = api("search?q=migration&year=2013-2021&size=1").get("total").asInt();
        waitFor(d -> d.getCurrentUrl().contains("year=2013-2021") && resultCount() == range);
        assertEquals("true", driver.findElement(By.cssSelector("[data-key='year:2017']")).getAttribute("aria-pressed"));

        open("?q=migration");
        waitFor(d -> hitIds().size() == 10);
        driver.findElement(By.id("more")).click();
        waitFor(d -> hitIds().size() == 20 && d.getCurrentUrl().contains("page=2"));
        assertEquals(ids(all), hitIds(), "the second page continues the first");
        driver.navigate().refresh();
        waitFor(d -> hitIds().size() == 20);
        assertEquals(ids(all), hitIds(), "the URL reproduces both pages");

        driver.findElement(By.id("group")).click();
        JsonNode grouped = api("search?q=migration&group=doc&size=10");
        waitFor(d -> d.getCurrentUrl().contains("group=doc") && !d.findElements(By.cssSelector("#results .group")).isEmpty());
        List<String> groupHeads = driver.findElements(By.cssSelector("#results .group-head a")).stream().map(WebElement::getText).toList();
        List<String> reports = grouped.get("hits").valueStream().map(h -> h.get("title").asText()).distinct().toList();
        assertEquals(reports, groupHeads, "one group per report, best report first");
    }

    @Test
    void exportCsvHoldsEveryPassageOfTheCurrentSearch() throws Exception {
        open("?q=migration&year=2009");
        JsonNode answer = api("search?q=migration&year=2009&size=1");
        waitFor(d -> resultCount() == answer.get("total").asInt());
        String href = driver.findElement(By.id("export-csv")).getAttribute("href");
        Map<String, List<String>> params = queryOf(href);
        assertEquals(List.of("migration"), params.get("q"));
        assertEquals(List.of("2009"), params.get("year"));
        assertEquals(List.of("csv"), params.get("format"));
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(answer.get("total").asInt(), rows.size());
    }

    @Test
    void aUrlReproducesItsSearchAndEmptyAndErrorStatesAreShown() {
        open("?q=migrant&sort=year_asc&year=2008-2009");
        JsonNode answer = api("search?q=migrant&sort=year_asc&year=2008-2009&size=10");
        waitFor(d -> resultCount() == answer.get("total").asInt());
        assertEquals(ids(answer), hitIds());
        assertEquals("year_asc", driver.findElement(By.id("sort")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("chips")).getText().contains("Year: 2008–2009"));

        open("?q=statstics");
        waitFor(d -> driver.findElement(By.id("empty")).isDisplayed());
        assertTrue(driver.findElement(By.id("empty")).getText().contains("No passages match"));
        assertTrue(driver.findElements(By.cssSelector("#results .hit")).isEmpty());
        String respelt = api("search?q=statstics&size=1").get("did_you_mean").asText();
        WebElement didYouMean = driver.findElement(By.cssSelector("#did-you-mean a"));
        assertEquals(respelt, didYouMean.getText());
        didYouMean.click();
        int respeltTotal = api("search?q=" + enc(respelt) + "&size=1").get("total").asInt();
        waitFor(d -> resultCount() == respeltTotal);
        assertTrue(respeltTotal > 0);

        open("?q=" + enc("statistics AND (labour"));
        waitFor(d -> driver.findElement(By.id("error")).isDisplayed());
        String shown = driver.findElement(By.id("error")).getText();
        String said = apiError("search?q=" + enc("statistics AND (labour") + "&size=10");
        assertEquals("cannot parse query: a parenthesis '(' is not closed", said);
        assertEquals("This search cannot be run: " + said, shown);
    }

    @Test
    void intentWordsAreShownAndCanBeTurnedOff() {
        open("?q=" + enc("recommendations on statistics"));
        WebElement understood = driver.findElement(By.id("understood"));
        waitFor(d -> understood.isDisplayed());
        assertTrue(understood.getText().contains("Recommendation"), understood.getText());
        understood.findElement(By.tagName("a")).click();
        waitFor(d -> queryOf(driver.getCurrentUrl()).getOrDefault("intent", List.of()).equals(List.of("off")));
        int plainTotal = api("search?q=" + enc("recommendations on statistics") + "&intent=off&size=1").get("total").asInt();
        waitFor(d -> !driver.findElement(By.id("understood")).isDisplayed() && resultCount() == plainTotal);
    }

    @Test
    void evidenceMapCellsCountAndLinkToTheirPassages() {
        open("?view=map&q=migration&rows=doc&cols=year");
        waitFor(d -> !d.findElements(By.cssSelector("table.map td a")).isEmpty());
        JsonNode map = api("map?q=migration&rows=doc&cols=year");
        int shownCells = driver.findElements(By.cssSelector("table.map tbody td")).size();
        assertEquals(map.get("row_values").size() * map.get("col_values").size(), shownCells, "every pair has a cell");
        long empty = driver.findElements(By.cssSelector("table.map td.heat-0")).size();
        long zeroInApi = shownCells - countNonZero(map);
        assertEquals(zeroInApi, empty, "empty cells stay visible");
        WebElement cell = driver.findElement(By.cssSelector("table.map td a"));
        int count = Integer.parseInt(cell.getText());
        String csv = driver.findElement(By.id("map-csv")).getAttribute("href");
        assertTrue(csv.contains("format=csv") && csv.contains("rows=doc") && csv.contains("cols=year"), csv);
        cell.click();
        waitFor(d -> d.findElement(By.id("view-results")).isDisplayed() && resultCount() == count);
        assertTrue(driver.getCurrentUrl().contains("doc=") && driver.getCurrentUrl().contains("year="), driver.getCurrentUrl());
    }

    @Test
    void reportPageShowsOutlineAndClickableCountsByType() {
        open("?report=" + enc(FULL_REPORT));
        JsonNode doc = api("documents/" + enc(FULL_REPORT));
        waitFor(d -> d.findElement(By.id("report-heading")).getText().equals(doc.get("title").asText()));
        assertEquals(doc.get("outline").size(), driver.findElements(By.cssSelector("#report .outline li")).size());
        Map<String, Integer> types = new TreeMap<>();
        api("search?size=1&doc=" + enc(FULL_REPORT)).get("facets").get("type")
                .forEach(v -> types.put(v.get("value").asText(), v.get("count").asInt()));
        List<WebElement> links = driver.findElements(By.cssSelector("#report .type-counts a"));
        assertEquals(types.values().stream().filter(v -> v > 0).count(), links.size());
        WebElement link = links.get(0);
        String type = queryOf(link.getAttribute("href")).get("type").get(0);
        assertTrue(link.getText().endsWith(": " + types.get(type)), link.getText());
        link.click();
        waitFor(d -> resultCount() == types.get(type));
        assertTrue(checkbox("type", type).isSelected());
        assertTrue(checkbox("doc", FULL_REPORT).isSelected());
    }

    @Test
    void worksWithTheKeyboardAloneAndCitesTheSearch() {
        open("");
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement q = driver.switchTo().activeElement();
        assertEquals("q", q.getAttribute("id"));
        q.sendKeys("labour migr");
        waitFor(d -> d.findElement(By.id("suggestions")).isDisplayed());
        q.sendKeys(Keys.ARROW_DOWN);
        String chosen = driver.findElement(By.cssSelector("#suggestions [aria-selected=true]")).getText();
        assertEquals(driver.findElement(By.cssSelector("#suggestions li")).getAttribute("id"), q.getAttribute("aria-activedescendant"));
        q.sendKeys(Keys.ENTER);
        waitFor(d -> !d.findElement(By.id("suggestions")).isDisplayed() && resultCount() > 0);
        assertFalse(chosen.isBlank());

        driver.findElement(By.id("cite-button")).sendKeys(Keys.ENTER);
        WebElement text = driver.findElement(By.id("cite-text"));
        waitFor(d -> text.getAttribute("value").contains("Index:"));
        JsonNode health = api("health");
        String citation = text.getAttribute("value");
        assertTrue(citation.contains(health.get("passages").asInt() + " passages"), citation);
        assertTrue(citation.contains("Link: " + driver.getCurrentUrl()), citation);
        text.sendKeys(Keys.ESCAPE);
        waitFor(d -> !d.findElement(By.id("cite-dialog")).isDisplayed());
    }

    @Test
    void fitsAPhoneSizedScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("?q=" + enc("\"fair recruitment\" sustainability"));
        waitFor(d -> resultCount() > 0);
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, "no sideways scrolling");
        assertFalse(driver.findElement(By.id("facets")).isDisplayed(), "filters fold away");
        screenshot("results-phone.png");
        driver.findElement(By.id("filters-toggle")).click();
        assertTrue(driver.findElement(By.id("facets")).isDisplayed());
        assertEquals("true", driver.findElement(By.id("filters-toggle")).getAttribute("aria-expanded"));
    }

    @Test
    void controlsHaveNamesAndTextMeetsWcagAaContrast() {
        open("?q=migration&group=doc");
        waitFor(d -> resultCount() > 0);
        driver.findElement(By.cssSelector("#results button.expand")).click();
        waitFor(d -> !d.findElements(By.cssSelector("#results .full-text")).isEmpty());
        assertEquals(List.of(), audit(), "results page");
        open("?view=map");
        waitFor(d -> !d.findElements(By.cssSelector("table.map")).isEmpty());
        assertEquals(List.of(), audit(), "evidence map");
        open("?report=" + enc(FULL_REPORT));
        waitFor(d -> !d.findElements(By.cssSelector("#report .meta")).isEmpty());
        assertEquals(List.of(), audit(), "report page");
    }

    /**
     * Visible form controls without an accessible name, and visible text whose contrast with its background is
     * below WCAG 2.1 AA (4.5:1, or 3:1 for large text). Text over a background image (the hatched empty map cells)
     * is left out: its contrast cannot be read from styles.
     */
    @SuppressWarnings("unchecked")
    private static List<String> audit() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const problems = [];
                const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
                    && el.getBoundingClientRect().width > 1;
                for (const el of document.querySelectorAll('input, select, textarea, button, a[href]')) {
                  if (!visible(el)) continue;
                  const name = (el.getAttribute('aria-label') || (el.labels && [...el.labels].map((l) => l.textContent).join(' '))
                      || el.textContent || el.title || '').trim();
                  if (!name) problems.push('no accessible name: ' + el.outerHTML.slice(0, 80));
                }
                const channels = (c) => c.match(/[\\d.]+/g).map(Number);
                const luminance = (rgb) => {
                  const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const background = (el) => {
                  for (; el; el = el.parentElement) {
                    const style = getComputedStyle(el);
                    if (style.backgroundImage !== 'none') return null;
                    const c = channels(style.backgroundColor);
                    if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
                  }
                  return [255, 255, 255];
                };
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const seen = new Set();
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const el = node.parentElement;
                  if (!node.textContent.trim() || seen.has(el) || !visible(el)) continue;
                  seen.add(el);
                  const bg = background(el);
                  if (!bg) continue;
                  const style = getComputedStyle(el);
                  const fg = channels(style.color).slice(0, 3);
                  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
                  const ratio = (hi + 0.05) / (lo + 0.05);
                  const size = parseFloat(style.fontSize);
                  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
                  if (ratio < (large ? 3 : 4.5)) {
                    problems.push(ratio.toFixed(2) + ':1 for "' + node.textContent.trim().slice(0, 40) + '" in <' + el.tagName.toLowerCase()
                        + ' class="' + el.className + '">');
                  }
                }
                return problems;
                """);
    }

    // ---- helpers ----

    private static void open(String query) {
        driver.get(base + query);
    }

    private static void waitFor(ExpectedCondition<Boolean> condition) {
        wait.until(condition);
    }

    /** The number of passages the page says it found, or -1 while it has none. */
    private static int resultCount() {
        String text = driver.findElement(By.id("result-count")).getText();
        String digits = text.replaceAll("^([\\d,]+) passages?.*$", "$1");
        return digits.equals(text) ? -1 : Integer.parseInt(digits.replace(",", ""));
    }

    private static int typeFacetSum() {
        return driver.findElements(By.cssSelector("fieldset[data-facet=type] .count")).stream()
                .mapToInt(e -> Integer.parseInt(e.getText().replaceAll("\\D.*$", ""))).sum();
    }

    private static List<String> hitIds() {
        return driver.findElements(By.cssSelector("#results .hit")).stream().map(e -> e.getAttribute("data-id")).toList();
    }

    private static List<String> ids(JsonNode answer) {
        return answer.get("hits").valueStream().map(h -> h.get("id").asText()).toList();
    }

    private static WebElement checkbox(String facet, String value) {
        return driver.findElements(By.cssSelector("fieldset[data-facet=" + facet + "] input[type=checkbox]")).stream()
                .filter(e -> value.equals(e.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + facet + " checkbox for " + value));
    }

    private static void tick(String facet, String value) {
        WebElement box = checkbox(facet, value);
        if (!box.isDisplayed()) {
            driver.findElement(By.cssSelector("fieldset[data-facet=" + facet + "] .link-button")).click();
            box = checkbox(facet, value);
        }
        box.click();
    }

    private static long countNonZero(JsonNode map) {
        return map.get("cells").valueStream().filter(c -> c.get("count").asLong() > 0).count();
    }

    private static JsonNode api(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/" + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String apiError(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/" + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            return JSON.readTree(r.body()).get("error").asText();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, List<String>> queryOf(String url) {
        Map<String, List<String>> out = new TreeMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            out.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new java.util.ArrayList<>())
                    .add(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void screenshot(String name) throws IOException {
        screenshot(name, driver.findElement(By.tagName("body")));
    }

    /** A screenshot of the window scrolled to show the top of {@code element}. */
    private static void screenshot(String name, WebElement element) throws IOException {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); document.activeElement.blur();", element);
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
