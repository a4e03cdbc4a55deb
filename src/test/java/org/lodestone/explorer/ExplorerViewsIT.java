package org.lodestone.explorer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.HeadlessChromium;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's timeline, exposure matrix, linkage ledger and what-changed views in headless chromium against the
 * full application on the bundled data: each renders what the REST API says, a click opens the right details, the
 * date control changes what is shown, and the downloads produce files; What changed also lists what an import through
 * the API recorded since a date. Screenshots are kept under
 * {@code target/browser-tests/}. Skipped when chromium or chromedriver is not installed.
 */
// Drives a real browser: over 30 s alone, so left out of -Pfast (README).
@Tag("slow")
class ExplorerViewsIT extends IntegrationTest {

	static final String H20_LICENCES = "policy:us-h20-export-licences";

	static final String H20_LINKAGE = "linkage:h20-licences-for-rare-earth-magnets";

	static final String DUAL_USE_BAN = "policy:cn-us-dual-use-export-ban-2024-12";

	static final String PROBE_SOURCES = """
			id,publisher,title,date,url,type
			src:recorded-view-2001-03-01-probe,Lodestone test suite,Recorded view probe,2001-03-01,https://example.org/recorded,data
			""";

	static final String PROBE_ENTITIES = """
			id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
			company:recorded-view-a,Company,Recorded view probe A,,,,,,,
			company:recorded-view-b,Company,Recorded view probe B,,,,,,,
			""";

	// Dated long before the windows the other views show, so their answers are the same with the probes in the graph.
	static final String PROBE_RELATIONSHIPS = """
			from,to,type,validFrom,validTo,confidence,sources,quote,share,note
			company:recorded-view-a,company:recorded-view-b,MEMBER_OF,2001-03-01,,0.5,src:recorded-view-2001-03-01-probe,,,
			""";

	static final String PROBE_AB = "company:recorded-view-a|MEMBER_OF|company:recorded-view-b";

	static final String PROBE_REASON = "the filing says <b>April</b> <img src=x onerror=\"window.recordedProbe=1\">";

	static HeadlessChromium chromium;

	static Path downloads;

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	final List<JsonNode> recordedChanges = new ArrayList<>();

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

	// The recorded-history test's probes, their versions and its changes, so the shared graph is as it was.
	@AfterEach
	void removeProbes() {
		this.driver.executableQuery("""
				MATCH (n) WHERE n.id STARTS WITH 'company:recorded-view-' OR n.id = 'src:recorded-view-2001-03-01-probe'
				DETACH DELETE n""").execute();
		this.driver.executableQuery("""
				MATCH (v:Version) WHERE v.element STARTS WITH 'company:recorded-view-'
				   OR v.element = 'src:recorded-view-2001-03-01-probe'
				DELETE v""").execute();
		List<String> ids = this.recordedChanges.stream().map(report -> report.get("changeId").asString()).toList();
		this.driver.executableQuery("MATCH (c:Change) WHERE c.id IN $ids DELETE c").withParameters(Map.of("ids", ids))
			.execute();
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

	@Test
	void whatChangedListsWhatWasRecordedSinceADateWithBeforeAndAfterPagesItAndDownloadsIt() throws Exception {
		// Nothing was recorded after today: the list says so plainly.
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		open("#changes?from=2025-04-01&to=2025-08-15&recordedSince=" + tomorrow);
		waitForRecorded("Nothing recorded since " + tomorrow);
		assertThat(recordedRows()).isEmpty();
		assertThat(browser().findElement(By.id("recorded-more")).isDisplayed()).isFalse();

		// A real change through the API: probes added, then one corrected, with a reason that is not HTML to the page.
		StringBuilder entities = new StringBuilder(PROBE_ENTITIES);
		for (int i = 1; i <= 60; i++) {
			entities.append("company:recorded-view-%02d,Company,Recorded view probe %02d,,,,,,,%n".formatted(i, i));
		}
		this.recordedChanges.add(importProbes(entities.toString(), PROBE_RELATIONSHIPS, "probes for the view test"));
		JsonNode correction = importProbes(entities.toString(),
				PROBE_RELATIONSHIPS.replace("MEMBER_OF,2001-03-01", "MEMBER_OF,2001-04-01"), PROBE_REASON);
		this.recordedChanges.add(correction);
		assertThat(correction.get("corrected").asInt()).isEqualTo(1);
		OffsetDateTime recordedAt = OffsetDateTime.parse(correction.get("recordedAt").asString())
			.withOffsetSameInstant(ZoneOffset.UTC);
		String day = recordedAt.toLocalDate().toString();
		assertThat(day).isIn(today, tomorrow);

		// The date control: since the day of the import, the list holds it, exactly the API's first page.
		setDate("recorded-since", day);
		waitForRecorded("since " + day + ", newest first");
		assertThat(currentUrl()).contains("recordedSince=" + day);
		JsonNode page = get("/api/changes?since=" + day + "&limit=50");
		assertThat(recordedRows()).isEqualTo(elements(page)).hasSize(50);
		assertThat(page.get("more").asBoolean()).isTrue();

		// The correction comes first, with when, who, why, its count, and the date before and after.
		WebElement change = browser().findElement(By.cssSelector("#recorded-list > li:first-child"));
		assertThat(change.getDomAttribute("data-change")).isEqualTo(correction.get("changeId").asString());
		assertThat(change.getText()).contains("by ci-writer", "Why: " + PROBE_REASON, "1 corrected",
				recordedAt.toLocalDateTime().toString().substring(0, 16).replace('T', ' '));
		WebElement row = change.findElement(By.cssSelector("tr[data-element='" + PROBE_AB + "']"));
		assertThat(row.getDomAttribute("data-what")).isEqualTo("corrected");
		WebElement validFrom = row.findElement(By.cssSelector("li[data-property='validFrom']"));
		assertThat(validFrom.findElement(By.tagName("del")).getText()).isEqualTo("2001-03-01");
		assertThat(validFrom.findElement(By.tagName("ins")).getText()).isEqualTo("2001-04-01");
		assertThat(row.findElements(By.cssSelector("li[data-property]"))).as("only what changed").hasSize(1);
		// Values are text: the reason's markup is shown, never run.
		assertThat(browser().findElements(By.cssSelector("#recorded img, #recorded b"))).isEmpty();
		assertThat(script("return window.recordedProbe === undefined")).isEqualTo(true);

		// A link opens the entity's details.
		row.findElement(By.xpath(".//button[text()='company:recorded-view-a']")).click();
		waitForDetails("company:recorded-view-a");
		assertThat(browser().findElement(By.id("dash-details")).getText()).contains("Recorded view probe A");
		script("document.getElementById('recorded').scrollIntoView({block: 'start'});");
		chromium.screenshot("changes-recorded.png");

		// More, from the keyboard: the next page follows, and focus lands on its first change.
		JsonNode next = get("/api/changes?since=" + day + "&limit=50&offset=50");
		browser().findElement(By.id("recorded-more")).sendKeys(Keys.ENTER);
		waitFor(driver -> recordedRows().size() == 50 + next.get("changes").size());
		List<String> both = new ArrayList<>(elements(page));
		both.addAll(elements(next));
		assertThat(recordedRows()).isEqualTo(both);
		assertThat(script("return document.activeElement.dataset.index")).isEqualTo("50");
		assertThat(browser().findElement(By.id("recorded-more")).isDisplayed()).isEqualTo(next.get("more").asBoolean());

		// The CSV holds the rows listed, the correction among them.
		List<String> csv = Files.readAllLines(download("recorded-csv", "lodestone-recorded-since-" + day, ".csv"),
				StandardCharsets.UTF_8);
		assertThat(csv.get(0)).isEqualTo("change,recorded at,by,reason,what,of,element,before → after,sources");
		assertThat(csv).anySatisfy(line -> assertThat(line).startsWith(correction.get("changeId").asString() + ",")
			.contains(",ci-writer,", "\"" + PROBE_REASON.replace("\"", "\"\"") + "\"",
					",corrected,relationship," + PROBE_AB + ",validFrom: 2001-03-01 → 2001-04-01,"));

		// And after the day of the import, nothing again.
		setDate("recorded-since", LocalDate.parse(day).plusDays(1).toString());
		waitForRecorded("Nothing recorded since " + LocalDate.parse(day).plusDays(1));
		assertThat(recordedRows()).isEmpty();
	}

	// ---------------------------------------------------------------- helpers

	private JsonNode importProbes(String entities, String relationships, String reason) throws IOException {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("files", csvFile("sources-recorded-view.csv", PROBE_SOURCES));
		body.part("files", csvFile("entities-recorded-view.csv", entities));
		body.part("files", csvFile("relationships-recorded-view.csv", relationships));
		body.part("reason", reason);
		byte[] report = this.rest.post().uri("/api/import").header("X-API-Key", TestCredentials.WRITE_KEY)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
		return JsonMapper.shared().readTree(report);
	}

	private static ByteArrayResource csvFile(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private List<String> elements(JsonNode page) {
		List<String> elements = new ArrayList<>();
		page.get("changes").forEach(c -> elements.add(c.get("changeId").asString() + " " + c.get("element").asString()));
		return elements;
	}

	// Read in one script, so a list redrawn meanwhile cannot leave stale elements.
	@SuppressWarnings("unchecked")
	private List<String> recordedRows() {
		return (List<String>) script("return [...document.querySelectorAll('#recorded-list tbody tr')]"
				+ ".map(r => r.closest('li').dataset.change + ' ' + r.dataset.element)");
	}

	private void waitForRecorded(String text) {
		waitFor(driver -> {
			WebElement status = driver.findElement(By.id("recorded-status"));
			if ("error".equals(status.getDomAttribute("data-state"))) {
				throw new AssertionError("The page reports an error: " + status.getText());
			}
			return "ready".equals(status.getDomAttribute("data-state")) && status.getText().contains(text);
		});
	}

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
