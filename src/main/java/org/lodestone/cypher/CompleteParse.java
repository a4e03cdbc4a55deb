package org.lodestone.cypher;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.neo4j.cypherdsl.parser.Options;
import org.neo4j.cypherdsl.parser.internal.parser.javacc.Cypher;
import org.neo4j.cypherdsl.parser.internal.parser.javacc.CypherCharStream;
import org.neo4j.cypherdsl.parser.internal.parser.javacc.CypherConstants;
import org.neo4j.cypherdsl.parser.internal.parser.javacc.Token;

/**
 * Whether Cypher-DSL's parser consumed the whole query. Its {@code CypherParser.parse} stops at the end of the first
 * statement and silently ignores whatever follows: {@code MATCH (n) RETURN n; MATCH (m) DETACH DELETE m} and
 * {@code RETURN 1 ) CREATE (x)} both parse as the harmless first part (found by the fuzz test). The allow-list must
 * judge the text the engine would run, so this runs the same JavaCC grammar and looks at the token after the
 * statement: only the end of input, or one semicolon before it, is accepted.
 * <p>
 * The parser and its AST factory are internals of Cypher-DSL 2025.2 (reached by reflection where they are not
 * public); {@code CypherGuardTests} fails loudly if an upgrade changes them.
 */
final class CompleteParse {

	private static final Object FACTORY;

	private static final Object EXCEPTIONS;

	private static final Constructor<?> PARSER;

	static {
		try {
			Class<?> factoryType = Class.forName("org.neo4j.cypherdsl.parser.CypherDslASTFactory");
			Method getInstance = factoryType.getDeclaredMethod("getInstance", Options.class);
			getInstance.setAccessible(true);
			FACTORY = getInstance.invoke(null, Options.defaultOptions());
			Class<?> exceptionsType = Class.forName("org.neo4j.cypherdsl.parser.CypherDslASTExceptionFactory");
			Field instance = exceptionsType.getDeclaredField("INSTANCE");
			instance.setAccessible(true);
			EXCEPTIONS = instance.get(null);
			PARSER = Cypher.class.getConstructor(
					Class.forName("org.neo4j.cypherdsl.parser.internal.ast.factory.ASTFactory"),
					Class.forName("org.neo4j.cypherdsl.parser.internal.parser.common.ast.factory.ASTExceptionFactory"),
					Class.forName("org.neo4j.cypherdsl.parser.internal.parser.javacc.CharStream"));
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private CompleteParse() {
	}

	/**
	 * @param query a query {@code CypherParser.parse} accepted
	 * @return whether nothing but an optional semicolon follows the statement it parsed
	 */
	@SuppressWarnings("rawtypes")
	static boolean consumesAll(String query) {
		try {
			Cypher parser = (Cypher) PARSER.newInstance(FACTORY, EXCEPTIONS, new CypherCharStream(query));
			parser.Statement();
			Token next = parser.getToken(1);
			if (next.kind == CypherConstants.SEMICOLON) {
				next = parser.getToken(2);
			}
			return next.kind == CypherConstants.EOF;
		}
		catch (Exception | StackOverflowError ex) {
			return false;
		}
	}

}
