/**
 * Who may do what over HTTP: API keys and HTTP Basic users with READ and WRITE roles, the rules that keep reads open
 * (or not) and writes closed, CORS, and per-client rate limiting. Errors are problem details like everywhere else.
 */
package org.lodestone.security;
