package org.lodestone.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpSessionsTests {

	final MovableClock clock = new MovableClock();

	final McpSessions sessions = new McpSessions(2, Duration.ofMinutes(10), this.clock);

	@Test
	void noMoreSessionsOpenThanTheCapEvenWhileInitializationsAreUnderWay() {
		assertThat(this.sessions.reserve()).isTrue();
		assertThat(this.sessions.reserve()).isTrue();
		assertThat(this.sessions.reserve()).as("two initializations under way hold both places").isFalse();
		this.sessions.opened("a");
		this.sessions.opened(null);
		assertThat(this.sessions.open()).isEqualTo(1);
		assertThat(this.sessions.reserve()).as("the failed initialization gave its place back").isTrue();
		this.sessions.opened("b");
		assertThat(this.sessions.reserve()).isFalse();
	}

	@Test
	void anIdleSessionEndsAndGivesItsPlaceToANewOne() {
		open("a");
		open("b");
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.sessions.enter("a")).isTrue();
		this.sessions.leave("a", false);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.sessions.open()).as("b was idle 11 minutes, a 2").isEqualTo(1);
		assertThat(this.sessions.enter("b")).isFalse();
		assertThat(this.sessions.reserve()).isTrue();
	}

	@Test
	void aSessionWithARequestInFlightNeverExpiresHoweverLongItLasts() {
		open("a");
		assertThat(this.sessions.enter("a")).isTrue();
		this.clock.advance(Duration.ofHours(5));
		assertThat(this.sessions.open()).isEqualTo(1);
		this.sessions.leave("a", false);
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.sessions.enter("a")).as("idle counts from the end of its last request").isTrue();
	}

	@Test
	void anEndedSessionIsUnknown() {
		open("a");
		assertThat(this.sessions.enter("a")).isTrue();
		this.sessions.leave("a", true);
		assertThat(this.sessions.enter("a")).isFalse();
		assertThat(this.sessions.enter("never")).isFalse();
		assertThat(this.sessions.open()).isZero();
	}

	@Test
	void aCapOrTimeoutThatCouldNotWorkIsRefusedAtStart() {
		assertThatThrownBy(() -> new McpSessions(0, Duration.ofMinutes(1), this.clock))
			.hasMessageContaining("lodestone.mcp.max-sessions");
		assertThatThrownBy(() -> new McpSessions(1, Duration.ZERO, this.clock))
			.hasMessageContaining("lodestone.mcp.session-idle-timeout");
	}

	private void open(String id) {
		assertThat(this.sessions.reserve()).isTrue();
		this.sessions.opened(id);
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-04T12:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
