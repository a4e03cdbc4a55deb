package org.lodestone.explorer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's timeline, exposure matrix, linkage ledger and what-changed views in headless chromium against the
 * full application on the bundled data: each renders what the REST API says, a click opens the right details, the
 * date control changes what is shown, and the downloads produce files. Screenshots are kept under
 * {@code target/browser-tests/}. Skipped when chromium or chromedriver is not installed.
 */
// Drives a real browser: over 30 s alone, so left out of -Pfast (README).
@Tag("slow")
class ExplorerViewsIT extends IntegrationTest {

	static final String H20_LICENCES = "policy:us-h20-export-licences";

	static final String H20_LINKAGE = "linkage:h20-licences-for-rare-earth-magnets";

	static final String DUAL_USE_BAN = "policy:cn-us-dual-use-export-ban-2024-12";

	static HeadlessChromium chromium;

	static Path downloads;

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient rest;

	@BeforeAll
	static void startChromium() throws IOException {
		HeadlessChromium.assumeInstalled();
		chromium = HeadlessChromium.start();
		downloads = Files.createTempDirectory(Path.of("target"), "downloads-").toAbsolutePath();
		// Headless chromium saves downloads only where it is told to.
		chromium.driver().executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
	}

	@AfterAll
	static void stopChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void emptyDownloads() throws IOException {
		try (Stream<Path> files = Files.list(downloads)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
	}

	@Test
	void theTimelineDrawsEveryMeasureOpensTheClickedOneFiltersAndPlaysThroughTheDates() throws Exception {
		JsonNode measures = get("/api/measures");
		open("#timeline?asOf=2025-09-01");
		waitForStatus("on 2025-09-01");
		assertThat(scriptSources()).as("every script comes from this application, none from a CDN")
			.allSatisfy(src -> assertThat(src).startsWith(base() + "/"))
			.anySatisfy(src -> assertThat(src).contains("/webjars/echarts/"));

		// Every measure the API gives is a bar, and a row of the table.
		assertThat(new HashSet<>(chartIds("subtype:"))).isEqualTo(ids(measures));
		assertThat(tableIds()).hasSize(measures.size());
		assertThat(rowCurrent(H20_LICENCES)).as("licensed on 2025-08-08, in force on 2025-09-01").isEqualTo("true");

		// Click the H20 licences' bar on the canvas: its details, with the entity's sources.
		clickBar(H20_LICENCES);
		waitForDetails(H20_LICENCES);
		WebElement details = browser().findElement(By.id("dash-details"));
		JsonNode entity = get("/api/entities/" + H20_LICENCES);
		assertThat(details.getText()).contains(entity.get("name").asString(), "CONCESSION_FOR",
				"US-China London framework");
		List<String> links = details.findElements(By.cssSelector("ul.sources a")).stream()
			.map(a -> a.getDomProperty("href")).toList();
		List<String> expected = new ArrayList<>();
		entity.get("sources").forEach(source -> expected.add(source.get("url").asString()));
		assertThat(links).containsExactlyElementsOf(expected);
		assertThat(currentUrl()).contains("measure=" + H20_LICENCES);
		// The pointer rests on the bar: its links to other measures are drawn.
		assertThat(((Number) script("return viewChart.getOption().series.find(s => s.id === 'links').data.length"))
			.intValue()).isGreaterThanOrEqualTo(3);
		// As the user sees it: the chart scrolled to the clicked bar, its links drawn, its details beside it.
		chromium.screenshot("timeline.png");

		// The date control: before the licences, they are not in force.
		setDate("dash-date", "2019-01-01");
		waitForStatus("on 2019-01-01");
		assertThat(rowCurrent(H20_LICENCES)).isEqualTo("false");
		assertThat(currentUrl()).contains("asOf=2019-01-01");
		// Each row's state on the date is the server's answer (GET /api/measures?asOf=), not worked out in the page.
		Map<String, String> served = new HashMap<>();
		get("/api/measures?asOf=2019-01-01").forEach(m -> served.put(m.get("id").asString(), m.get("status").asString()));
		assertThat(served).containsEntry(H20_LICENCES, "not yet in force");
		assertThat(script("return Object.fromEntries([...document.querySelectorAll('#dash-table tbody tr')]"
				+ ".map(r => [r.dataset.id, r.cells[r.cells.length - 1].textContent]))")).isEqualTo(served);

		// Play steps the date a month at a time.
		browser().findElement(By.id("dash-play")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("asOf=2019-03-01"));
		browser().findElement(By.id("dash-play")).sendKeys(Keys.ENTER);
		assertThat(browser().findElement(By.id("dash-play")).getDomAttribute("aria-pressed")).isEqualTo("false");

		// Only the measures about gallium.
		new Select(browser().findElement(By.id("dash-subject"))).selectByValue("mineral:gallium");
		waitForStatus("about Gallium");
		Set<String> gallium = new HashSet<>();
		measures.forEach(m -> m.get("subjects").forEach(s -> {
			if (s.get("id").asString().equals("mineral:gallium")) {
				gallium.add(m.get("id").asString());
			}
		}));
		assertThat(gallium).contains(DUAL_USE_BAN);
		assertThat(new HashSet<>(tableIds())).isEqualTo(gallium);

		// The keyboard: focus the chart, step to the first bar, open it.
		WebElement chart = browser().findElement(By.id("chart"));
		chart.sendKeys(Keys.ARROW_DOWN);
		chart.sendKeys(Keys.ENTER);
		waitForDetails(tableIds().get(0));

		Path png = download("dash-png", "lodestone-timeline-", ".png");
		assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
		List<String> csv = Files.readAllLines(download("dash-csv", "lodestone-timeline-", ".csv"));
		assertThat(csv.get(0)).startsWith("id,name,subtype,issuer group");
		assertThat(csv).hasSize(gallium.size() + 1);
	}

	@Test
	void theExposureMatrixShowsSharesMarksMeasuresAndAClickedCellOpensTheChokepointAnswer() throws Exception {
		JsonNode matrix = get("/api/supply?asOf=2025-05-15");
		open("#exposure?asOf=2025-05-15");
		waitForStatus("on 2025-05-15");
		int cells = 0;
		Set<String> marked = new HashSet<>();
		for (JsonNode mineral : matrix.get("minerals")) {
			cells += mineral.get("suppliers").size();
			for (JsonNode share : mineral.get("suppliers")) {
				for (JsonNode measure : mineral.get("measures")) {
					for (JsonNode state : measure.get("states")) {
						if (state.asString().equals(share.get("supplier").asString())) {
							marked.add(mineral.get("id").asString() + "|" + share.get("supplier").asString());
						}
					}
				}
			}
		}
		assertThat(((Number) script("return viewChart.getOption().series[0].data.length")).intValue()).isEqualTo(cells);
		@SuppressWarnings("unchecked")
		List<String> marks = (List<String>) script(
				"return viewChart.getOption().series[1].data.map(d => d.mineral.id + '|' + d.share.supplier)");
		assertThat(new HashSet<>(marks)).isEqualTo(marked)
			.as("China's own controls on gallium are marked in China's cell: MOFCOM and customs are tied to China")
			.contains("mineral:gallium|state:cn");

		// Click gallium from China: the share with its year and sources, and the exposure answer of what uses it.
		clickCell("mineral:gallium", "state:cn");
		waitForDetails("mineral:gallium|state:cn");
		waitFor(ExpectedConditions.attributeToBe(By.cssSelector("#dash-details .exposure"), "data-state", "ready"));
		WebElement details = browser().findElement(By.id("dash-details"));
		assertThat(details.getText()).contains("99% of world supply", "2025", "China export controls on gallium and germanium");
		String entity = details.findElement(By.cssSelector(".exposure")).getDomAttribute("data-entity");
		JsonNode exposure = get("/api/exposure/" + entity + "?asOf=2025-05-15");
		WebElement focus = details.findElement(By.cssSelector(".exposure tr.focus"));
		assertThat(focus.getDomAttribute("data-input")).isEqualTo("mineral:gallium");
		for (JsonNode chokepoint : exposure.get("chokepoints")) {
			if (chokepoint.get("input").asString().equals("mineral:gallium")) {
				chokepoint.get("measures").forEach(m -> assertThat(focus.getText()).contains(m.get("name").asString()));
			}
		}
		assertThat(currentUrl()).contains("cell=mineral:gallium|state:cn");
		shoot("exposure.png");

		// The date control: in June 2024 the December 2024 ban was not yet in force on gallium.
		assertThat(rowText("mineral:gallium")).contains("China ban in principle on gallium");
		setDate("dash-date", "2024-06-01");
		waitForStatus("on 2024-06-01");
		assertThat(rowText("mineral:gallium")).doesNotContain("China ban in principle on gallium");
		JsonNode earlier = get("/api/supply?asOf=2024-06-01");
		for (JsonNode mineral : earlier.get("minerals")) {
			if (mineral.get("id").asString().equals("mineral:gallium")) {
				mineral.get("measures").forEach(m -> assertThat(rowText("mineral:gallium")).contains(m.get("name").asString()));
			}
		}

		assertThat(Files.readAllBytes(download("dash-png", "lodestone-exposure-2024-06-01", ".png")))
			.startsWith(0x89, 'P', 'N', 'G');
		List<String> csv = Files.readAllLines(download("dash-csv", "lodestone-exposure-2024-06-01", ".csv"),
				StandardCharsets.UTF_8);
		assertThat(csv.get(0)).startsWith("mineral,supplier,share,period from");
		int earlierCells = 0;
		for (JsonNode mineral : earlier.get("minerals")) {
			earlierCells += mineral.get("suppliers").size();
		}
		assertThat(csv).hasSize(earlierCells + 1);
	}

	@Test
	void theLinkageLedgerListsEachTieOpensItByMouseOrKeyboardAndDatesItsClaims() throws Exception {
		JsonNode ledger = get("/api/linkages");
		open("#linkages?asOf=2025-08-01");
		waitForStatus("asserted by 2025-08-01");
		assertThat(tableIds()).hasSize(ledger.size()).contains(H20_LINKAGE);
		assertThat(rowCurrent(H20_LINKAGE)).isEqualTo("true");

		// The keyboard: focus the chart, move to the first tie, open it.
		WebElement chart = browser().findElement(By.id("chart"));
		chart.sendKeys(Keys.ARROW_DOWN);
		chart.sendKeys(Keys.ENTER);
		String first = ledger.get(0).get("id").asString();
		waitForDetails(first);

		// The mouse: the H20 tie's bar, with Lutnick's quote, Bessent's dispute, the lag and the strength.
		int index = 0;
		while (!ledger.get(index).get("id").asString().equals(H20_LINKAGE)) {
			index++;
		}
		JsonNode h20 = ledger.get(index);
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script("""
				const d = viewChart.getOption().series[0].data[arguments[0]];
				const p = viewChart.convertToPixel({gridIndex: 0}, [(d.value[1] + d.value[2]) / 2, d.value[0]]);
				return {x: p[0], y: p[1]};
				""", index);
		clickChartAt(at);
		waitForDetails(H20_LINKAGE);
		String text = browser().findElement(By.id("dash-details")).getText();
		assertThat(text).contains("We put that in the trade deal with the magnets", "Scott Bessent",
				h20.get("lagDays").asString() + " days", h20.get("strength").asString());
		assertThat(currentUrl()).contains("linkage=" + H20_LINKAGE);
		shoot("linkages.png");

		// Before Lutnick said it (2025-07-15), nobody had asserted the tie.
		setDate("dash-date", "2025-06-01");
		waitForStatus("asserted by 2025-06-01");
		assertThat(rowCurrent(H20_LINKAGE)).isEqualTo("false");
		assertThat(browser().findElement(By.cssSelector("#dash-table tr[data-id='" + H20_LINKAGE + "']")).getText())
			.contains("later");

		List<String> csv = Files.readAllLines(download("dash-csv", "lodestone-linkages-2025-06-01", ".csv"));
		assertThat(csv).hasSize(ledger.size() + 1);
		assertThat(Files.readAllBytes(download("dash-png", "lodestone-linkages-2025-06-01", ".png")))
			.startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void whatChangedListsTheDiffBetweenTwoDatesAndOpensAChange() throws Exception {
		JsonNode diff = get("/api/diff?from=2025-04-01&to=2025-08-15");
		open("#changes?from=2025-04-01&to=2025-08-15");
		waitForStatus("after 2025-04-01 up to 2025-08-15");
		assertThat(tableIds()).hasSize(diff.get("changes").size());

		// A bar: that month's changes of that kind.
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script("""
				const option = viewChart.getOption();
				const s = option.series.findIndex(x => x.id === 'licence-granted');
				const month = option.xAxis[0].data.indexOf('2025-08');
				// The bars are stacked: this one starts on top of the series before it.
				const below = option.series.slice(0, s).reduce((sum, x) => sum + x.data[month], 0);
				const p = viewChart.convertToPixel({seriesIndex: s}, [month, below + option.series[s].data[month] / 2]);
				return {x: p[0], y: p[1]};
				""");
		clickChartAt(at);
		waitForDetails("2025-08|licence-granted");
		assertThat(browser().findElement(By.id("dash-details")).getText()).contains("US export licences for Nvidia H20");

		// A measure's change in the table opens the measure.
		browser().findElement(By.cssSelector("#dash-table tr[data-id='2025-08-08|measure-effective|" + H20_LICENCES
				+ "'] button")).click();
		waitForDetails(H20_LICENCES);
		shoot("changes.png");

		// A narrower window: fewer changes, exactly the API's.
		setDate("dash-date", "2025-06-01");
		waitForStatus("after 2025-04-01 up to 2025-06-01");
		assertThat(tableIds()).hasSize(get("/api/diff?from=2025-04-01&to=2025-06-01").get("changes").size())
			.hasSizeLessThan(diff.get("changes").size());

		List<String> csv = Files.readAllLines(download("dash-csv", "lodestone-changes-2025-04-01-to-2025-06-01", ".csv"));
		assertThat(csv.get(0)).isEqualTo("date,change,subject,description,sources");
		assertThat(csv).hasSizeGreaterThan(1);
		assertThat(Files.readAllBytes(download("dash-png", "lodestone-changes-2025-04-01-to-2025-06-01", ".png")))
			.startsWith(0x89, 'P', 'N', 'G');
	}

	// ---------------------------------------------------------------- helpers

	private WebDriver browser() {
		return chromium.driver();
	}

	private String currentUrl() {
		return URLDecoder.decode(browser().getCurrentUrl(), StandardCharsets.UTF_8);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private JsonNode get(String uri) throws IOException {
		byte[] body = this.rest.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBodyContent();
		return JsonMapper.shared().readTree(body);
	}

	private void open(String hash) {
		browser().get(base() + "/" + hash);
		waitFor(ExpectedConditions.attributeToBe(By.tagName("body"), "data-views-ready", "true"));
	}

	private void waitForStatus(String text) {
		waitFor(driver -> {
			WebElement status = driver.findElement(By.id("dash-status"));
			if ("error".equals(status.getDomAttribute("data-state"))) {
				throw new AssertionError("The page reports an error: " + status.getText());
			}
			return "ready".equals(status.getDomAttribute("data-state")) && status.getText().contains(text);
		});
	}

	private void waitForDetails(String id) {
		waitFor(ExpectedConditions.attributeToBe(By.id("dash-details"), "data-id", id));
		waitFor(ExpectedConditions.attributeToBe(By.id("dash-details"), "data-state", "ready"));
	}

	private void setDate(String input, String date) {
		script("const d = document.getElementById(arguments[0]); d.value = arguments[1];"
				+ "d.dispatchEvent(new Event('change', {bubbles: true}));", input, date);
	}

	private Set<String> ids(JsonNode array) {
		Set<String> ids = new HashSet<>();
		array.forEach(node -> ids.add(node.get("id").asString()));
		return ids;
	}

	@SuppressWarnings("unchecked")
	private List<String> chartIds(String seriesPrefix) {
		return (List<String>) script("return viewChart.getOption().series.filter(s => String(s.id).startsWith(arguments[0]))"
				+ ".flatMap(s => s.data.map(d => d.id))", seriesPrefix);
	}

	private List<String> tableIds() {
		return browser().findElements(By.cssSelector("#dash-table tbody tr")).stream()
			.map(row -> row.getDomAttribute("data-id")).toList();
	}

	private String rowCurrent(String id) {
		return browser().findElement(By.cssSelector("#dash-table tr[data-id='" + id + "']")).getDomAttribute("data-current");
	}

	private String rowText(String id) {
		return browser().findElement(By.cssSelector("#dash-table tr[data-id='" + id + "']")).getText();
	}

	private void clickBar(String id) {
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script("""
				const s = viewChart.getOption().series.find(x => String(x.id).startsWith('subtype:')
				    && x.data.some(d => d.id === arguments[0]));
				const d = s.data.find(x => x.id === arguments[0]);
				const p = viewChart.convertToPixel({gridIndex: 0}, [d.value[2] + 20 * 864e5, d.value[0]]);
				return {x: p[0], y: p[1]};
				""", id);
		clickChartAt(at);
	}

	private void clickCell(String mineral, String supplier) {
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script("""
				const d = viewChart.getOption().series[0].data
				    .find(x => x.mineral.id === arguments[0] && x.share.supplier === arguments[1]);
				const p = viewChart.convertToPixel({seriesIndex: 0}, [d.value[0], d.value[1]]);
				return {x: p[0], y: p[1]};
				""", mineral, supplier);
		clickChartAt(at);
	}

	// Scrolls the chart's box so the point shows, then clicks it with the mouse, as a user would.
	private void clickChartAt(Map<String, Number> at) {
		@SuppressWarnings("unchecked")
		Map<String, Number> point = (Map<String, Number>) script("""
				const box = document.getElementById('chart-scroll');
				box.scrollIntoView({block: 'start'});
				box.scrollTop = Math.max(0, arguments[1] - box.clientHeight / 2);
				const r = document.getElementById('chart').getBoundingClientRect();
				return {x: r.left + arguments[0], y: r.top + arguments[1]};
				""", at.get("x"), at.get("y"));
		new Actions(browser())
			.moveToLocation((int) Math.round(point.get("x").doubleValue()), (int) Math.round(point.get("y").doubleValue()))
			.click()
			.perform();
	}

	// Screenshots for docs/: the page from its top, the chart's box scrolled to its start.
	private void shoot(String name) {
		script("window.scrollTo(0, 0); document.getElementById('chart-scroll').scrollTop = 0;");
		chromium.screenshot(name);
	}

	private Path download(String button, String prefix, String suffix) throws IOException {
		browser().findElement(By.id(button)).click();
		Path file = new WebDriverWait(browser(), Duration.ofSeconds(30)).until(driver -> {
			try (Stream<Path> files = Files.list(downloads)) {
				return files.filter(f -> f.getFileName().toString().startsWith(prefix)
						&& f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
			}
			catch (IOException ex) {
				return null;
			}
		});
		assertThat(Files.size(file)).isPositive();
		return file;
	}

	@SuppressWarnings("unchecked")
	private List<String> scriptSources() {
		return (List<String>) script("return [...document.scripts].map(s => s.src)");
	}

	private Object script(String code, Object... arguments) {
		return ((JavascriptExecutor) browser()).executeScript(code, arguments);
	}

	private <T> T waitFor(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(browser(), Duration.ofSeconds(30)).until(condition);
	}

}
