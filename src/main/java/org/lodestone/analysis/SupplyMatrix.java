package org.lodestone.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.GraphReads;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

import static org.lodestone.analysis.MeasureTimeline.date;
import static org.lodestone.analysis.MeasureTimeline.maps;
import static org.lodestone.analysis.MeasureTimeline.text;

/**
 * Minerals by supplier with their sourced shares, and the measures restricting each mineral in force on a date: the
 * explorer's exposure matrix. Answered by {@code cypher/queries/supply-matrix.cypher}.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
class SupplyMatrix {

	private static final String MATRIX = CypherQueries.load("supply-matrix.cypher");

	private final GraphReads reads;

	private final SourceLookup sources;

	SupplyMatrix(GraphReads reads, SourceLookup sources) {
		this.reads = reads;
		this.sources = sources;
	}

	/**
	 * @param supplier the supplier's id
	 * @param name its name
	 * @param subtype State or Company
	 * @param share its share in [0, 1]
	 * @param validFrom the first day of the period the share is for
	 * @param validTo the period's last day, or null
	 * @param precision day, month or year
	 * @param basis what the share measures, as the source gives it
	 * @param held whether the period covers the date asked about
	 * @param sources where the share is reported
	 */
	record Share(String supplier, String name, String subtype, double share, LocalDate validFrom, LocalDate validTo,
			String precision, String basis, boolean held, List<SourceReference> sources) {
	}

	/**
	 * @param id the measure's id
	 * @param name its name
	 * @param subtype its subtype
	 * @param since when its restriction on the mineral began
	 * @param states the states its issuers are or belong to, as the graph records them
	 * @param sources where the restriction is reported
	 */
	record MeasureInForce(String id, String name, String subtype, LocalDate since, List<String> states,
			List<SourceReference> sources) {
	}

	/**
	 * @param id the entity's id
	 * @param name its name
	 * @param kind its kind
	 */
	record Use(String id, String name, String kind) {
	}

	/**
	 * @param id the mineral's id
	 * @param name its name
	 * @param subtype Element or Material
	 * @param suppliers its suppliers, largest share first
	 * @param measures the measures restricting it in force on the date
	 * @param usedIn what it is used in (directly), for the chokepoint-exposure answer
	 */
	record MineralSupply(String id, String name, String subtype, List<Share> suppliers, List<MeasureInForce> measures,
			List<Use> usedIn) {
	}

	/**
	 * @param asOf the date
	 * @param minerals every mineral with a sourced supply share, by name
	 */
	record Matrix(LocalDate asOf, List<MineralSupply> minerals) {
	}

	@Cacheable
	public Matrix matrix(LocalDate asOf) {
		LocalDate date = (asOf != null) ? asOf : LocalDate.now();
		List<Map<String, Object>> rows = new ArrayList<>(
				this.reads.list(MATRIX, Map.of("asOf", date), "lodestone-supply"));
		Set<String> ids = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			maps(row.get("suppliers")).forEach(s -> SourceLookup.collectIds(s.get("sources"), ids));
			maps(row.get("measures")).forEach(m -> SourceLookup.collectIds(m.get("sources"), ids));
		}
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		List<MineralSupply> minerals = rows.stream().map(row -> new MineralSupply(text(row, "id"), text(row, "name"),
				text(row, "subtype"),
				maps(row.get("suppliers")).stream()
					.map(s -> new Share(text(s, "supplier"), text(s, "name"), text(s, "subtype"),
							((Number) s.get("share")).doubleValue(), date(s, "validFrom"), date(s, "validTo"),
							(s.get("precision") != null) ? text(s, "precision") : "day", text(s, "note"),
							Boolean.TRUE.equals(s.get("held")), SourceLookup.pick(resolved, s.get("sources"))))
					.toList(),
				maps(row.get("measures")).stream()
					.map(m -> new MeasureInForce(text(m, "id"), text(m, "name"), text(m, "subtype"), date(m, "since"),
							((List<?>) m.get("states")).stream().map(String::valueOf).toList(),
							SourceLookup.pick(resolved, m.get("sources"))))
					.toList(),
				maps(row.get("usedIn")).stream().map(u -> new Use(text(u, "id"), text(u, "name"), text(u, "kind")))
					.toList()))
			.toList();
		return new Matrix(date, minerals);
	}

}
