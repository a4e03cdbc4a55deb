package org.lodestone.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestone.graph.Kind;
import org.lodestone.graph.Subtype;
import org.lodestone.ingest.Dataset;
import org.lodestone.ingest.FtmCrossReference;
import org.lodestone.support.BundledData;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The USGS connector on the real world data file of the Mineral Commodity Summaries 2025 data release (the release's
 * {@code World_Data.zip}, see {@code src/test/resources/inbox/README.md}), read against the bundled dataset as the
 * graph: its States, minerals and the shares it holds already.
 */
class UsgsMcsConnectorTests {

	static final String ZIP_SHA256 = "c8d4f62366cfce698ce701948608efdbf321fe1e105e0acd41313f1c814292d8";

	static final Instant RETRIEVED = Instant.parse("2026-12-04T22:30:00Z");

	static Dataset bundled;

	static byte[] zip;

	static byte[] csv;

	@BeforeAll
	static void readTheRecordingAndTheBundledData() throws IOException {
		bundled = BundledData.dataset();
		zip = new ClassPathResource("inbox/usgs/World_Data.zip").getContentAsByteArray();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.getName().equals("MCS2025_World_Data.csv")) {
					csv = in.readAllBytes();
				}
			}
		}
	}

	@Test
	void rareEarthSharesOf2023AreProposedForTheStatesTheGraphHoldsAnd2024IsLeftToTheSharesItHolds() {
		ConnectorRun run = connector().read(document(zip), new BundledGraph());
		ProposalDraft rareEarths = run.drafts().stream()
			.filter(draft -> draft.title().startsWith("MCS2025 Rare earths"))
			.findFirst()
			.orElseThrow();
		assertThat(rareEarths.provenance().connector()).isEqualTo("usgs-mcs");
		assertThat(rareEarths.provenance().contentSha256()).isEqualTo(ZIP_SHA256);
		assertThat(rareEarths.rows().sources()).singleElement().satisfies(source -> assertThat(source)
			.containsEntry("id", "src:usgs-mcs2025-world-data")
			.containsEntry("publisher", "U.S. Geological Survey")
			.containsEntry("url", "https://doi.org/10.5066/P13XCP3R")
			.containsEntry("type", "data")
			.containsEntry("date", "2026-12-04")
			.containsEntry("retrievedAt", "2026-12-04T22:30:00Z")
			.containsEntry("contentSha256", ZIP_SHA256));

		Map<String, String> unitedStates2023 = row(rareEarths, "state:us", "2023-01-01");
		// 41,600 of 376,000 t REO.
		assertThat(unitedStates2023).containsEntry("to", "mineral:rare-earths")
			.containsEntry("type", "SUPPLIES")
			.containsEntry("validTo", "2023-12-31")
			.containsEntry("share", "0.111")
			.containsEntry("precision", "year")
			.containsEntry("note", "mine production, rare-earth-oxide equivalent 2023; 41,600 of 376,000 metric tons "
					+ "(USGS MCS2025 world data, commodity 'Rare earths', country 'United States').");
		// Burma is an alias of state:mm: 43,000 of 376,000.
		assertThat(row(rareEarths, "state:mm", "2023-01-01")).containsEntry("share", "0.114");
		assertThat(rareEarths.rows().relationships())
			.as("the bundled graph holds MCS 2026's shares for 2024, so MCS 2025's estimates for 2024 are skipped")
			.noneMatch(row -> row.get("validFrom").equals("2024-01-01") && heldPeriods(row).contains("2024-01-01"));
		assertThat(rareEarths.notes()).anyMatch(note -> note.startsWith("skipped, the graph holds a share for these "
				+ "years already: ") && note.contains("state:cn 2023") && note.contains("state:cn 2024"));
		assertThat(rareEarths.notes()).anyMatch(note -> note.startsWith("source date: the file carries no "
				+ "publication date"));
		assertThat(rareEarths.text()).startsWith("SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,PROD_EST_ 2024,")
			.contains("MCS2025,Rare earths,China,\"Mine production, rare-earth-oxide equivalent\",metric tons,255000,"
					+ "270000,");
	}

	@Test
	void aCountryNamedOtherwiseIsMappedByConfigurationAndAnUnknownOneIsNamedForTheReviewer() {
		ConnectorRun run = connector().read(document(csv), new BundledGraph());
		ProposalDraft cobalt = run.drafts().stream().filter(draft -> draft.title().startsWith("MCS2025 Cobalt"))
			.findFirst()
			.orElseThrow();
		// "Congo (Kinshasa)" is state:cd by lodestone.inbox.usgs.countries: 175,000 of 238,000 t in 2023.
		assertThat(row(cobalt, "state:cd", "2023-01-01")).containsEntry("share", "0.735");
		assertThat(cobalt.notes()).anyMatch(note -> note.startsWith("countries the graph holds no State for")
				&& note.contains("New Caledonia") && note.contains("Papua New Guinea"));
		assertThat(run.skipped()).anyMatch(line -> line.startsWith("MCS2025 Gemanium (Primary and secondary refinery "
				+ "production) 2023: the world total is withheld or blank"));
		assertThat(run.skipped()).anyMatch(line -> line.contains("commodities of the file are mapped to no mineral")
				&& line.contains("Abrasives"));
	}

	@Test
	void theZipAndTheCsvInsideItProposeTheSameRows() {
		List<ProposedRows> fromZip = connector().read(document(zip), new BundledGraph()).drafts().stream()
			.map(ProposalDraft::rows).toList();
		List<ProposedRows> fromCsv = connector().read(document(csv), new BundledGraph()).drafts().stream()
			.map(ProposalDraft::rows).toList();
		assertThat(fromZip).hasSameSizeAs(fromCsv);
		for (int i = 0; i < fromZip.size(); i++) {
			assertThat(fromZip.get(i).relationships()).isEqualTo(fromCsv.get(i).relationships());
		}
	}

	@Test
	void aTruncatedOrForeignFileFailsWithTheReasonAndProposesNothing() throws IOException {
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> connector().read(document(Arrays.copyOf(csv, 60_000)), new BundledGraph()))
			.withMessageStartingWith("usgs-mcs: ")
			.withMessageContaining("(malformed or truncated)");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> connector().read(document(Arrays.copyOf(zip, 10_000)), new BundledGraph()))
			.withMessageStartingWith("usgs-mcs: the zip is damaged or truncated");
		byte[] otherZip = zipOf("MCS2025_World_Data.xml", "<metadata/>");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> connector().read(document(otherZip), new BundledGraph()))
			.withMessage("usgs-mcs: the zip holds no *_World_Data.csv");
		byte[] notMcs = new ClassPathResource("inbox/federal-register/regulatory-document.json").getContentAsByteArray();
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> connector().read(document(notMcs), new BundledGraph()))
			.withMessageStartingWith("usgs-mcs: ");
	}

	private static byte[] zipOf(String name, String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.putNextEntry(new ZipEntry(name));
			out.write(content.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static List<String> heldPeriods(Map<String, String> row) {
		return new BundledGraph().periods(row.get("from"), "SUPPLIES", row.get("to"));
	}

	private static Map<String, String> row(ProposalDraft draft, String from, String validFrom) {
		return draft.rows().relationships().stream()
			.filter(row -> row.get("from").equals(from) && row.get("validFrom").equals(validFrom))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row from " + from + " at " + validFrom + " in "
					+ draft.rows().relationships()));
	}

	static UsgsMcsConnector connector() {
		return new UsgsMcsConnector(InboxProperties.Usgs.DEFAULT_MINERALS, InboxProperties.Usgs.DEFAULT_COUNTRIES,
				InboxProperties.Usgs.DEFAULT_EDITIONS);
	}

	static FetchedDocument document(byte[] bytes) {
		return FetchedDocument.of("classpath:inbox/usgs/World_Data.zip", bytes, RETRIEVED);
	}

	/** The bundled dataset, read as the connector reads the stored graph. */
	static final class BundledGraph implements KnownGraph {

		@Override
		public boolean holds(String id) {
			return bundled.entities().stream().anyMatch(entity -> entity.id().equals(id));
		}

		@Override
		public Optional<String> policy(String id, List<String> aliases) {
			return Optional.empty();
		}

		@Override
		public List<NamedActor> actors() {
			return bundled.entities().stream()
				.filter(entity -> entity.subtype() == Subtype.STATE || entity.subtype() == Subtype.COMPANY)
				.map(entity -> {
					List<String> names = new ArrayList<>(List.of(entity.name()));
					names.addAll(entity.aliases());
					return new NamedActor(entity.id(), entity.name(), names);
				})
				.toList();
		}

		@Override
		public List<FtmCrossReference.Actor> allActors() {
			return bundled.entities().stream()
				.filter(entity -> entity.subtype().kind() == Kind.ACTOR)
				.map(entity -> new FtmCrossReference.Actor(entity.id(), entity.subtype() == Subtype.PERSON,
						List.of(entity.name()), entity.identifiers()))
				.toList();
		}

		@Override
		public boolean holdsRelationship(String from, String type, String to) {
			return !periods(from, type, to).isEmpty();
		}

		@Override
		public List<String> periods(String from, String type, String to) {
			return bundled.relationships().stream()
				.filter(rel -> rel.from().equals(from) && rel.type().name().equals(type) && rel.to().equals(to))
				.map(rel -> rel.validFrom().toString())
				.toList();
		}

	}

}
