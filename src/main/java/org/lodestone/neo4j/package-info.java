/**
 * The Neo4j engine's lifecycle (the embedded server with Bolt, HTTP and Browser, or the connection to an external
 * one), the read path the services share, in-process when the engine is embedded, and its neutral timeout exception.
 */
package org.lodestone.neo4j;
