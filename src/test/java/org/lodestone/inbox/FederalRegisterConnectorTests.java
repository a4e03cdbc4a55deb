package org.lodestone.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the connector finds targets and quotes in an abstract. The abstract is Federal Register document 2024-07760
 * (BIS, "Addition of Entities to and Revision of Entry on the Entity List", 11 April 2024) as republished verbatim in
 * the public repository ai-village-agents/deepseek-news
 * ({@code _posts/2024-04-11-19-09-05-addition-of-entities-to-and-revision-of-entry-on-the-entity--fc417f.md}); the
 * names are the bundled dataset's own (data/entities-common.csv).
 */
class FederalRegisterConnectorTests {

	static final String ABSTRACT = "In this rule, the Bureau of Industry and Security (BIS) amends the Export "
			+ "Administration Regulations (EAR) by adding 11 entries to the Entity List, under the destinations of the "
			+ "Peoples Republic of China (China) (6), the Russian Federation (Russia) (3), and the United Arab Emirates "
			+ "(UAE) (2). These entities have been determined by the U.S. Government to be acting contrary to the "
			+ "national security or foreign policy interests of the United States. This rule also modifies one existing "
			+ "entity on the Entity List under the destination of China.";

	static final String FIRST = ABSTRACT.substring(0, ABSTRACT.indexOf(" These entities"));

	static final KnownGraph.NamedActor CHINA = new KnownGraph.NamedActor("state:cn", "China",
			List.of("China", "PRC", "People's Republic of China", "Beijing"));

	static final KnownGraph.NamedActor RUSSIA = new KnownGraph.NamedActor("state:ru", "Russia",
			List.of("Russia", "Russian Federation", "Moscow"));

	static final KnownGraph.NamedActor UNITED_STATES = new KnownGraph.NamedActor("state:us", "United States",
			List.of("United States", "USA", "U.S.", "US", "United States of America", "Washington"));

	static final KnownGraph.NamedActor HUAWEI = new KnownGraph.NamedActor("company:huawei",
			"Huawei Technologies Co., Ltd.", List.of("Huawei Technologies Co., Ltd.", "Huawei"));

	@Test
	void aTargetIsProposedForEveryStateTheAbstractNamesWithTheSentenceNamingIt() {
		assertThat(FederalRegisterConnector.match(ABSTRACT, CHINA))
			.contains(new FederalRegisterConnector.Match("China", FIRST));
		assertThat(FederalRegisterConnector.match(ABSTRACT, RUSSIA))
			.contains(new FederalRegisterConnector.Match("Russia", FIRST));
		assertThat(FederalRegisterConnector.match(ABSTRACT, HUAWEI)).isEmpty();
	}

	@Test
	void theSentenceOfAMatchIsVerbatimInTheAbstract() {
		String sentence = FederalRegisterConnector.sentenceAround(ABSTRACT, ABSTRACT.lastIndexOf("China"));
		assertThat(sentence).isEqualTo("This rule also modifies one existing entity on the Entity List under the "
				+ "destination of China.");
		assertThat(ABSTRACT).contains(sentence);
		assertThat(FederalRegisterConnector.firstSentence(ABSTRACT)).isEqualTo(FIRST);
	}

	@Test
	void theIssuersOwnStateIsNeverProposedAsATarget() {
		String document = """
				{"document_number": "2024-07760", "title": "Addition of Entities to and Revision of Entry on the Entity List",
				 "publication_date": "2024-04-11", "type": "Rule",
				 "html_url": "https://www.federalregister.gov/documents/2024/04/11/2024-07760/addition-of-entities-to-and-revision-of-entry-on-the-entity-list",
				 "agencies": [{"slug": "industry-and-security-bureau", "name": "Industry and Security Bureau"}],
				 "abstract": "%s"}
				""".formatted(ABSTRACT);
		FederalRegisterConnector connector = new FederalRegisterConnector(
				InboxProperties.FederalRegister.DEFAULT_AGENCIES);
		ConnectorRun run = connector.read(
				FetchedDocument.of("test", document.getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.EPOCH),
				new Graph(List.of(CHINA, RUSSIA, UNITED_STATES, HUAWEI)));
		assertThat(run.drafts()).hasSize(1);
		assertThat(run.drafts().get(0).rows().relationships())
			.extracting(row -> row.get("type") + " " + row.get("to"))
			.containsExactly("ISSUED policy:us-fr-2024-07760", "TARGETS state:cn", "TARGETS state:ru");
		assertThat(run.drafts().get(0).rows().entities()).extracting(row -> row.get("id"))
			.as("the BIS is in the graph, so only the measure is proposed")
			.containsExactly("policy:us-fr-2024-07760");
	}

	// The document above is the fields this test needs, typed from the abstract's source; it checks target selection,
	// not the API's format, which FederalRegisterConnectorIT reads from a recording.
	private record Graph(List<NamedActor> named) implements KnownGraph {

		@Override
		public boolean holds(String id) {
			return "agency:us-bis".equals(id);
		}

		@Override
		public Optional<String> policy(String id, List<String> aliases) {
			return Optional.empty();
		}

		@Override
		public List<NamedActor> actors() {
			return this.named;
		}

		@Override
		public List<org.lodestone.ingest.FtmCrossReference.Actor> allActors() {
			return this.named.stream()
				.map(actor -> new org.lodestone.ingest.FtmCrossReference.Actor(actor.id(), false, actor.names(),
						Map.of()))
				.toList();
		}

		@Override
		public List<String> periods(String from, String type, String to) {
			return List.of();
		}

		@Override
		public boolean holdsRelationship(String from, String type, String to) {
			return false;
		}

	}


}
