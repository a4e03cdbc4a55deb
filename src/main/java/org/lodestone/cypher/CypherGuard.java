package org.lodestone.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neo4j.cypherdsl.core.Create;
import org.neo4j.cypherdsl.core.Delete;
import org.neo4j.cypherdsl.core.Foreach;
import org.neo4j.cypherdsl.core.FunctionInvocation;
import org.neo4j.cypherdsl.core.Merge;
import org.neo4j.cypherdsl.core.MergeAction;
import org.neo4j.cypherdsl.core.Remove;
import org.neo4j.cypherdsl.core.Set;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.Use;
import org.neo4j.cypherdsl.core.internal.LoadCSV;
import org.neo4j.cypherdsl.core.internal.ProcedureName;
import org.neo4j.cypherdsl.core.internal.UsingPeriodicCommit;
import org.neo4j.cypherdsl.parser.CypherParser;
import org.neo4j.cypherdsl.parser.UnsupportedCypherException;

/**
 * Parses a query with Cypher-DSL's parser and allows only read clauses, the read-only procedures in
 * {@link #PROCEDURES}, and built-in functions. Anything the parser does not know (SHOW, TERMINATE, schema and
 * administration commands) is refused too: what is not known to be a read is not run.
 */
final class CypherGuard {

	/** Read-only procedures a power user may call. */
	static final java.util.Set<String> PROCEDURES = java.util.Set.of("db.labels", "db.relationshiptypes",
			"db.propertykeys", "db.schema.visualization", "db.schema.nodetypeproperties",
			"db.schema.reltypeproperties", "db.index.fulltext.querynodes", "dbms.components");

	/** Namespaces of Cypher's own functions, such as {@code date.truncate} and {@code point.distance}. */
	static final java.util.Set<String> FUNCTION_NAMESPACES = java.util.Set.of("date", "datetime", "localdatetime",
			"localtime", "time", "duration", "point", "vector", "vector.similarity");

	private CypherGuard() {
	}

	/**
	 * @param query the query text
	 * @throws CypherForbiddenException when it is not an allowed read
	 * @throws InvalidCypherException when it does not parse
	 */
	static void check(String query) {
		check(query, java.util.Map.of(), QueryBounds.DEFAULT);
	}

	/**
	 * @param query the query text
	 * @param parameters its parameters
	 * @param bounds the most work it may ask for
	 * @throws CypherForbiddenException when it is not an allowed read
	 * @throws InvalidCypherException when it does not parse
	 * @throws QueryTooLargeException when it asks for more than the bounds allow
	 */
	static void check(String query, java.util.Map<String, Object> parameters, QueryBounds bounds) {
		Statement statement;
		try {
			statement = CypherParser.parse(query);
		}
		catch (UnsupportedCypherException ex) {
			throw new CypherForbiddenException(
					"Only read queries are allowed; administration, schema and transaction commands are refused");
		}
		catch (StackOverflowError ex) {
			throw new InvalidCypherException("The query is not valid Cypher: it is nested too deeply");
		}
		catch (RuntimeException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : "";
			// The parser prefixes its own exception class; users need only the position and the reason.
			message = message.replaceFirst("^([\\w$]+\\.)+[\\w$]*Exception: ", "");
			throw new InvalidCypherException("The query is not valid Cypher: " + message);
		}
		if (!CompleteParse.consumesAll(query)) {
			throw new InvalidCypherException("The query is not valid Cypher: only one statement is allowed, and "
					+ "nothing may follow it");
		}
		List<String> refused = new ArrayList<>();
		statement.accept(segment -> {
			if (segment instanceof Create || segment instanceof Merge || segment instanceof MergeAction
					|| segment instanceof Set || segment instanceof Remove || segment instanceof Delete
					|| segment instanceof Foreach) {
				refused.add("writes (" + segment.getClass().getSimpleName().toUpperCase(Locale.ROOT) + ")");
			}
			else if (segment instanceof LoadCSV || segment instanceof UsingPeriodicCommit) {
				refused.add("reads files or URLs (LOAD CSV)");
			}
			else if (segment instanceof Use) {
				refused.add("switches databases (USE)");
			}
			else if (segment instanceof ProcedureName name
					&& !PROCEDURES.contains(name.getQualifiedName().toLowerCase(Locale.ROOT))) {
				refused.add("calls the procedure " + name.getQualifiedName() + ", which is not on the allow-list");
			}
			else if (segment instanceof FunctionInvocation function && !builtIn(function.getFunctionName())) {
				refused.add("calls the function " + function.getFunctionName() + ", which is not built in");
			}
		});
		if (!refused.isEmpty()) {
			throw new CypherForbiddenException("Only read queries are allowed; this query "
					+ String.join(", ", refused.stream().distinct().toList()));
		}
		try {
			bounds.check(statement, parameters);
		}
		catch (StackOverflowError ex) {
			throw new QueryTooLargeException("is nested too deeply to be measured");
		}
	}

	private static boolean builtIn(String function) {
		int dot = function.lastIndexOf('.');
		return dot < 0 || FUNCTION_NAMESPACES.contains(function.substring(0, dot).toLowerCase(Locale.ROOT));
	}

}
