package org.lodestone.ingest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaCacheTests {

	private final List<Long> built = new ArrayList<>();

	private final List<Long> closed = new ArrayList<>();

	@Test
	void aSecondReadOfTheSameChangeUsesTheReplicaBuiltForTheFirst() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(2);
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
		ReplicaCache<Replica> cache = new ReplicaCache<>(2);
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
		ReplicaCache<Replica> cache = new ReplicaCache<>(1);
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
		ReplicaCache<Replica> cache = new ReplicaCache<>(0);
		try (var lease = cache.lease(4, this::build)) {
			assertThat(this.closed).isEmpty();
		}
		cache.lease(4, this::build).close();
		assertThat(this.built).containsExactly(4L, 4L);
		assertThat(this.closed).containsExactly(4L, 4L);
		assertThatThrownBy(() -> new ReplicaCache<Replica>(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void closingTheCacheClosesTheIdleReplicasAndTheOthersWhenTheirReadsEnd() {
		ReplicaCache<Replica> cache = new ReplicaCache<>(2);
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
