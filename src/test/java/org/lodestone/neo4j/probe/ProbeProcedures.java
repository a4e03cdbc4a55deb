package org.lodestone.neo4j.probe;

import java.util.stream.Stream;

import org.neo4j.procedure.Description;
import org.neo4j.procedure.Procedure;

/**
 * A stand-in plugin: packed into a jar in an engine's {@code plugins/} directory to show which plugin procedures
 * the procedure allow-list lets the engine load.
 */
public class ProbeProcedures {

	/** One row. */
	public static class Output {

		public String value = "probe";

	}

	@Procedure(name = "lodestone.probe.allowed")
	@Description("Allow-listed in the test")
	public Stream<Output> allowed() {
		return Stream.of(new Output());
	}

	@Procedure(name = "lodestone.probe.refused")
	@Description("Not allow-listed in the test")
	public Stream<Output> refused() {
		return Stream.of(new Output());
	}

}
