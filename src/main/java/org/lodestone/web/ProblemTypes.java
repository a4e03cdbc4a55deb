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

	/** No proposal in the inbox has the given id. */
	public static final URI PROPOSAL_NOT_FOUND = type("proposal-not-found");

	/** The proposal was already accepted or rejected. */
	public static final URI PROPOSAL_DECIDED = type("proposal-decided");

	/** A connector's source could not be fetched or read; nothing was proposed. */
	public static final URI CONNECTOR_FAILED = type("connector-failed");

	/** A Cypher query that is not an allowed read. */
	public static final URI CYPHER_FORBIDDEN = type("cypher-forbidden");

	/** A query ran longer than allowed or needed more memory than a query may use. */
	public static final URI QUERY_TIMEOUT = type("query-timeout");

	/** A query asks for more work than one request may: too deep, too many clauses or pattern nodes, a list too long. */
	public static final URI QUERY_TOO_LARGE = type("query-too-large");

	/** Every thread that serves user queries is busy; {@code Retry-After} says when to try again. */
	public static final URI BUSY = type("busy");

	/** The request names a host this server does not answer to ({@code lodestone.security.allowed-hosts}). */
	public static final URI MISDIRECTED = type("misdirected-request");

	/** Something failed on the server's side; details are in its log, not in the response. */
	public static final URI INTERNAL = type("internal");

	/** The engine is unreachable or refused the work. */
	public static final URI GRAPH_UNAVAILABLE = type("graph-unavailable");

	/** The request needs a credential, or the one given was not accepted. */
	public static final URI UNAUTHORIZED = type("unauthorized");

	/** The credential given does not allow the request. */
	public static final URI FORBIDDEN = type("forbidden");

	/** The client sent too many requests; {@code Retry-After} says when to try again. */
	public static final URI RATE_LIMITED = type("rate-limited");

	/** The request body or an uploaded file is larger than allowed. */
	public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");

	/** An export holds more nodes and relationships than may be downloaded without a credential. */
	public static final URI EXPORT_TOO_LARGE = type("export-too-large");

	/** No endpoint or page at this path. */
	public static final URI NOT_FOUND = type("not-found");

	/** The path exists but not for this HTTP method. */
	public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");

	/** The request body's media type is not one the endpoint reads. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");

	/** None of the media types the client accepts can be produced. */
	public static final URI NOT_ACCEPTABLE = type("not-acceptable");

	private ProblemTypes() {
	}

	/**
	 * @param status an HTTP status
	 * @return the stable type for a status that has no more specific one
	 */
	public static URI forStatus(int status) {
		return switch (status) {
			case 400 -> INVALID_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 421 -> MISDIRECTED;
			case 429 -> RATE_LIMITED;
			case 503 -> GRAPH_UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL : type("http-" + status);
		};
	}

	private static URI type(String name) {
		return URI.create("urn:lodestone:problem:" + name);
	}

}
