/**
 * The MCP (Model Context Protocol) server for AI assistants: read-only tools over the entity, path, analysis and
 * Cypher services and one tool that proposes a fact into the inbox, the ontology and analyst queries as resources,
 * and analyst workflows as prompts, served over Streamable HTTP at {@code /mcp} and over stdio by the {@code mcp}
 * command.
 */
package org.lodestone.mcp;
