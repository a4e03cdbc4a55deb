package org.lodestone.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The MCP sessions open over HTTP, counted so that there are never more than a configured number at once and a
 * session nobody has used for the idle timeout ends. Every session holds memory on the server (its handlers, the
 * messages of an open stream), and a client that initializes in a loop, or many that never say goodbye, would
 * otherwise grow it without bound. A session with a request in flight (a tool call, an open event stream) is in use,
 * however long the request lasts.
 * <p>
 * This is the authority on which sessions live: a session it has ended is unknown to the server from then on (404,
 * which tells a client to initialize again), and the SDK's own sweep frees its memory (see
 * {@code McpHttpConfiguration}).
 */
final class McpSessions {

	private final int maxSessions;

	private final Duration idleTimeout;

	private final Clock clock;

	private final Map<String, Session> sessions = new HashMap<>();

	// Initializations under way: they hold a place until the server answers with their session's id, so that
	// concurrent initializations cannot pass the cap together.
	private int reserved;

	McpSessions(int maxSessions, Duration idleTimeout, Clock clock) {
		if (maxSessions < 1) {
			throw new IllegalArgumentException("lodestone.mcp.max-sessions must be at least 1, got " + maxSessions);
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("lodestone.mcp.session-idle-timeout must be positive, got "
					+ idleTimeout);
		}
		this.maxSessions = maxSessions;
		this.idleTimeout = idleTimeout;
		this.clock = clock;
	}

	int maxSessions() {
		return this.maxSessions;
	}

	Duration idleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Holds a place for a new session, if there is one.
	 * @return {@code false} when the sessions in use (and those being opened) already reach the cap
	 */
	synchronized boolean reserve() {
		expire();
		if (this.sessions.size() + this.reserved >= this.maxSessions) {
			return false;
		}
		this.reserved++;
		return true;
	}

	/**
	 * Ends a reservation: the session opened, or the request opened none.
	 * @param id the session the server opened, or {@code null}
	 */
	synchronized void opened(String id) {
		this.reserved--;
		if (id != null) {
			this.sessions.put(id, new Session(this.clock.instant()));
		}
	}

	/**
	 * A request of a session starts.
	 * @return {@code false} when the session is unknown or has expired (it is forgotten)
	 */
	synchronized boolean enter(String id) {
		Session session = this.sessions.get(id);
		if (session == null) {
			return false;
		}
		if (idle(session, this.clock.instant())) {
			this.sessions.remove(id);
			return false;
		}
		session.inFlight++;
		session.lastSeen = this.clock.instant();
		return true;
	}

	/**
	 * A request of a session ended.
	 * @param ended whether the session ended with it (the client deleted it, or the server no longer knew it)
	 */
	synchronized void leave(String id, boolean ended) {
		Session session = this.sessions.get(id);
		if (session == null) {
			return;
		}
		if (ended) {
			this.sessions.remove(id);
			return;
		}
		session.inFlight--;
		session.lastSeen = this.clock.instant();
	}

	/**
	 * @return how many sessions are open, idle ones ended first
	 */
	synchronized int open() {
		expire();
		return this.sessions.size();
	}

	private void expire() {
		Instant now = this.clock.instant();
		this.sessions.values().removeIf(session -> idle(session, now));
	}

	private boolean idle(Session session, Instant now) {
		return session.inFlight <= 0 && !session.lastSeen.plus(this.idleTimeout).isAfter(now);
	}

	private static final class Session {

		Instant lastSeen;

		int inFlight;

		Session(Instant lastSeen) {
			this.lastSeen = lastSeen;
		}

	}

}
