package org.lodestone.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.lodestone.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation endpoint as OpenRefine uses it, on the bundled dataset: the spec's own example batches, and every
 * answer validated against the spec's JSON schemas (src/test/resources/reconciliation-0.2).
 */
class ReconcileIT extends IntegrationTest {

	private static final String SPEC = "https://reconciliation-api.github.io/specs/0.2/schemas/";

	// The schemas name their dialect "http://json-schema.org/schema#" (the latest draft, when they were written:
	// draft 7); their $refs resolve to the vendored copies, so nothing is downloaded.
	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
			builder -> builder
				.dialectRegistry(new BasicDialectRegistry(List.of(Dialects.getDraft7(),
						Dialect.builder("http://json-schema.org/schema#", Dialects.getDraft7()).build())))
				.schemas(iri -> iri.startsWith(SPEC) ? resource("schemas/" + iri.substring(SPEC.length())) : null));

	@Autowired
	RestTestClient rest;

	@Autowired
	JsonMapper json;

	@Test
	void theManifestDescribesTheServiceAndValidates() {
		JsonNode manifest = get("/api/reconcile");
		assertValid("manifest.json", manifest);
		assertThat(manifest.get("versions").get(0).asString()).isEqualTo("0.2");
		assertThat(manifest.get("defaultTypes").findValuesAsString("id")).containsExactly("Actor", "Product",
				"Mineral", "Policy", "Linkage");
		assertThat(manifest.get("batchSize").asInt()).isEqualTo(ReconciliationService.MAX_BATCH);
		String suggest = manifest.get("suggest").get("entity").get("service_url").asString()
				+ manifest.get("suggest").get("entity").get("service_path").asString();
		assertThat(suggest).endsWith("/api/reconcile/suggest/entity").startsWith("http://localhost:");
		assertThat(manifest.get("preview").get("url").asString()).endsWith("/api/reconcile/preview?id={{id}}");
	}

	@Test
	void aColumnOfCompanyNamesReconcilesToLodestoneIdsByPost() {
		JsonNode results = post("""
				{"q0": {"query": "Nvidia Corporation", "type": "Company"},
				 "q1": {"query": "asml holding nv", "type": "Company", "limit": 3},
				 "q2": {"query": "Tokyo Electron Ltd."},
				 "q3": {"query": "Acme Widgets Unlimited", "type": "Company"}}""");
		assertValid("reconciliation-result-batch.json", results);
		assertThat(results.propertyNames()).containsExactly("q0", "q1", "q2", "q3");

		JsonNode nvidia = results.get("q0").get("result").get(0);
		assertThat(nvidia.get("id").asString()).isEqualTo("company:nvidia");
		assertThat(nvidia.get("score").asDouble()).isEqualTo(100.0);
		assertThat(nvidia.get("match").asBoolean()).as("an exact alias, the only one: safe to accept").isTrue();
		assertThat(nvidia.get("type").findValuesAsString("id")).containsExactly("Company", "Actor");

		JsonNode asml = results.get("q1").get("result");
		assertThat(asml.size()).isLessThanOrEqualTo(3);
		assertThat(asml.get(0).get("id").asString()).as("alias matched whatever the case").isEqualTo("company:asml");
		assertThat(asml.get(0).get("match").asBoolean()).isTrue();

		JsonNode tel = results.get("q2").get("result").get(0);
		assertThat(tel.get("id").asString()).isEqualTo("company:tokyo-electron");
		assertThat(tel.get("match").asBoolean()).isTrue();

		assertThat(ids(results.get("q3").get("result"))).as("nothing is called Acme").isEmpty();
	}

	@Test
	void aNearMissIsACandidateButNotAMatch() {
		JsonNode result = post("{\"q0\": {\"query\": \"Nvidia Corp.\"}, \"q1\": {\"query\": \"Lutnik\"}}");
		assertValid("reconciliation-result-batch.json", result);
		JsonNode nvidia = result.get("q0").get("result").get(0);
		// "Nvidia Corp" is an alias; the full stop makes the text differ, the similarity sees through it
		assertThat(nvidia.get("id").asString()).isEqualTo("company:nvidia");
		assertThat(nvidia.get("match").asBoolean()).isFalse();
		assertThat(nvidia.get("score").asDouble()).as("alike once punctuation is ignored, but not equal").isEqualTo(99.0);
		JsonNode lutnick = result.get("q1").get("result").get(0);
		assertThat(lutnick.get("id").asString()).isEqualTo("person:howard-lutnick");
		assertThat(lutnick.get("match").asBoolean()).isFalse();
	}

	@Test
	void theTypeFiltersByKindOrSubtype() {
		JsonNode results = get("/api/reconcile?queries={queries}", """
				{"asPerson": {"query": "Lutnick", "type": "Person"},
				 "asPolicy": {"query": "Lutnick", "type": ["Policy", "Linkage"]},
				 "asActor":  {"query": "Lutnick", "type": "actor", "type_strict": "any"}}""");
		assertValid("reconciliation-result-batch.json", results);
		assertThat(ids(results.get("asPerson").get("result"))).contains("person:howard-lutnick");
		assertThat(ids(results.get("asPolicy").get("result")))
			.doesNotContain("person:howard-lutnick");
		results.get("asPolicy").get("result").forEach(candidate -> assertThat(
				candidate.get("type").findValuesAsString("id")).containsAnyOf("Policy", "Linkage"));
		assertThat(results.get("asActor").get("result").get(0).get("id").asString())
			.isEqualTo("person:howard-lutnick");
	}

	@Test
	void anIdAsQueryFindsItsEntity() {
		JsonNode results = post("{\"q0\": {\"query\": \"mineral:ndpr\"}}");
		JsonNode first = results.get("q0").get("result").get(0);
		assertThat(first.get("id").asString()).isEqualTo("mineral:ndpr");
		assertThat(first.get("match").asBoolean()).isTrue();
	}

	@Test
	void theSpecsValidExampleBatchesAreAnswered() {
		// example-min: two names the graph does not hold; each query still gets its (empty) result
		JsonNode min = post(example("query-batch-valid-example-min.json"));
		assertValid("reconciliation-result-batch.json", min);
		assertThat(min.propertyNames()).containsExactly("q1", "q2");
		assertThat(ids(min.get("q1").get("result"))).isEmpty();

		// no-query-string: properties alone; Lodestone offers no properties, so nothing to match by
		JsonNode properties = post(example("query-batch-valid-no-query-string.json"));
		assertValid("reconciliation-result-batch.json", properties);
		assertThat(properties.get("q1").get("result").size()).isZero();

		// example-full names the GND's type DifferentiatedPerson, which is no Lodestone type: a clear 400
		postRaw(example("query-batch-valid-example-full.json")).expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.parameter").isEqualTo("queries")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("DifferentiatedPerson"));
		// the same batch with Lodestone's type is answered, its properties and type_strict accepted
		JsonNode full = post(example("query-batch-valid-example-full.json").replace("DifferentiatedPerson", "Person"));
		assertValid("reconciliation-result-batch.json", full);
		assertThat(full.propertyNames()).containsExactly("q0", "q1");
	}

	@Test
	void theSpecsInvalidExampleBatchesAreRefusedNamingTheFault() {
		postRaw(example("query-batch-invalid-empty-query.json")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("queries")
			.jsonPath("$.detail").isEqualTo("query 'q1' needs a query or properties");
		postRaw(example("query-batch-invalid-misnamed-property.json")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
				.contains("unknown field 'props'"));
		postRaw("[{\"query\": \"x\"}]").expectStatus().isBadRequest();
		postRaw("{\"q0\": ").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.parameter").isEqualTo("queries");
		postRaw("{\"q0\": {\"query\": \"x\", \"limit\": 0}}").expectStatus().isBadRequest();
	}

	@Test
	void batchesAndLimitsAreBounded() {
		String tooMany = IntStream.rangeClosed(0, ReconciliationService.MAX_BATCH)
			.mapToObj(i -> "\"q" + i + "\": {\"query\": \"Nvidia\"}")
			.reduce((a, b) -> a + "," + b).map(body -> "{" + body + "}").orElseThrow();
		postRaw(tooMany).expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:lodestone:problem:payload-too-large");
		JsonNode wide = post("{\"q0\": {\"query\": \"a\", \"limit\": 100000}}");
		assertThat(wide.get("q0").get("result").size()).isLessThanOrEqualTo(ReconciliationService.MAX_CANDIDATES);
		postRaw("{\"q0\": {\"query\": \"" + "x".repeat(201) + "\"}}").expectStatus().isBadRequest();
		postRaw("{\"q0\": {\"query\": \"x\", \"type\": [\"Actor\",\"Actor\",\"Actor\",\"Actor\",\"Actor\",\"Actor\"]}}")
			.expectStatus().isBadRequest();
	}

	@Test
	void suggestCompletesEntitiesAndTypes() {
		JsonNode entities = get("/api/reconcile/suggest/entity?prefix={prefix}", "Lutn");
		assertValid("suggest-entities-response.json", entities);
		assertThat(entities.get("result").get(0).get("id").asString()).isEqualTo("person:howard-lutnick");
		assertThat(entities.get("result").get(0).get("notable").findValuesAsString("id")).contains("Person");
		JsonNode byId = get("/api/reconcile/suggest/entity?prefix={prefix}", "company:nvidia");
		assertThat(byId.get("result").get(0).get("id").asString()).isEqualTo("company:nvidia");
		JsonNode chips = get("/api/reconcile/suggest/entity?prefix={prefix}&type=Chip", "Nvidia");
		assertThat(ids(chips.get("result"))).isNotEmpty().allMatch(id -> id.startsWith("product:"));
		JsonNode page2 = get("/api/reconcile/suggest/entity?prefix={prefix}&type=Chip&cursor=1", "Nvidia");
		assertThat(page2.get("result").get(0).get("id").asString())
			.isEqualTo(chips.get("result").get(1).get("id").asString());

		JsonNode types = get("/api/reconcile/suggest/type?prefix={prefix}", "com");
		assertValid("suggest-types-response.json", types);
		assertThat(ids(types.get("result"))).containsExactly("Company", "Component");
		assertThat(types.get("result").get(0).get("broader").get(0).get("id").asString()).isEqualTo("Actor");
		assertThat(ids(get("/api/reconcile/suggest/type?prefix={prefix}", "deal").get("result")))
			.containsExactly("TradeDeal");

		this.rest.get().uri("/api/reconcile/suggest/entity?prefix=x&cursor=-1").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("cursor");
		this.rest.get().uri("/api/reconcile/suggest/entity?prefix=x&type=Planet").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("type");
	}

	@Test
	void thePreviewIsEscapedHtmlThatOnlyAllowedOriginsMayFrame() {
		String html = this.rest.get().uri("/api/reconcile/preview?id={id}", "company:nvidia").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().doesNotExist("X-Frame-Options")
			.expectHeader().valueMatches("Content-Security-Policy", ".*frame-ancestors 'self'(;| ).*")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).contains("<h1", "Nvidia</h1>", "Company (Actor)", "company:nvidia", "NVIDIA Corporation",
				"wikidata <code>Q182477</code>");
		this.rest.get().uri("/api/reconcile/preview?id={id}", "company:no-such-firm").exchange()
			.expectStatus().isNotFound();
		// every other answer still refuses to be framed
		this.rest.get().uri("/api/reconcile").exchange()
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().valueMatches("Content-Security-Policy", ".*frame-ancestors 'none'.*");
	}

	/** The candidates' ids, not their types'. */
	private static List<String> ids(JsonNode result) {
		List<String> ids = new ArrayList<>();
		result.forEach(candidate -> ids.add(candidate.get("id").asString()));
		return ids;
	}

	private JsonNode get(String uri, Object... variables) {
		String body = this.rest.get().uri(uri, variables).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		return this.json.readTree(body);
	}

	@Test
	void aBrowserPageFromAnyOriginMayReconcileWithoutCredentialsButTheRestOfTheApiStaysClosed() {
		String refine = "http://127.0.0.1:3333";
		// The preflight a browser sends before OpenRefine's POST (its form POST would need none; a JSON client's does).
		this.rest.options().uri("/api/reconcile").header(HttpHeaders.ORIGIN, refine)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
				.contains("GET").contains("POST"))
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
		this.rest.get().uri("/api/reconcile").header(HttpHeaders.ORIGIN, "https://any.example").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		this.rest.get().uri("/api/reconcile/suggest/entity?prefix=nvid").header(HttpHeaders.ORIGIN, refine).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("queries", "{\"q0\": {\"query\": \"Nvidia Corporation\"}}");
		this.rest.post().uri("/api/reconcile").header(HttpHeaders.ORIGIN, refine)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		// A page may not send a credential along: a browser would refuse the request after this preflight.
		this.rest.options().uri("/api/reconcile").header(HttpHeaders.ORIGIN, refine)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-api-key")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

		// Elsewhere nothing changed: no CORS answer for a foreign origin, and its preflight is not let through.
		this.rest.get().uri("/api/paths?from={from}&to={to}", "H20", "NdPr").header(HttpHeaders.ORIGIN, refine)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.rest.options().uri("/api/paths").header(HttpHeaders.ORIGIN, refine)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	private JsonNode post(String queries) {
		String body = postRaw(queries).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		return this.json.readTree(body);
	}

	private RestTestClient.ResponseSpec postRaw(String queries) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("queries", queries);
		return this.rest.post().uri("/api/reconcile").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.body(form).exchange();
	}

	private static void assertValid(String schema, JsonNode answer) {
		Schema compiled = SCHEMAS.getSchema(SchemaLocation.of(SPEC + schema));
		List<Error> errors = compiled.validate(answer);
		assertThat(errors).as("%s against %s", answer, schema).isEmpty();
	}

	private static String example(String name) {
		return resource("examples/" + name);
	}

	private static String resource(String name) {
		try (InputStream in = ReconcileIT.class.getResourceAsStream("/reconciliation-0.2/" + name)) {
			if (in == null) {
				return null;
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
