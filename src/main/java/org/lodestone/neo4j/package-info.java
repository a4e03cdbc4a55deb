/**
 * The Neo4j engine's lifecycle: the embedded server (Bolt, HTTP, Browser) or the connection to an external one.
 */
package org.lodestone.neo4j;
