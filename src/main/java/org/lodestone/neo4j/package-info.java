/**
 * The Neo4j engine's lifecycle (the embedded server with Bolt, HTTP and Browser, or the connection to an external
 * one) and the read path the services share, in-process when the engine is embedded.
 */
package org.lodestone.neo4j;
