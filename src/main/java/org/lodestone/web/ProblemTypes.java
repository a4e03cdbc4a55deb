package org.lodestone.web;

import java.net.URI;

/**
 * The stable {@code type} URIs of Lodestone's problem details, documented in {@code docs/api.md}.
 */
public final class ProblemTypes {

	/** The dataset sent for import has problems. */
	public static final URI INVALID_DATASET = type("invalid-dataset");

	/** Another import is running. */
	public static final URI IMPORT_IN_PROGRESS = type("import-in-progress");

	/** A request parameter or body is malformed or out of range. */
	public static final URI INVALID_REQUEST = type("invalid-request");

	/** No entity matches the given id or name. */
	public static final URI ENTITY_NOT_FOUND = type("entity-not-found");

	/** A name matches several entities equally well. */
	public static final URI AMBIGUOUS_ENTITY = type("ambiguous-entity");

	/** A Cypher query that is not an allowed read. */
	public static final URI CYPHER_FORBIDDEN = type("cypher-forbidden");

	/** A query ran longer than allowed or needed more memory than a query may use. */
	public static final URI QUERY_TIMEOUT = type("query-timeout");

	/** Something failed on the server's side; details are in its log, not in the response. */
	public static final URI INTERNAL = type("internal");

	/** The engine is unreachable or refused the work. */
	public static final URI GRAPH_UNAVAILABLE = type("graph-unavailable");

	private ProblemTypes() {
	}

	private static URI type(String name) {
		return URI.create("urn:lodestone:problem:" + name);
	}

}
