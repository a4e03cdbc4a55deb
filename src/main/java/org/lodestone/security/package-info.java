/**
 * Who may do what over HTTP: API keys and HTTP Basic users with READ and WRITE roles, the rules that keep reads open
 * (or not) and writes closed, the Host allow-list, the checks made before a body is read, CORS and per-client rate
 * limiting, each refusal written as problem details.
 */
package org.lodestone.security;
