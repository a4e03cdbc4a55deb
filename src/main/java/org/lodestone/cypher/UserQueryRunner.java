package org.lodestone.cypher;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.neo4j.GraphReads.UserQuery;
import org.lodestone.neo4j.QueryTimeoutException;

/**
 * Runs users' queries on a small pool of its own, each watched until its deadline. Neo4j checks a transaction's
 * timeout between rows only, so a query busy inside one expression keeps its thread (and a core) after the engine
 * marked it terminated. Here, past the timeout the transaction is terminated; if the work still has not returned a
 * grace period later, the thread running it is stopped. A full pool answers at once that the server is busy, so at
 * most {@code maxConcurrent} cores ever serve user queries, whatever is sent.
 * <p>
 * Stopping a thread ({@link Thread#stop}) is what the JDK deprecates; it is used only for a query that ignored its
 * termination, on a thread that runs nothing but that read-only query, whose transaction is then rolled back. On a JDK
 * without it (20 and later) the thread is left to finish and keeps its pool slot, which is logged; docs/reliability.md
 * describes that residual risk.
 */
final class UserQueryRunner implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(UserQueryRunner.class);

	private static final Duration ADMISSION_WAIT = Duration.ofMillis(500);

	private final ThreadPoolExecutor pool;

	private final Duration grace;

	private final Semaphore permits;

	private final int maxConcurrent;

	private final Set<Job> running = ConcurrentHashMap.newKeySet();

	/**
	 * @param maxConcurrent how many user queries may run at once
	 * @param grace how long past its timeout a query may take to notice its termination, and then to stop
	 */
	UserQueryRunner(int maxConcurrent, Duration grace) {
		AtomicInteger count = new AtomicInteger();
		this.permits = new Semaphore(maxConcurrent);
		this.maxConcurrent = maxConcurrent;
		// Threads are made as needed; the permits, not the pool, bound how many queries run, and a query that could
		// not be stopped keeps its permit.
		this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
				runnable -> {
					Thread thread = new Thread(runnable, "lodestone-user-query-" + count.incrementAndGet());
					// A query that could not be stopped must not keep the JVM from exiting.
					thread.setDaemon(true);
					return thread;
				});
		this.grace = grace;
	}

	/**
	 * @param query the prepared query
	 * @param timeout its timeout
	 * @param work what to do with it on the pool's thread
	 * @param <T> the answer
	 * @return the answer
	 * @throws QueryBusyException when every thread of the pool is serving another query
	 * @throws QueryTimeoutException when the query ran past its timeout
	 */
	<T> T run(UserQuery query, Duration timeout, Function<UserQuery, T> work) {
		Job job = new Job(query);
		if (!acquire()) {
			query.close();
			throw new QueryBusyException(this.maxConcurrent);
		}
		Future<T> future;
		try {
			future = this.pool.submit(() -> {
				job.thread = Thread.currentThread();
				this.running.add(job);
				try (query) {
					return work.apply(query);
				}
				finally {
					this.running.remove(job);
					job.thread = null;
					this.permits.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Only after close(): the application is stopping.
			this.permits.release();
			query.close();
			throw new QueryBusyException(this.maxConcurrent);
		}
		try {
			return await(future, timeout.plus(this.grace));
		}
		catch (TimeoutException ex) {
			job.terminate();
			try {
				return await(future, this.grace);
			}
			catch (TimeoutException stillRunning) {
				job.stop();
				throw new QueryTimeoutException();
			}
		}
	}

	// A short wait smooths a burst; a full minute of runaway queries is refused at once after it.
	private boolean acquire() {
		try {
			return this.permits.tryAcquire(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static <T> T await(Future<T> future, Duration wait) throws TimeoutException {
		try {
			return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new QueryTimeoutException();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof ThreadDeath) {
				// Our own stop of a query that ignored its termination.
				throw new QueryTimeoutException();
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Terminates and stops every query still running, so that none can hold the engine's shutdown. */
	@Override
	public void close() {
		this.pool.shutdownNow();
		for (Job job : this.running) {
			job.terminate();
		}
		try {
			if (!this.pool.awaitTermination(this.grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.running.forEach(Job::stop);
				this.pool.awaitTermination(this.grace.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Job {

		private final UserQuery query;

		volatile Thread thread;

		Job(UserQuery query) {
			this.query = query;
		}

		void terminate() {
			try {
				this.query.terminate();
			}
			catch (RuntimeException ex) {
				logger.debug("Terminating a user query failed: " + ex);
			}
		}

		@SuppressWarnings({ "deprecation", "removal" })
		void stop() {
			Thread worker = this.thread;
			if (worker == null) {
				return;
			}
			try {
				worker.stop();
				logger.warn("Stopped " + worker.getName() + ": its query ignored the termination of its transaction");
			}
			catch (UnsupportedOperationException ex) {
				logger.error(worker.getName() + " runs a query that ignored the termination of its transaction, and "
						+ "this JDK cannot stop threads; it keeps its slot until the query ends");
			}
		}

	}

}
