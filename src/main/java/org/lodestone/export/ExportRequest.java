package org.lodestone.export;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.lodestone.graph.RelationshipType;
import org.lodestone.path.PathOptions;
import org.lodestone.request.InvalidRequestException;
import org.lodestone.request.RequestValues;

/**
 * What to export, checked: the format, the scope and the scope's parameters. The API and the command line both
 * build it from parameters named as in {@code GET /api/export}.
 * <p>
 * Without {@code scope}, the parameters given say what to export: {@code from} and {@code to} a path, {@code id} a
 * neighbourhood, neither the whole graph. Parameters that belong to another scope than the one asked for (or to two
 * scopes at once) are refused, naming one of them, rather than silently ignored: a path's ends with
 * {@code scope=graph} used to export the whole graph.
 *
 * @param format the file format
 * @param scope the part of the graph
 * @param asOf the date relationships must hold on, or {@code null}
 * @param from a path's start as typed (id, name or alias); only for {@link ExportScope#PATH}
 * @param to a path's end as typed; only for {@link ExportScope#PATH}
 * @param pathOptions the path query's options, as {@code /api/paths} takes them; only for {@link ExportScope#PATH}
 * @param id the neighbourhood's centre as typed; only for {@link ExportScope#NEIGHBORHOOD}
 * @param depth the neighbourhood's depth in hops; only for {@link ExportScope#NEIGHBORHOOD}
 * @param types the relationship types a neighbourhood follows, empty for all
 */
public record ExportRequest(ExportFormat format, ExportScope scope, LocalDate asOf, String from, String to,
		PathOptions pathOptions, String id, int depth, List<RelationshipType> types) {

	/** Every parameter an export takes, for usage messages. */
	public static final List<String> PARAMETERS = List.of("format", "scope", "asOf", "from", "to", "mode", "k",
			"maxDepth", "types", "excludeTypes", "kinds", "minConfidence", "direction", "id", "depth");

	/**
	 * @param parameter looks a parameter up by name; {@code null} when absent
	 * @return the checked request
	 * @throws InvalidRequestException naming the parameter at fault
	 */
	public static ExportRequest of(Function<String, String> parameter) {
		String formatName = parameter.apply("format");
		if (formatName == null || formatName.isBlank()) {
			throw new InvalidRequestException("format", "format is required: one of " + ExportFormat.names());
		}
		ExportFormat format = ExportFormat.of(formatName);
		ExportScope scope = scope(parameter);
		LocalDate asOf = RequestValues.date("asOf", parameter.apply("asOf"));
		if (format == ExportFormat.SVG && scope == ExportScope.GRAPH) {
			throw new InvalidRequestException("scope",
					"svg draws a path or a neighbourhood: give from and to (scope=path) or id (scope=neighborhood)");
		}
		return switch (scope) {
			case GRAPH -> new ExportRequest(format, scope, asOf, null, null, null, null, 0, List.of());
			case PATH -> {
				String from = required(parameter, "from", scope);
				String to = required(parameter, "to", scope);
				PathOptions options = PathOptions.parse(or(parameter, "mode", PathOptions.DEFAULT_MODE),
						or(parameter, "k", PathOptions.DEFAULT_K), or(parameter, "maxDepth", PathOptions.DEFAULT_MAX_DEPTH),
						parameter.apply("types"), parameter.apply("excludeTypes"), parameter.apply("kinds"),
						parameter.apply("asOf"), parameter.apply("minConfidence"),
						or(parameter, "direction", PathOptions.DEFAULT_DIRECTION));
				yield new ExportRequest(format, scope, asOf, from, to, options, null, 0, List.of());
			}
			case NEIGHBORHOOD -> {
				String id = required(parameter, "id", scope);
				int depth = RequestValues.integer("depth", or(parameter, "depth", "1"));
				if (depth < 1 || depth > 3) {
					throw new InvalidRequestException("depth", "depth must be 1, 2 or 3, got " + depth);
				}
				yield new ExportRequest(format, scope, asOf, null, null, null, id, depth,
						RequestValues.types("types", parameter.apply("types")));
			}
		};
	}

	/**
	 * @return the scope asked for, or, when none is, the one the parameters name
	 * @throws InvalidRequestException naming a parameter of another scope than the one asked for or inferred
	 */
	private static ExportScope scope(Function<String, String> parameter) {
		String pathEnd = given(parameter, "from") ? "from" : given(parameter, "to") ? "to" : null;
		boolean centre = given(parameter, "id");
		String named = parameter.apply("scope");
		if (named == null || named.isBlank()) {
			if (pathEnd != null && centre) {
				throw new InvalidRequestException("id", "id names a neighbourhood's centre and " + pathEnd
						+ " a path's end: give id for scope=neighborhood, or from and to for scope=path, not both");
			}
			return (pathEnd != null) ? ExportScope.PATH : centre ? ExportScope.NEIGHBORHOOD : ExportScope.GRAPH;
		}
		ExportScope scope = ExportScope.of(named);
		if (pathEnd != null && scope != ExportScope.PATH) {
			throw new InvalidRequestException(pathEnd, pathEnd + " names a path's end, which scope=" + scope.value()
					+ " does not take: use scope=path, or leave scope out");
		}
		if (centre && scope != ExportScope.NEIGHBORHOOD) {
			throw new InvalidRequestException("id", "id names a neighbourhood's centre, which scope=" + scope.value()
					+ " does not take: use scope=neighborhood, or leave scope out");
		}
		return scope;
	}

	private static boolean given(Function<String, String> parameter, String name) {
		String value = parameter.apply(name);
		return value != null && !value.isBlank();
	}

	private static String required(Function<String, String> parameter, String name, ExportScope scope) {
		String value = parameter.apply(name);
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(name, name + " is required for scope=" + scope.value());
		}
		return value.strip();
	}

	private static String or(Function<String, String> parameter, String name, String fallback) {
		String value = parameter.apply(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
