package org.lodestone.cypher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lodestone.web.QueryTimeoutException;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

import org.springframework.stereotype.Service;

/**
 * Runs a power user's query after {@link CypherGuard} allowed it, and after the engine's own plan of it confirms it
 * is read-only: a READ transaction with a timeout and a row cap, never retried.
 */
@Service
class CypherQueryService {

	private final Driver driver;

	private final Duration timeout;

	private final int maxRows;

	CypherQueryService(Driver driver, @org.springframework.beans.factory.annotation.Value("${lodestone.cypher.timeout:5s}") Duration timeout,
			@org.springframework.beans.factory.annotation.Value("${lodestone.cypher.max-rows:1000}") int maxRows) {
		this.driver = driver;
		this.timeout = timeout;
		this.maxRows = maxRows;
	}

	CypherResult run(String query, Map<String, Object> parameters) {
		CypherGuard.check(query);
		Map<String, Object> params = (parameters != null) ? parameters : Map.of();
		try (Session session = this.driver
			.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
			checkPlan(session, query, params);
			try (Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(this.timeout)
				.withMetadata(Map.of("app", "lodestone-cypher")).build())) {
				Result result = tx.run(query, params);
				List<String> columns = result.keys();
				List<List<Object>> rows = new ArrayList<>();
				boolean truncated = false;
				while (result.hasNext()) {
					if (rows.size() == this.maxRows) {
						truncated = true;
						break;
					}
					Record record = result.next();
					List<Object> row = new ArrayList<>();
					record.values().forEach(value -> row.add(json(value)));
					rows.add(row);
				}
				return new CypherResult(columns, rows, truncated);
			}
		}
		catch (ClientException ex) {
			throw new InvalidCypherException(clientMessage(ex));
		}
		catch (TransientException ex) {
			throw new InvalidCypherException("The query was stopped: it ran longer than " + this.timeout.toSeconds()
					+ " s or needed more memory than a query may use");
		}
	}

	// The parser's allow-list is the first line; the engine's own classification of its plan is the second.
	private void checkPlan(Session session, String query, Map<String, Object> params) {
		var summary = session.run("EXPLAIN " + query, params).consume();
		if (summary.queryType() != QueryType.READ_ONLY) {
			throw new CypherForbiddenException("Only read queries are allowed; the engine classifies this one as "
					+ summary.queryType().name().toLowerCase().replace('_', ' '));
		}
		if (summary.hasPlan() && usesForbiddenOperator(summary.plan())) {
			throw new CypherForbiddenException("Only read queries are allowed; this query loads files or URLs");
		}
	}

	private static boolean usesForbiddenOperator(Plan plan) {
		if (plan.operatorType().startsWith("LoadCSV")) {
			return true;
		}
		return plan.children().stream().anyMatch(CypherQueryService::usesForbiddenOperator);
	}

	// Engine messages can name files, ports and internal codes; only the first line of a client error, which is
	// about the query, is passed on.
	private static String clientMessage(ClientException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
		if (QueryTimeoutException.timedOut(ex)) {
			return "The query ran longer than allowed and was stopped";
		}
		return message.isBlank() ? "The query failed" : "The query failed: " + message;
	}

	static Object json(Value value) {
		Object object = value.asObject();
		return convert(object);
	}

	private static Object convert(Object object) {
		if (object instanceof Node node) {
			return node(node);
		}
		if (object instanceof Relationship relationship) {
			return Map.of("type", relationship.type(), "properties", properties(relationship.asMap()));
		}
		if (object instanceof Path path) {
			List<Object> nodes = new ArrayList<>();
			path.nodes().forEach(node -> nodes.add(node(node)));
			List<Object> relationships = new ArrayList<>();
			for (Path.Segment segment : path) {
				relationships.add(Map.of("type", segment.relationship().type(), "from",
						idOf(segment.relationship().startNodeElementId(), segment), "to",
						idOf(segment.relationship().endNodeElementId(), segment), "properties",
						properties(segment.relationship().asMap())));
			}
			return Map.of("nodes", nodes, "relationships", relationships);
		}
		if (object instanceof List<?> list) {
			return list.stream().map(CypherQueryService::convert).toList();
		}
		if (object instanceof Map<?, ?> map) {
			Map<String, Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put(String.valueOf(key), convert(item)));
			return converted;
		}
		return object;
	}

	private static Map<String, Object> node(Node node) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", node.get("id").asString(null));
		List<String> labels = new ArrayList<>();
		node.labels().forEach(labels::add);
		json.put("labels", labels);
		json.put("properties", properties(node.asMap()));
		return json;
	}

	private static String idOf(String elementId, Path.Segment segment) {
		Node node = segment.start().elementId().equals(elementId) ? segment.start() : segment.end();
		return node.get("id").asString(null);
	}

	private static Map<String, Object> properties(Map<String, Object> properties) {
		Map<String, Object> converted = new LinkedHashMap<>();
		properties.forEach((key, value) -> converted.put(key, convert(value)));
		return converted;
	}

}
