package org.lodestone.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import org.lodestone.support.StoredGraph;
import org.lodestone.support.TestCredentials;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets in where, on the running application with reads open (the default).
 */
class ApiAccessIT extends IntegrationTest {

	/** Every endpoint that may answer a request without a credential when reads are open. */
	static final Set<String> INTENDED_ANONYMOUS = Set.of("GET /api/info", "GET /api/entities", "GET /api/entities/{id}",
			"GET /api/entities/{id}/neighbors", "GET /api/entities/{id}/timeline", "GET /api/paths", "POST /api/cypher",
			"GET /api/export", "GET /guide", "GET /", "GET /error", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
			"GET /v3/api-docs/swagger-config", "GET /swagger-ui.html", "GET /actuator", "GET /actuator/health",
			"GET /actuator/info", "GET /api/linkages", "GET /api/exposure/{id}", "POST /api/scenarios", "GET /api/diff",
			"GET /api/calendar", "GET /api/calendar.ics", "GET /api/analytics/central", "GET /api/changes",
			"GET /api/changes.atom", "GET /api/entities/{id}/history", "GET /api/entities/{id}/history.atom",
			"GET /api/paths.atom", "GET /api/measures", "GET /api/measures/in-force", "GET /api/supply",
			"GET /api/reconcile", "POST /api/reconcile", "GET /api/reconcile/suggest/entity",
			"GET /api/reconcile/suggest/type", "GET /api/reconcile/preview");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	RestTestClient rest;

	@Autowired
	Driver driver;

	@Test
	void onlyTheIntendedEndpointsAnswerWithoutACredential() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<RequestMethod> tried = methods.isEmpty()
					? List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE)
					: new ArrayList<>(methods);
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod requestMethod : tried) {
					endpoints.add(requestMethod.name() + " " + pattern);
				}
			}
		});
		endpoints.addAll(List.of("GET /actuator", "GET /actuator/health", "GET /actuator/info"));
		assertThat(endpoints).as("the enumeration found the API").contains("POST /api/import", "POST /api/cypher",
				"GET /api/paths");

		Set<String> anonymous = new TreeSet<>();
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
			int status = this.rest.method(HttpMethod.valueOf(method)).uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status != 401 && status != 403) {
				anonymous.add(endpoint);
			}
			else {
				this.rest.method(HttpMethod.valueOf(method)).uri(path).exchange()
					.expectStatus().isUnauthorized()
					.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:unauthorized");
			}
		}
		assertThat(anonymous).as("endpoints answering without a credential").isSubsetOf(INTENDED_ANONYMOUS);
		assertThat(anonymous).as("reads are open by default").contains("GET /api/info", "GET /api/paths",
				"POST /api/cypher", "GET /api/entities/{id}");
		assertThat(endpoints).filteredOn(endpoint -> !INTENDED_ANONYMOUS.contains(endpoint))
			.as("every other endpoint needs a credential")
			.isNotEmpty()
			.allSatisfy(endpoint -> assertThat(anonymous).doesNotContain(endpoint));
	}

	@Test
	void importNeedsAWriteCredential() {
		StoredGraph before = StoredGraph.read(this.driver);
		// Missing, bad and read-only credentials: 401, 401, 403, and the upload (which would add an entity) changes
		// nothing.
		importWith(null).expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "ApiKey .*")
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:unauthorized")
			.jsonPath("$.detail").isEqualTo("This request needs a credential: an X-API-Key header or HTTP Basic");
		for (String[] bad : List.of(new String[] { "X-API-Key", "wrong-key" },
				new String[] { "X-API-Key", TestCredentials.WRITE_KEY + "x" }, new String[] { "X-API-Key", "" },
				basic(TestCredentials.WRITER, "wrong-pass"), basic("nobody", TestCredentials.WRITER_PASSWORD),
				new String[] { "Authorization", "Basic !!!not-base64" })) {
			importWith(bad).expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.detail").isEqualTo("The credential was not accepted");
		}
		for (String[] readOnly : List.of(new String[] { "X-API-Key", TestCredentials.READ_KEY },
				basic(TestCredentials.READER, TestCredentials.READER_PASSWORD))) {
			importWith(readOnly).expectStatus().isForbidden()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:forbidden");
		}
		assertThat(StoredGraph.read(this.driver)).isEqualTo(before);
	}

	@Test
	void writeCredentialsReachTheImporter() {
		// An upload naming a file the importer does not accept: a 400 from the controller proves the request got
		// past authentication and authorization without writing anything.
		for (String[] writer : List.of(new String[] { "X-API-Key", TestCredentials.WRITE_KEY },
				basic(TestCredentials.WRITER, TestCredentials.WRITER_PASSWORD))) {
			MultipartBodyBuilder body = new MultipartBodyBuilder();
			body.part("files", new ByteArrayResource("x".getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return "notes.txt";
				}
			});
			this.rest.post().uri("/api/import").header(writer[0], writer[1]).contentType(MediaType.MULTIPART_FORM_DATA)
				.body(body.build())
				.exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.parameter").isEqualTo("files");
		}
	}

	@Test
	void readsAreOpenAndCredentialsAreStillChecked() {
		this.rest.get().uri("/api/info").exchange().expectStatus().isOk();
		this.rest.get().uri("/api/info").header("X-API-Key", TestCredentials.READ_KEY).exchange().expectStatus().isOk();
		// A wrong credential is refused even where none is needed, rather than silently ignored.
		this.rest.get().uri("/api/info").header("X-API-Key", "wrong").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void noSessionCookieAndNoCorsByDefault() {
		this.rest.get().uri("/api/info").header("X-API-Key", TestCredentials.READ_KEY).exchange()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		this.rest.get().uri("/api/info").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.rest.options().uri("/api/cypher").header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	private RestTestClient.ResponseSpec importWith(String[] credential) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("files", new ByteArrayResource("""
				id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources
				company:auth-probe,Company,Auth probe,,,,,,,
				""".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "entities-auth.csv";
			}
		});
		RestTestClient.RequestBodySpec request = this.rest.post().uri("/api/import");
		if (credential != null) {
			request = request.header(credential[0], credential[1]);
		}
		return request.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
	}

	static String[] basic(String user, String password) {
		return new String[] { "Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) };
	}

	static String concrete(String pattern) {
		String path = pattern.replaceAll("\\{\\*?[^}]*}", "probe").replace("/**", "/probe");
		return path.isEmpty() ? "/" : path;
	}

}
