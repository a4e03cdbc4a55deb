package org.lodestone.inbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.graph.ExternalId;
import org.lodestone.ingest.FtmCrossReference;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OpenSanctions connector on a real FtM file: seven entities of OpenSanctions' {@code eu_fsf} dataset as
 * OpenSanctions' own yente repository records them (see {@code src/test/resources/inbox/README.md}).
 * <p>
 * The bundled graph holds none of those seven (OpenSanctionsConnectorIT shows that run), so these tests read the file
 * against a graph that holds one of them: the Islamic Revolutionary Guard Corps, under its own names, as an analyst
 * adding it would. The {@code eu_fsf} dataset is not mapped by default; the mapping here uses the dataset's own title,
 * "EU Financial Sanctions Files (FSF)", from the same recording's index.
 */
class OpenSanctionsConnectorTests {

	static final String SHA256 = "eec076285a7886b6f4ba8ed11cfdf8590f23211b931656f74706d9f9a87b0f2a";

	static final String IRGC_FTM_ID = "NK-2PacmNpiLUmoz4XD2mSt7A";

	static final Map<String, InboxProperties.Designation> EU_FSF = Map.of("eu_fsf",
			new InboxProperties.Designation("policy:opensanctions-eu-fsf", "Ban", "EU Financial Sanctions Files (FSF)"));

	static final Instant RETRIEVED = Instant.parse("2026-12-04T22:10:00Z");

	byte[] fixture;

	@BeforeEach
	void readTheRecording() throws IOException {
		this.fixture = new ClassPathResource("inbox/opensanctions/t1-entities.ftm.json").getContentAsByteArray();
	}

	@Test
	void anEntityNamedLikeAnActorOfTheGraphIsProposedAsADesignationWithTheMatchsReason() {
		ConnectorRun run = new OpenSanctionsConnector(EU_FSF).read(document(this.fixture),
				new Graph(List.of(irgc(Map.of())), Set.of()));
		assertThat(run.skipped()).isEmpty();
		assertThat(run.drafts()).singleElement().satisfies(draft -> {
			assertThat(draft.title())
				.isEqualTo("IRGC (OpenSanctions eu_fsf) may be Islamic Revolutionary Guard Corps");
			assertThat(draft.provenance().connector()).isEqualTo("opensanctions");
			assertThat(draft.provenance().contentSha256()).isEqualTo(SHA256);
			assertThat(draft.rows().sources()).containsExactly(Map.of("id",
					"src:opensanctions-nk-2pacmnpilumoz4xd2mst7a-2023-07-26", "publisher", "OpenSanctions", "title",
					"IRGC (Organization, OpenSanctions dataset eu_fsf)", "date", "2023-07-26", "url",
					"https://www.opensanctions.org/entities/NK-2PacmNpiLUmoz4XD2mSt7A/", "type", "data", "retrievedAt",
					"2026-12-04T22:10:00Z", "contentSha256", SHA256));
			assertThat(draft.rows().entities()).as("the graph lacks the dataset's Policy, so it is proposed too")
				.singleElement()
				.satisfies(policy -> assertThat(policy).containsEntry("id", "policy:opensanctions-eu-fsf")
					.containsEntry("subtype", "Ban")
					.containsEntry("name", "EU Financial Sanctions Files (FSF)"));
			Map<String, String> targets = draft.rows().relationships().get(0);
			assertThat(targets).containsEntry("from", "policy:opensanctions-eu-fsf")
				.containsEntry("to", "agency:ir-irgc")
				.containsEntry("type", "TARGETS")
				.containsEntry("validFrom", "2012-03-24")
				.containsEntry("confidence", "0.5")
				.doesNotContainKeys("basis", "precision", "quote");
			assertThat(draft.notes()).contains("match: name 'IRGC' (a name alone: check that it is the same organisation)",
					"listed: listed on 2012-03-24 (its createdAt)", "topics: sanction",
					"identifier: once checked, add 'agency:ir-irgc,opensanctions,NK-2PacmNpiLUmoz4XD2mSt7A' to "
							+ "data/identifiers.csv");
			assertThat(draft.text()).as("the reviewer sees the entity's line as retrieved")
				.startsWith("{\"id\":\"NK-2PacmNpiLUmoz4XD2mSt7A\"")
				.endsWith("\"target\":true}");
		});
	}

	@Test
	void anIdentifierMatchOutranksANameAndSaysSo() {
		ConnectorRun run = new OpenSanctionsConnector(EU_FSF).read(document(this.fixture),
				new Graph(List.of(irgc(Map.of(ExternalId.OPENSANCTIONS, IRGC_FTM_ID))), Set.of()));
		assertThat(run.drafts()).singleElement().satisfies(draft -> {
			assertThat(draft.rows().relationships().get(0)).containsEntry("confidence", "0.9");
			assertThat(draft.notes()).contains("match: opensanctions id (an identifier: strong)")
				.noneMatch(note -> note.startsWith("identifier:"));
		});
	}

	@Test
	void anEntityOfAnUnmappedDatasetOrADesignationTheGraphHoldsProposesNothingAndSaysWhy() {
		ConnectorRun unmapped = new OpenSanctionsConnector(
				InboxProperties.OpenSanctions.DEFAULT_DATASETS)
			.read(document(this.fixture), new Graph(List.of(irgc(Map.of())), Set.of()));
		assertThat(unmapped.drafts()).isEmpty();
		assertThat(unmapped.skipped()).containsExactly("NK-2PacmNpiLUmoz4XD2mSt7A: may be agency:ir-irgc (name 'IRGC'), "
				+ "but none of its datasets (eu_fsf) is mapped to a Policy in lodestone.inbox.opensanctions.datasets");

		ConnectorRun held = new OpenSanctionsConnector(EU_FSF).read(document(this.fixture),
				new Graph(List.of(irgc(Map.of())), Set.of("policy:opensanctions-eu-fsf|TARGETS|agency:ir-irgc")));
		assertThat(held.drafts()).isEmpty();
		assertThat(held.skipped()).containsExactly(
				"NK-2PacmNpiLUmoz4XD2mSt7A: the graph already holds (policy:opensanctions-eu-fsf)-[:TARGETS]->(agency:ir-irgc)");
	}

	@Test
	void aPersonsNameNeverMatchesAnOrganisationAndAnUnmatchedFileSaysSo() {
		FtmCrossReference.Actor person = new FtmCrossReference.Actor("person:irgc", true, List.of("IRGC"), Map.of());
		ConnectorRun run = new OpenSanctionsConnector(EU_FSF).read(document(this.fixture),
				new Graph(List.of(person), Set.of()));
		assertThat(run.drafts()).isEmpty();
		assertThat(run.skipped()).containsExactly("no entity of the file (7 lines) matches an actor the graph holds");
	}

	@Test
	void aTruncatedFileFailsWithTheLineThatBrokeAndProposesNothing() {
		byte[] truncated = Arrays.copyOf(this.fixture, 3_000);
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> new OpenSanctionsConnector(EU_FSF).read(document(truncated),
					new Graph(List.of(irgc(Map.of())), Set.of())))
			.withMessageStartingWith("opensanctions: the file is not FollowTheMoney JSON lines (malformed or truncated): "
					+ "classpath:inbox/opensanctions/t1-entities.ftm.json:3: is not JSON");
		byte[] cutInACharacter = Arrays.copyOf(this.fixture, indexOfFirstMultiByteCharacter() + 1);
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> new OpenSanctionsConnector(EU_FSF).read(document(cutInACharacter),
					new Graph(List.of(irgc(Map.of())), Set.of())))
			.withMessage("opensanctions: the file is not UTF-8 text (malformed or truncated)");
	}

	private int indexOfFirstMultiByteCharacter() {
		for (int i = 0; i < this.fixture.length; i++) {
			if ((this.fixture[i] & 0xE0) == 0xC0 || (this.fixture[i] & 0xF0) == 0xE0) {
				return i;
			}
		}
		throw new IllegalStateException("the recording holds non-ASCII names");
	}

	private static FtmCrossReference.Actor irgc(Map<ExternalId, String> identifiers) {
		return new FtmCrossReference.Actor("agency:ir-irgc", false,
				List.of("Islamic Revolutionary Guard Corps", "IRGC", "Iranian Revolutionary Guard Corps"), identifiers);
	}

	private static FetchedDocument document(byte[] bytes) {
		return FetchedDocument.of("classpath:inbox/opensanctions/t1-entities.ftm.json", bytes, RETRIEVED);
	}

	private record Graph(List<FtmCrossReference.Actor> held, Set<String> relationships) implements KnownGraph {

		@Override
		public boolean holds(String id) {
			return this.held.stream().anyMatch(actor -> actor.id().equals(id));
		}

		@Override
		public Optional<String> policy(String id, List<String> aliases) {
			return Optional.empty();
		}

		@Override
		public List<NamedActor> actors() {
			return List.of();
		}

		@Override
		public List<FtmCrossReference.Actor> allActors() {
			return this.held;
		}

		@Override
		public List<String> periods(String from, String type, String to) {
			return List.of();
		}

		@Override
		public boolean holdsRelationship(String from, String type, String to) {
			return this.relationships.contains(from + "|" + type + "|" + to);
		}

	}

}
