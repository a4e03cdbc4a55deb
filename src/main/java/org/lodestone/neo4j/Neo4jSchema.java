package org.lodestone.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.Driver;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/*.cypher} at every start. The statements use {@code IF NOT EXISTS}, so this is
 * idempotent, and it runs before the dataset is loaded.
 */
@Component
@Order(0)
public class Neo4jSchema implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(Neo4jSchema.class);

	private static final String AWAIT_INDEXES = CypherResources.load(Neo4jSchema.class, "await-indexes.cypher");

	private final Driver driver;

	Neo4jSchema(Driver driver) {
		this.driver = driver;
	}

	@Override
	public void run(ApplicationArguments args) {
		apply();
	}

	/**
	 * Applies the schema and waits for its indexes to come online.
	 */
	public void apply() {
		List<String> statements = statements();
		try (var session = this.driver.session()) {
			for (String statement : statements) {
				session.run(statement).consume();
			}
			session.run(AWAIT_INDEXES).consume();
		}
		logger.info("Schema applied: " + statements.size() + " statements from cypher/schema/");
	}

	/**
	 * @return the schema statements of every file in {@code cypher/schema/}, in file name order
	 */
	public static List<String> statements() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:cypher/schema/*.cypher");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<String> statements = new ArrayList<>();
			for (Resource file : files) {
				statements.addAll(CypherScript.statements(file.getContentAsString(StandardCharsets.UTF_8)));
			}
			return statements;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
