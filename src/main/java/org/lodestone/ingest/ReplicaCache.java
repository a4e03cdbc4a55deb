package org.lodestone.ingest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The replicas of recorded graphs kept between reads, by change number, least recently used first out. A replica is
 * leased for the length of one read: one evicted while in use is closed when its last lease ends, never under a
 * read. At most one replica is built at a time (a build is a bulk load: two at once would only share the cores),
 * while reads of the replicas already built go on; a read that would wait longer than a bound for the builder is
 * refused ({@link RecordedGraphBusyException}) instead of holding its request thread behind rebuilds.
 *
 * @param <R> the replica
 */
final class ReplicaCache<R extends AutoCloseable> implements AutoCloseable {

	private final int capacity;

	// Access order: the eldest entry is the least recently leased.
	private final LinkedHashMap<Long, Entry<R>> entries = new LinkedHashMap<>(16, 0.75f, true);

	private final ReentrantLock building = new ReentrantLock();

	private final Duration wait;

	/**
	 * @param capacity how many replicas stay built between reads; 0 builds one per read and closes it after
	 * @param wait how long a read may wait for the builder (another read's build, or the one it needs)
	 */
	ReplicaCache(int capacity, Duration wait) {
		if (capacity < 0) {
			throw new IllegalArgumentException("The replica cache capacity may not be negative, got " + capacity);
		}
		this.capacity = capacity;
		this.wait = wait;
	}

	/**
	 * @param key the change number
	 * @param build builds the replica on a miss
	 * @return the replica, leased until the lease is closed
	 */
	Lease<R> lease(long key, LongFunction<R> build) {
		Lease<R> lease = leaseBuilt(key);
		if (lease != null) {
			return lease;
		}
		if (!acquireBuilder(key)) {
			// Built meanwhile by the read that held the builder?
			lease = leaseBuilt(key);
			if (lease != null) {
				return lease;
			}
			throw new RecordedGraphBusyException(key, this.wait);
		}
		try {
			lease = leaseBuilt(key);
			if (lease != null) {
				return lease;
			}
			Entry<R> entry = new Entry<>(build.apply(key));
			List<Entry<R>> evicted = new ArrayList<>();
			synchronized (this) {
				entry.users = 1;
				this.entries.put(key, entry);
				Iterator<Map.Entry<Long, Entry<R>>> eldest = this.entries.entrySet().iterator();
				while (this.entries.size() > this.capacity && eldest.hasNext()) {
					Entry<R> old = eldest.next().getValue();
					eldest.remove();
					old.evicted = true;
					if (old.users == 0) {
						evicted.add(old);
					}
				}
			}
			evicted.forEach(Entry::close);
			return new Lease<>(this, entry);
		}
		finally {
			this.building.unlock();
		}
	}

	private boolean acquireBuilder(long key) {
		try {
			return this.building.tryLock(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RecordedGraphBusyException(key, this.wait);
		}
	}

	/**
	 * @return the change numbers of the replicas built, least recently used first
	 */
	synchronized List<Long> keys() {
		return List.copyOf(this.entries.keySet());
	}

	private synchronized Lease<R> leaseBuilt(long key) {
		Entry<R> entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		entry.users++;
		return new Lease<>(this, entry);
	}

	private void release(Entry<R> entry) {
		boolean close;
		synchronized (this) {
			entry.users--;
			close = entry.evicted && entry.users == 0;
		}
		if (close) {
			entry.close();
		}
	}

	/** Closes every replica not in use now; those in use close when their lease ends. */
	@Override
	public void close() {
		List<Entry<R>> idle = new ArrayList<>();
		synchronized (this) {
			this.entries.values().forEach(entry -> {
				entry.evicted = true;
				if (entry.users == 0) {
					idle.add(entry);
				}
			});
			this.entries.clear();
		}
		idle.forEach(Entry::close);
	}

	private static final class Entry<R extends AutoCloseable> {

		private final R replica;

		private int users;

		private boolean evicted;

		Entry(R replica) {
			this.replica = replica;
		}

		void close() {
			try {
				this.replica.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("A replica could not be closed: " + ex.getMessage(), ex);
			}
		}

	}

	/**
	 * One read's hold on a replica.
	 *
	 * @param <R> the replica
	 */
	static final class Lease<R extends AutoCloseable> implements AutoCloseable {

		private final ReplicaCache<R> cache;

		private final Entry<R> entry;

		private boolean released;

		private Lease(ReplicaCache<R> cache, Entry<R> entry) {
			this.cache = cache;
			this.entry = entry;
		}

		R replica() {
			return this.entry.replica;
		}

		@Override
		public void close() {
			if (!this.released) {
				this.released = true;
				this.cache.release(this.entry);
			}
		}

	}

}
