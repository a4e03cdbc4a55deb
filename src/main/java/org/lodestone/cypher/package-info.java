/**
 * Read-only Cypher for power users: an allow-list checked on the parsed query before it reaches the engine.
 */
package org.lodestone.cypher;
