package org.lodestone.ingest;

import java.time.Duration;

/**
 * A read at {@code knownAt} needs a recorded graph that is not built yet, and the one builder stayed busy (with
 * another instant's graph, or with this one) for longer than a read may wait. Each build is a bulk load of the
 * whole graph, so reads are refused rather than queued without bound behind them; asking again shortly finds the
 * graph built, or the builder free.
 */
public class RecordedGraphBusyException extends RuntimeException {

	/**
	 * @param change the change whose graph the read needed
	 * @param waited how long it waited for the builder
	 */
	public RecordedGraphBusyException(long change, Duration waited) {
		super("The graph as recorded at change " + change + " is not built yet and the rebuild of recorded graphs "
				+ "stayed busy for " + waited.toSeconds() + " s; try again shortly (a read at any instant between "
				+ "the same two changes uses the same graph once it is built)");
	}

}
