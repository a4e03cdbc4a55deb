package org.lodestone.guide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lodestone.IntegrationTest;
import org.lodestone.neo4j.CypherScript;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Neo4j Browser guide at {@code /guide}: Browser's markup, every analyst query, and the cross-origin headers
 * Browser needs to fetch it. {@code ExplorerPageIT} also plays it in a real Browser.
 */
class GuideIT extends IntegrationTest {

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:7474", "http://localhost:7474" })
	void guideIsServedAsHtmlToBrowsersDefaultOrigins(String origin) {
		this.rest.get().uri("/guide").header(HttpHeaders.ORIGIN, origin).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	}

	@Test
	void embeddedBrowsersOwnOriginIsAllowedUnderBothHostNames() {
		for (String origin : List.of("http://127.0.0.1:" + HTTP_PORT, "http://localhost:" + HTTP_PORT)) {
			this.rest.get().uri("/guide").header(HttpHeaders.ORIGIN, origin).exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
		}
	}

	@Test
	void browsersPreflightForItsCacheHeadersIsAnswered() {
		// Browser sends Pragma and Cache-Control with its guide request, so the real browser asks first.
		this.rest.options().uri("/guide")
			.header(HttpHeaders.ORIGIN, "http://127.0.0.1:7474")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "cache-control,pragma")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://127.0.0.1:7474")
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					value -> assertThat(value.toLowerCase()).contains("cache-control", "pragma"));
	}

	@Test
	void otherOriginsGetNoCorsHeader() {
		this.rest.get().uri("/guide").header(HttpHeaders.ORIGIN, "http://evil.example").exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.rest.get().uri("/api/info").header(HttpHeaders.ORIGIN, "http://127.0.0.1:7474").exchange()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void guideHoldsEveryQueryFileAsRunnableCode() throws IOException {
		String html = guide();
		List<Path> files = queryFiles();
		assertThat(files).hasSizeGreaterThanOrEqualTo(5);
		assertThat(html).contains("<article class=\"guide\">", "<carousel class=\"deck container-fluid\">");
		assertThat(count(html, "<slide class=\"row-fluid\">")).isEqualTo(files.size() + 3);
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(html).as(file.toString()).contains("cypher/queries/" + file.getFileName());
			for (String statement : CypherScript.statements(text)) {
				assertThat(html).as(file.toString()).contains(runnable(statement));
			}
			text.lines().map(String::strip).filter(line -> line.startsWith("// :param")).forEach(line -> {
				String command = line.substring(3).replaceAll(";$", "");
				assertThat(html).as(file.toString()).contains(runnable(command));
			});
		}
	}

	@Test
	void guideStartsWithTheDatasetAndTheQuestionTheProjectAnswers() throws IOException {
		String html = guide();
		String header = Files.readAllLines(Path.of("cypher", "seed.cypher")).get(2);
		assertThat(header).matches("// \\d+ sources, \\d+ entities, \\d+ relationships\\.");
		String[] numbers = header.replaceAll("[^0-9 ]", "").trim().split("\\s+");
		assertThat(html).contains(numbers[1] + " entities, " + numbers[2] + " relationships and " + numbers[0]
				+ " sources");
		assertThat(html.indexOf("What connects H20 to NdPr?")).isLessThan(html.indexOf("What depends on"));
		assertThat(html).contains(runnable(":play http://localhost:")).contains("/guide</pre>");
	}

	@Test
	void neo4jLetsBrowserPlayGuidesFromThisHost() {
		var rows = this.driver.executableQuery("CALL dbms.clientConfig() YIELD name, value "
				+ "WHERE name = 'browser.remote_content_hostname_whitelist' RETURN value").execute().records();
		assertThat(rows).singleElement()
			.satisfies(row -> assertThat(List.of(row.get("value").asString().split("\\s*,\\s*")))
				.contains("localhost", "127.0.0.1"));
	}

	private String guide() {
		return this.rest.get().uri("/guide").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

	private static String runnable(String cypher) {
		return "<pre class=\"pre-scrollable code runnable\">" + HtmlUtils.htmlEscape(cypher, "UTF-8");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private static List<Path> queryFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("cypher", "queries"))) {
			return files.filter(file -> file.toString().endsWith(".cypher")).sorted().toList();
		}
	}

}
