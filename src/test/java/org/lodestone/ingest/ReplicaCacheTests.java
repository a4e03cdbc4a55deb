package org.lodestone.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaCacheTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final List<Long> built = new ArrayList<>();

	private final List<Long> closed = new ArrayList<>();

	@Test
	void aSecondReadOfTheSameChangeUsesTheReplicaBuiltForTheFirst() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(2, WAIT);
		try (var first = cache.lease(3, this::build)) {
			assertThat(first.replica().seq()).isEqualTo(3);
		}
		try (var again = cache.lease(3, this::build)) {
			assertThat(again.replica().seq()).isEqualTo(3);
		}
		assertThat(this.built).containsExactly(3L);
		assertThat(this.closed).isEmpty();
	}

	@Test
	void beyondItsCapacityTheLeastRecentlyUsedReplicaIsClosed() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(2, WAIT);
		cache.lease(1, this::build).close();
		cache.lease(2, this::build).close();
		// Change 1 is used again, so change 2 is now the least recently used.
		cache.lease(1, this::build).close();
		cache.lease(3, this::build).close();
		assertThat(this.closed).containsExactly(2L);
		assertThat(cache.keys()).containsExactly(1L, 3L);
		cache.lease(2, this::build).close();
		assertThat(this.built).containsExactly(1L, 2L, 3L, 2L);
		assertThat(this.closed).containsExactly(2L, 1L);
	}

	@Test
	void aReplicaEvictedWhileInUseIsClosedOnlyWhenItsLastReadEnds() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(1, WAIT);
		var reading = cache.lease(1, this::build);
		cache.lease(2, this::build).close();
		assertThat(this.closed).isEmpty();
		assertThat(cache.keys()).containsExactly(2L);
		reading.close();
		reading.close();
		assertThat(this.closed).containsExactly(1L);
	}

	@Test
	void withoutCapacityEachReadBuildsItsReplicaAndClosesItAfter() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(0, WAIT);
		try (var lease = cache.lease(4, this::build)) {
			assertThat(this.closed).isEmpty();
		}
		cache.lease(4, this::build).close();
		assertThat(this.built).containsExactly(4L, 4L);
		assertThat(this.closed).containsExactly(4L, 4L);
		assertThatThrownBy(() -> new ReplicaCache<Replica>(-1, WAIT)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aReadThatWouldWaitTooLongForTheBuilderIsRefusedAndTheBuildGoesOn() throws Exception {
		ReplicaCache<Replica> cache = new ReplicaCache<>(2, Duration.ofMillis(200));
		CountDownLatch building = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> {
			try (var lease = cache.lease(1, seq -> {
				building.countDown();
				await(release);
				return build(seq);
			})) {
				return lease.replica().seq();
			}
		});
		assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();
		// Another change's graph, while the builder is busy: refused after the wait, nothing built for it.
		assertThatThrownBy(() -> cache.lease(2, this::build)).isInstanceOf(RecordedGraphBusyException.class)
			.hasMessageContaining("change 2");
		release.countDown();
		assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
		assertThat(this.built).containsExactly(1L);
		// Once the builder is free the same read succeeds.
		try (var lease = cache.lease(2, this::build)) {
			assertThat(lease.replica().seq()).isEqualTo(2);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void closingTheCacheClosesTheIdleReplicasAndTheOthersWhenTheirReadsEnd() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(2, WAIT);
		cache.lease(1, this::build).close();
		var reading = cache.lease(2, this::build);
		cache.close();
		assertThat(this.closed).containsExactly(1L);
		reading.close();
		assertThat(this.closed).containsExactly(1L, 2L);
		assertThat(cache.keys()).isEmpty();
	}

	private Replica build(long seq) {
		this.built.add(seq);
		return new Replica(seq, this.closed);
	}

	record Replica(long seq, List<Long> closed) implements AutoCloseable {

		@Override
		public void close() {
			this.closed.add(this.seq);
		}

	}

}
