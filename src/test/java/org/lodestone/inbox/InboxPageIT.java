package org.lodestone.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review flow in a real browser (headless Debian chromium through Selenium, as {@code ExplorerPageIT}): a reviewer
 * loads the inbox with a key, reads a proposal beside what the graph holds with its quote marked in the text, accepts
 * one, sees an edit that breaks the ontology refused with the importer's {@code file:line} problem, and rejects it.
 * The claims are the bundled dataset's own, from the Converge Digest text (see {@link InboxIT}).
 */
@Tag("slow")
class InboxPageIT extends IntegrationTest {

	static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	InboxService inbox;

	@Autowired
	Driver driver;

	String text;

	Map<String, Object> storedStatement;

	@BeforeAll
	static void startChromium() {
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
	void takeTheStatementOut() throws IOException {
		this.text = new ClassPathResource("inbox/documents/convergedigest-2019-05-16-huawei-restriction.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		this.storedStatement = this.driver.executableQuery("""
				MATCH (:Entity {id: 'person:wilbur-ross'})-[r:STATED]->(:Entity {id: $policy})
				WITH r, properties(r) AS props DELETE r RETURN props
				""").withParameters(Map.of("policy", InboxIT.POLICY)).execute().records().get(0).get("props").asMap();
	}

	@AfterEach
	void putTheGraphBack() {
		this.driver.executableQuery("""
				MATCH (a:Entity {id: 'person:wilbur-ross'}), (b:Entity {id: $policy})
				MERGE (a)-[r:STATED]->(b) SET r = $props
				""").withParameters(Map.of("policy", InboxIT.POLICY, "props", this.storedStatement)).execute();
		this.driver.executableQuery("MATCH (p:Proposal) WHERE p.connector = 'document' DETACH DELETE p").execute();
	}

	@Test
	void aReviewerReadsAProposalBesideTheGraphAcceptsOneAndRejectsAnEditTheImporterRefuses() {
		Map<String, String> statement = new LinkedHashMap<>();
		statement.put("from", "person:wilbur-ross");
		statement.put("to", InboxIT.POLICY);
		statement.put("type", "STATED");
		statement.put("validFrom", "2019-05-16");
		statement.put("confidence", "0.85");
		statement.put("sources", InboxIT.SOURCE);
		statement.put("quote", InboxIT.QUOTE);
		statement.put("note", "statement in the Commerce announcement quoted by Converge Digest; dated to the 16 May "
				+ "2019 report (the announcement date itself is not given in the excerpt)");
		String statementId = this.inbox.proposeFromDocument(InboxIT.URL, "Ross: the listing keeps U.S. technology out",
				this.text, new ProposedRows(List.of(), List.of(), List.of(statement))).id();
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("from", InboxIT.POLICY);
		targets.put("to", "company:huawei");
		targets.put("type", "TARGETS");
		targets.put("validFrom", "2019-05-16");
		targets.put("confidence", "0.8");
		targets.put("sources", InboxIT.SOURCE);
		targets.put("quote", "Huawei and its affiliates have been added to the Bureau’s Entity List");
		String targetsId = this.inbox.proposeFromDocument(InboxIT.URL, "Huawei added to the Entity List", this.text,
				new ProposedRows(List.of(), List.of(), List.of(targets))).id();

		WebDriver browser = chromium.driver();
		browser.get("http://127.0.0.1:" + this.port + "/inbox.html");
		browser.findElement(By.id("api-key")).sendKeys(TestCredentials.WRITE_KEY);
		browser.findElement(By.id("load")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "proposal(s) pending"));
		assertThat(browser.findElements(By.cssSelector("#proposals button")).stream().map(WebElement::getText))
			.anySatisfy(label -> assertThat(label).startsWith("Ross: the listing keeps U.S. technology out"))
			.anySatisfy(label -> assertThat(label).startsWith("Huawei added to the Entity List"));

		// The statement: new to the graph, its quote marked where it stands in the text.
		open(browser, statementId);
		assertThat(browser.findElement(By.cssSelector("#text mark")).getText()).isEqualTo(InboxIT.QUOTE);
		assertThat(browser.findElement(By.cssSelector("table[data-kind=relationships] caption")).getText())
			.isEqualTo("relationship (person:wilbur-ross)-[:STATED]->(" + InboxIT.POLICY + ") (new)");
		chromium.screenshot("inbox-review");
		browser.findElement(By.id("accept")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Accepted by ci-writer"));
		assertThat(browser.findElement(By.xpath("//*[@id='provenance']/dt[.='recorded as']/following-sibling::dd[1]"))
			.getText()).as("the accept is a recorded change of the graph's history").matches("change:[0-9]+");
		assertThat(this.driver.executableQuery("""
				MATCH (:Entity {id: 'person:wilbur-ross'})-[r:STATED]->(:Entity {id: $policy}) RETURN r.quote AS quote
				""").withParameters(Map.of("policy", InboxIT.POLICY)).execute().records().get(0).get("quote").asString())
			.isEqualTo(InboxIT.QUOTE);

		// The TARGETS claim: the graph holds that edge, and the side-by-side shows where they differ.
		open(browser, targetsId);
		WebElement confidence = browser.findElement(
				By.xpath("//table[@data-kind='relationships']//tr[th='confidence']/td[2]"));
		assertThat(confidence.getText()).isEqualTo("0.97");
		assertThat(confidence.getDomAttribute("class")).isEqualTo("differs");
		WebElement edit = browser.findElement(By.id("edit"));
		String reversed = edit.getDomProperty("value")
			.replace("\"from\": \"" + InboxIT.POLICY + "\"", "\"from\": \"company:huawei\"")
			.replace("\"to\": \"company:huawei\"", "\"to\": \"" + InboxIT.POLICY + "\"");
		edit.clear();
		edit.sendKeys(reversed);
		browser.findElement(By.id("accept")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Not accepted"));
		assertThat(browser.findElement(By.id("problems")).getText())
			.startsWith("inbox/" + targetsId + "/relationships.csv:2: ")
			.contains("TARGETS");
		chromium.screenshot("inbox-refused");
		browser.findElement(By.id("reason")).sendKeys("the stored edge already cites the Federal Register");
		browser.findElement(By.id("reject")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Rejected by ci-writer"));
		assertThat(this.inbox.review(targetsId).proposal().status()).isEqualTo("rejected");
	}

	private void open(WebDriver browser, String id) {
		browser.findElement(By.cssSelector("#proposals button[data-id='" + id + "']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Reviewing " + id));
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

}
