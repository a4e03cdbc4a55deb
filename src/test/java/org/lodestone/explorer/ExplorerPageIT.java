package org.lodestone.explorer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.path.ConnectionPath;
import org.lodestone.path.PathAnswer;
import org.lodestone.support.HeadlessChromium;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer page in a real browser: headless Debian chromium, driven by Selenium through Debian's chromedriver,
 * against the full application. Skipped when chromium or chromedriver is not installed. Screenshots are kept under
 * {@code target/browser-tests/}.
 */
// Drives a real browser: over 30 s alone, so left out of -Pfast (README).
@Tag("slow")
class ExplorerPageIT extends IntegrationTest {

	static final String H20 = "product:nvidia-h20";

	static final String NDPR = "mineral:ndpr";

	static final String LONDON = "policy:us-cn-london-framework";

	static final String CONCESSION = "policy:us-h20-export-licences|CONCESSION_FOR|" + LONDON;

	static final String[] FORMATS = { "graphml", "gexf", "dot", "cytoscape", "csv", "cypher", "json", "ftm", "svg" };

	static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver neo4j;

	@Autowired
	org.lodestone.neo4j.EmbeddedNeo4j engine;

	@BeforeAll
	static void startChromium() {
		// Before the application context loads, so a machine without chromium skips quickly.
		HeadlessChromium.assumeInstalled();
		chromium = HeadlessChromium.start();
	}

	@AfterAll
	static void stopChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void warmUpPathQueries() {
		// The first path query of each shape (with and without asOf) is planned and compiled by the engine, which
		// can take longer than lodestone.query.timeout on a busy machine; the page is tested on a warm engine.
		for (String asOf : new String[] { null, "2025-09-01" }) {
			for (int attempt = 1; attempt <= 5; attempt++) {
				String uri = "/api/paths?from=" + H20 + "&to=" + NDPR + ((asOf != null) ? "&asOf=" + asOf : "");
				if (this.rest.get().uri(uri).exchange().returnResult().getStatus().is2xxSuccessful()) {
					break;
				}
			}
		}
	}

	@Test
	void searchH20AndNdPrDrawsThePathsAndAClickedHopShowsItsSource() throws Exception {
		WebDriver browser = chromium.driver();
		PathAnswer expected = paths(null);
		assertThat(expected.paths()).isNotEmpty();

		browser.get(base() + "/");
		waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
		assertThat(scriptSources()).as("every script comes from this application, none from a CDN")
			.allSatisfy(src -> assertThat(src).startsWith(base() + "/"))
			.anySatisfy(src -> assertThat(src).contains("/webjars/cytoscape/"));

		pick("from", "H20", H20);
		pickWithKeyboard("to", "NdPr", NDPR);
		waitForView();

		// The graph holds every node and every hop of every path the API gives.
		Set<String> nodes = new HashSet<>(graphIds("nodes"));
		Set<String> edges = new HashSet<>(graphIds("edges"));
		for (ConnectionPath path : expected.paths()) {
			assertThat(nodes).containsAll(path.nodes().stream().map(EntitySummary::id).toList());
			assertThat(edges).containsAll(path.hops().stream().map(Link::id).toList());
		}
		assertThat(nodes).contains(H20, LONDON, NDPR);
		assertThat(browser.findElements(By.cssSelector("#path-list > li"))).hasSize(expected.paths().size());
		assertThat(text("#status")).contains(expected.paths().size() + " paths from Nvidia H20");

		// Click the hop on the canvas, where it is drawn, and read its details and sources.
		clickEdge(CONCESSION);
		waitFor(ExpectedConditions.attributeToBe(By.id("details"), "data-id", CONCESSION));
		WebElement details = browser.findElement(By.id("details"));
		assertThat(details.getText()).contains("CONCESSION_FOR", "We put that in the trade deal with the magnets",
				"Reuters");
		List<String> sourceLinks = details.findElements(By.cssSelector("ul.sources a")).stream()
			.map(a -> a.getDomProperty("href")).toList();
		Link concession = expected.paths().stream().flatMap(path -> path.hops().stream())
			.filter(hop -> hop.id().equals(CONCESSION)).findFirst().orElseThrow();
		assertThat(sourceLinks).containsExactlyElementsOf(concession.sources().stream().map(s -> s.url()).toList());
		assertThat(script("return cy.getElementById(arguments[0]).selected()", CONCESSION)).isEqualTo(true);

		var shot = chromium.screenshot("explorer.png");
		assertThat(Files.size(shot)).isGreaterThan(10_000);

		// The hop's History section lists its recorded versions when opened: the bundled data was loaded offline on
		// the first start, which records it, so one, current, added by the first start.
		WebElement history = browser.findElement(By.cssSelector("#details details.history-tab summary"));
		script("arguments[0].scrollIntoView({block: 'center'})", history);
		history.click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#details ol.versions li")));
		assertThat(browser.findElement(By.cssSelector("#details ol.versions")).getText())
			.contains("(added by first-start)", "current");

		// Downloads link to the export API with this view's scope and parameters.
		for (String format : FORMATS) {
			String href = browser.findElement(By.cssSelector(
					"#download-body a[data-scope=path][data-format=" + format + "]")).getDomProperty("href");
			assertThat(href).isEqualTo(base() + "/api/export?format=" + format + "&scope=path&from="
					+ encode(H20) + "&to=" + encode(NDPR));
		}
		assertThat(browser.findElements(By.cssSelector("#download-body a[data-scope=graph]"))).isNotEmpty();

		// The Browser link carries Cypher that, run on the graph, gives the same paths.
		String link = browser.findElement(By.id("open-browser")).getDomProperty("href");
		String prefix = "http://127.0.0.1:" + HTTP_PORT + "/browser/?dbms=bolt://neo4j@127.0.0.1:" + BOLT_PORT
				+ "&cmd=edit&arg=";
		assertThat(link).startsWith(prefix);
		String cypher = URLDecoder.decode(link.substring(prefix.length()), StandardCharsets.UTF_8);
		assertThat(cypher).doesNotContain("&", "#");
		Set<List<String>> cypherPaths = new HashSet<>();
		for (Record row : this.neo4j.executableQuery(cypher).execute().records()) {
			Path path = row.get("p").asPath();
			List<String> ids = new ArrayList<>();
			path.nodes().forEach(node -> ids.add(node.get("id").asString()));
			cypherPaths.add(ids);
		}
		assertThat(cypherPaths).containsExactlyInAnyOrderElementsOf(expected.paths().stream()
			.map(path -> path.nodes().stream().map(EntitySummary::id).toList()).toList());
	}

	@Test
	void theDateSliderRequeriesAndExpandAddsNeighbours() {
		WebDriver browser = chromium.driver();
		browser.get(base() + "/?from=" + encode(H20) + "&to=" + encode(NDPR));
		waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
		waitForView();

		// The earliest date on the slider: nothing connected them yet.
		browser.findElement(By.id("asof-enabled")).click();
		WebElement slider = browser.findElement(By.id("asof-range"));
		slider.sendKeys(Keys.HOME);
		String firstDay = browser.findElement(By.id("asof-date")).getDomProperty("value");
		assertThat(firstDay).matches("\\d{4}-\\d{2}-\\d{2}");
		waitFor(driver -> driver.getCurrentUrl().contains("asOf=" + firstDay));
		waitForView();
		assertThat(text("#status")).contains("not by relationships holding on " + firstDay);
		assertThat(graphIds("edges")).isEmpty();

		// A date inside the data: the paths come back, each hop holding on that day.
		String day = "2025-09-01";
		script("const d = document.getElementById('asof-date'); d.value = arguments[0];"
				+ "d.dispatchEvent(new Event('change', {bubbles: true}));", day);
		waitFor(driver -> driver.getCurrentUrl().contains("asOf=" + day));
		waitForView();
		Set<String> expectedEdges = new HashSet<>();
		paths(day).paths().forEach(path -> path.hops().forEach(hop -> expectedEdges.add(hop.id())));
		assertThat(new HashSet<>(graphIds("edges"))).isEqualTo(expectedEdges);

		// Expand London's neighbours: select it in the path list, then the button.
		int before = graphIds("nodes").size();
		browser.findElement(By.cssSelector("#path-list button.node-chip[data-id='" + LONDON + "']")).click();
		waitFor(ExpectedConditions.attributeToBe(By.id("details"), "data-id", LONDON));
		browser.findElement(By.id("expand")).click();
		waitFor(driver -> Boolean.TRUE.equals(script("return cy.getElementById(arguments[0]).hasClass('expanded')",
				LONDON)));
		waitForView();
		assertThat(graphIds("nodes").size()).isGreaterThan(before);
		assertThat(browser.getCurrentUrl()).contains("expand=" + encode(LONDON));
		chromium.screenshot("explorer-expanded.png");
	}

	@Test
	void theBrowserGuidePlaysInNeo4jBrowser() {
		WebDriver browser = chromium.driver();
		String guide = "http://localhost:" + this.port + "/guide";
		// As the README says: the link fills in the user; the password is the one the first start generated.
		browser.get("http://127.0.0.1:" + HTTP_PORT + "/browser/?dbms=bolt://neo4j@127.0.0.1:" + BOLT_PORT
				+ "&cmd=play&arg=" + encode(guide));
		WebElement password = new WebDriverWait(browser, Duration.ofSeconds(90))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=password]")));
		password.sendKeys(this.engine.password());
		browser.findElement(By.cssSelector("[data-testid=connect]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(driver -> driver.getPageSource().contains("You are connected as user"));
		new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> driver
			.findElements(By.cssSelector("pre.runnable"))
			.stream()
			.anyMatch(pre -> pre.getText().contains("MATCH (n:Entity)")));
		// getText() omits what the slide has scrolled out of view; the page source holds the whole slide.
		assertThat(browser.getPageSource()).contains("The bundled dataset holds", "What connects H20 to NdPr?");
		chromium.screenshot("browser-guide.png");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private PathAnswer paths(String asOf) {
		String uri = "/api/paths?from=" + H20 + "&to=" + NDPR + ((asOf != null) ? "&asOf=" + asOf : "");
		return this.rest.get().uri(uri).exchange().expectStatus().isOk().expectBody(PathAnswer.class)
			.returnResult().getResponseBody();
	}

	private void pick(String role, String typed, String id) {
		WebElement input = chromium.driver().findElement(By.id(role + "-input"));
		input.clear();
		input.sendKeys(typed);
		By option = By.cssSelector("#" + role + "-list li[role=option][data-id='" + id + "']");
		waitFor(ExpectedConditions.elementToBeClickable(option)).click();
		waitFor(ExpectedConditions.attributeToBe(input, "data-picked", "true"));
	}

	private void pickWithKeyboard(String role, String typed, String id) {
		WebElement input = chromium.driver().findElement(By.id(role + "-input"));
		input.clear();
		input.sendKeys(typed);
		waitFor(ExpectedConditions.attributeToBe(By.cssSelector("#" + role + "-list li[aria-selected=true]"),
				"data-id", id));
		assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo(role + "-option-0");
		input.sendKeys(Keys.ENTER);
		waitFor(ExpectedConditions.attributeToBe(input, "data-picked", "true"));
	}

	private void waitForView() {
		waitFor(driver -> {
			String state = driver.findElement(By.id("status")).getDomAttribute("data-state");
			if ("error".equals(state)) {
				throw new AssertionError("The page reports an error: " + text("#status"));
			}
			return "ready".equals(state);
		});
	}

	private void clickEdge(String id) {
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script("""
				const c = document.getElementById('cy');
				const p = cy.getElementById(arguments[0]).renderedMidpoint();
				return {x: p.x - c.clientWidth / 2, y: p.y - c.clientHeight / 2};
				""", id);
		new Actions(chromium.driver())
			.moveToElement(chromium.driver().findElement(By.id("cy")), at.get("x").intValue(), at.get("y").intValue())
			.click()
			.perform();
	}

	@SuppressWarnings("unchecked")
	private List<String> graphIds(String group) {
		return (List<String>) script("return cy." + group + "().map(e => e.id())");
	}

	@SuppressWarnings("unchecked")
	private List<String> scriptSources() {
		return (List<String>) script("return [...document.scripts].map(s => s.src)");
	}

	private Object script(String code, Object... arguments) {
		return ((JavascriptExecutor) chromium.driver()).executeScript(code, arguments);
	}

	private String text(String selector) {
		return chromium.driver().findElement(By.cssSelector(selector)).getText();
	}

	private <T> T waitFor(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(condition);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
