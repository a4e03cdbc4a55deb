package org.lodestone.mcp;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Who sent an MCP request over HTTP, as the application's security established it before the request reached the
 * MCP servlet: the credential's name and whether it holds the WRITE role. The transport hands it to the tools with
 * each request, so the one tool that writes ({@code propose_fact}) applies the credential's rights as the REST API
 * does. A request without one (stdio, or a transport that carries no credential) may not write.
 *
 * @param name the credential's name, or {@code null} when anonymous
 * @param mayWrite whether the credential holds the WRITE role
 */
record Caller(String name, boolean mayWrite) {

	/** Where the transport context holds the caller. */
	static final String KEY = "lodestone.caller";

	/** The role, as the security configuration grants it, that proposing a fact needs. */
	static final String WRITE_ROLE = "WRITE";

	static final Caller ANONYMOUS = new Caller(null, false);

	/**
	 * @param context a request's transport context
	 * @return the caller it carries, anonymous when none
	 */
	static Caller of(McpTransportContext context) {
		return (context != null && context.get(KEY) instanceof Caller caller) ? caller : ANONYMOUS;
	}

}
