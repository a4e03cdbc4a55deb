package org.lodestone.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;

/**
 * Writes a synthetic graph with Lodestone's ontology into the CSV format of {@code docs/data-format.md}, so the real
 * importer loads it. The same size and seed always give the same bytes.
 * <p>
 * Degrees are skewed the way the real record is: endpoints are drawn from a Zipf-like distribution per kind, so a
 * few states, agencies and big companies become hubs while most entities have a handful of ties. Every relationship
 * is dated, sourced and of a type whose kinds it respects. Every row is marked synthetic: sources point at
 * {@code example.org} and names start with "Synthetic".
 */
public final class SyntheticGraph {

	/** The sizes the benchmarks use, by relationship count. */
	public enum Size {

		/** 10 thousand relationships. */
		S(10_000),
		/** 100 thousand relationships. */
		M(100_000),
		/** 1 million relationships. */
		L(1_000_000);

		private final int relationships;

		Size(int relationships) {
			this.relationships = relationships;
		}

		/**
		 * @return how many relationships a graph of this size has
		 */
		public int relationships() {
			return this.relationships;
		}

	}

	// Share of entities per subtype; states and agencies are few, which is what makes them hubs.
	private static final Object[][] MIX = { { Subtype.STATE, 0.01 }, { Subtype.AGENCY, 0.03 },
			{ Subtype.COMPANY, 0.20 }, { Subtype.PERSON, 0.12 }, { Subtype.LEGISLATURE, 0.005 }, { Subtype.BLOC, 0.002 },
			{ Subtype.CHIP, 0.06 }, { Subtype.SOFTWARE, 0.02 }, { Subtype.COMPONENT, 0.08 }, { Subtype.END_USE, 0.04 },
			{ Subtype.ELEMENT, 0.01 }, { Subtype.MATERIAL, 0.02 }, { Subtype.EXPORT_CONTROL, 0.12 },
			{ Subtype.LICENCE, 0.10 }, { Subtype.BAN, 0.03 }, { Subtype.TRADE_DEAL, 0.03 },
			{ Subtype.CONCESSION, 0.05 }, { Subtype.TARIFF, 0.04 }, { Subtype.INVESTMENT, 0.033 } };

	private static final LocalDate EPOCH = LocalDate.of(1990, 1, 1);

	private static final int DAYS = 36 * 365;

	private final int relationships;

	private final SplittableRandom random;

	private final List<List<String>> byKind = new ArrayList<>();

	private SyntheticGraph(int relationships, long seed) {
		this.relationships = relationships;
		this.random = new SplittableRandom(seed);
		for (int i = 0; i < Kind.values().length; i++) {
			this.byKind.add(new ArrayList<>());
		}
	}

	/**
	 * Writes {@code sources.csv}, {@code entities.csv} and {@code relationships.csv} into a directory.
	 * @param size the graph's size
	 * @param seed the random seed
	 * @param directory where to write; created when missing
	 * @throws IOException when writing fails
	 */
	public static void write(Size size, long seed, Path directory) throws IOException {
		new SyntheticGraph(size.relationships(), seed).writeAll(directory);
	}

	/**
	 * Writes a graph of any size, for tests that need one smaller than {@link Size#S}.
	 * @param relationships how many relationships; at least 1
	 * @param seed the random seed
	 * @param directory where to write; created when missing
	 * @throws IOException when writing fails
	 */
	public static void write(int relationships, long seed, Path directory) throws IOException {
		if (relationships < 1) {
			throw new IllegalArgumentException("relationships must be at least 1, got " + relationships);
		}
		new SyntheticGraph(relationships, seed).writeAll(directory);
	}

	private void writeAll(Path directory) throws IOException {
		Files.createDirectories(directory);
		int entities = Math.max(200, this.relationships / 4);
		int sources = Math.max(50, this.relationships / 20);
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("sources.csv"), StandardCharsets.UTF_8)) {
			out.write("id,publisher,title,date,url,type\n");
			for (int i = 0; i < sources; i++) {
				out.write("src:synthetic-" + i + ",Synthetic Wire,Synthetic report " + i + "," + date() + ","
						+ "https://example.org/synthetic/" + i + ",data\n");
			}
		}
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("entities.csv"), StandardCharsets.UTF_8)) {
			out.write("id,subtype,name,aliases,description,announced,effective,suspendedUntil,rescinded,sources\n");
			int n = 0;
			for (Object[] mix : MIX) {
				Subtype subtype = (Subtype) mix[0];
				int count = Math.max(2, (int) Math.round(entities * (double) mix[1]));
				for (int i = 0; i < count; i++, n++) {
					String id = subtype.idPrefix() + ":synthetic-" + subtype.label().toLowerCase(Locale.ROOT) + "-" + i;
					this.byKind.get(subtype.kind().ordinal()).add(id);
					String lifecycle = ",,,";
					if (subtype.kind() == Kind.POLICY) {
						LocalDate effective = date();
						lifecycle = effective.minusDays(30) + "," + effective + ",,";
					}
					out.write(id + "," + subtype.label() + ",Synthetic " + subtype.label() + " " + i + ",,," + lifecycle
							+ ",src:synthetic-" + this.random.nextInt(sources) + "\n");
				}
			}
		}
		List<RelationshipType> types = List.of(RelationshipType.values()).stream()
			.filter(type -> type.fromKinds().stream().anyMatch(kind -> !this.byKind.get(kind.ordinal()).isEmpty()))
			.filter(type -> !type.toKinds().contains(Kind.LINKAGE) && !type.fromKinds().contains(Kind.LINKAGE))
			.toList();
		Set<String> triples = new HashSet<>();
		try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("relationships.csv"),
				StandardCharsets.UTF_8)) {
			out.write("from,to,type,validFrom,validTo,confidence,sources,quote,share,note\n");
			int written = 0;
			while (written < this.relationships) {
				RelationshipType type = types.get(this.random.nextInt(types.size()));
				String from = pick(type.fromKinds());
				String to = pick(type.toKinds());
				if (from == null || to == null || from.equals(to) || !triples.add(from + " " + type + " " + to)) {
					continue;
				}
				LocalDate validFrom = date();
				String validTo = (this.random.nextInt(5) == 0) ? validFrom.plusDays(1 + this.random.nextInt(1500)).toString()
						: "";
				String confidence = String.format(Locale.ROOT, "%.2f", 0.4 + this.random.nextDouble() * 0.6);
				String sourcesCell = "src:synthetic-" + this.random.nextInt(sources);
				if (this.random.nextBoolean()) {
					sourcesCell += "|src:synthetic-" + this.random.nextInt(sources);
				}
				String quote = type.requiresQuote() ? "Synthetic statement " + written : "";
				String share = type.allowsShare() ? String.format(Locale.ROOT, "%.2f", this.random.nextDouble()) : "";
				out.write(from + "," + to + "," + type.name() + "," + validFrom + "," + validTo + "," + confidence + ","
						+ sourcesCell + "," + quote + "," + share + ",\n");
				written++;
			}
		}
	}

	// Zipf-like: the k-th entity of a kind is drawn with probability proportional to 1 / (k + 1).
	private String pick(Set<Kind> kinds) {
		List<Kind> candidates = kinds.stream().filter(kind -> !this.byKind.get(kind.ordinal()).isEmpty()).toList();
		if (candidates.isEmpty()) {
			return null;
		}
		List<String> ids = this.byKind.get(candidates.get(this.random.nextInt(candidates.size())).ordinal());
		double u = this.random.nextDouble();
		int index = (int) Math.floor(Math.pow(ids.size() + 1, u)) - 1;
		return ids.get(Math.min(ids.size() - 1, Math.max(0, index)));
	}

	private LocalDate date() {
		return EPOCH.plusDays(this.random.nextInt(DAYS));
	}

}
