package org.lodestone.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.RelationshipType;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedGraphsTests {

	private static final Instant K = Instant.parse("2026-03-01T12:00:00Z");

	private static final Instant CHANGE_3 = Instant.parse("2026-02-20T09:00:00Z");

	@Test
	void anInstantIsAnsweredByTheLastChangeAtOrBeforeIt() {
		assertThat(RecordedGraphs.recorded(K, 3L, CHANGE_3, 7L)).isEqualTo(new RecordedGraphs.Recorded(3, CHANGE_3,
				false));
	}

	@Test
	void anInstantAfterTheLatestChangeIsAnsweredByTheLiveGraph() {
		assertThat(RecordedGraphs.recorded(K, 7L, CHANGE_3, 7L).live()).isTrue();
	}

	@Test
	void anInstantBeforeTheFirstChangeIsAnsweredByWhatWasStoredBeforeHistoryWasKept() {
		assertThat(RecordedGraphs.recorded(K, null, null, 7L)).isEqualTo(new RecordedGraphs.Recorded(0, K, false));
	}

	@Test
	void aStoreThatNeverRecordedAChangeAnswersFromTheLiveGraph() {
		assertThat(RecordedGraphs.recorded(K, null, null, null).live()).isTrue();
	}

	@Test
	void versionsBecomeTheElementsTheyRecordWithTheLabelsTheImporterGivesThem() {
		RecordedGraph graph = new RecordedGraph();
		graph.addVersion(version("mineral:ndpr", "entity", Map.of("name", "NdPr", "kind", "Mineral", "subtype",
				"Mineral")));
		graph.addVersion(version("company:a", "entity", Map.of("name", "A", "kind", "Actor", "subtype", "Company")));
		graph.addVersion(version("src:a", "source", Map.of("publisher", "P", "type", "data")));
		Map<String, Object> ends = new HashMap<>(Map.of("validFrom", LocalDate.of(2025, 1, 1), "confidence", 0.9));
		ends.putAll(Map.of("from", "company:a", "type", "SUPPLIES", "to", "mineral:ndpr"));
		graph.addVersion(version("company:a|SUPPLIES|mineral:ndpr|2025-01-01", "relationship", ends));
		graph.complete();
		assertThat(graph.nodeCount()).isEqualTo(3);
		GraphNode mineral = graph.node(0);
		assertThat(mineral.labels()).containsExactly("Entity", "Mineral");
		assertThat(mineral.properties()).containsOnlyKeys("id", "name", "kind", "subtype")
			.containsEntry("id", "mineral:ndpr");
		assertThat(graph.node(1).labels()).containsExactly("Entity", "Actor", "Company");
		assertThat(graph.node(2).labels()).containsExactly("Source");
		assertThat(graph.node(2).properties()).containsEntry("type", "data").containsEntry("id", "src:a");
		GraphEdge edge = graph.edge(0);
		assertThat(edge.type()).isEqualTo(RelationshipType.SUPPLIES);
		assertThat(edge.properties()).containsOnlyKeys("validFrom", "confidence");
		assertThat(edge.id()).isEqualTo("company:a|SUPPLIES|mineral:ndpr|2025-01-01");
	}

	@Test
	void aRelationshipWhoseEndTheRecordedGraphLacksIsLeftOutAndCounted() {
		RecordedGraph graph = new RecordedGraph();
		graph.addVersion(version("company:a", "entity", Map.of("kind", "Actor", "subtype", "Company")));
		graph.addVersion(version("company:a|MEMBER_OF|company:gone", "relationship",
				Map.of("from", "company:a", "type", "MEMBER_OF", "to", "company:gone")));
		graph.complete();
		assertThat(graph.edgeCount()).isZero();
		assertThat(graph.dangling()).isEqualTo(1);
	}

	@Test
	void anElementStoredBeforeHistoryWasKeptJoinsUnlessAVersionOfItWasAdded() {
		RecordedGraph graph = new RecordedGraph();
		graph.addVersion(version("company:a", "entity", Map.of("name", "A then", "kind", "Actor", "subtype",
				"Company")));
		graph.addUnversionedNode("company:a", List.of("Entity", "Actor", "Company"), Map.of("id", "company:a", "name",
				"A now"));
		graph.addUnversionedNode("company:b", List.of("Entity", "Actor", "Company"), Map.of("id", "company:b"));
		graph.addUnversionedEdge(new GraphEdge("company:a", RelationshipType.MEMBER_OF, "company:b", Map.of()));
		graph.complete();
		assertThat(graph.nodeCount()).isEqualTo(2);
		assertThat(graph.node(0).properties()).containsEntry("name", "A then");
		assertThat(graph.edgeCount()).isEqualTo(1);
	}

	@Test
	void theFirstStartRecordsAnOpenVersionOfEveryElementAndOneChange() {
		RecordedGraph dataset = new RecordedGraph();
		dataset.addVersion(version("company:a", "entity", Map.of("name", "A", "kind", "Actor", "subtype", "Company")));
		dataset.addVersion(version("company:b", "entity", Map.of("name", "B", "kind", "Actor", "subtype", "Company")));
		dataset.addVersion(version("company:a|MEMBER_OF|company:b", "relationship",
				Map.of("from", "company:a", "type", "MEMBER_OF", "to", "company:b", "confidence", 0.5)));
		dataset.complete();
		OffsetDateTime at = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000, ZoneOffset.UTC);
		FirstStartHistory history = new FirstStartHistory(dataset, at);
		assertThat(history.nodeCount()).isEqualTo(2 + 2 + 1 + 2);
		assertThat(history.edgeCount()).isEqualTo(1);
		GraphNode entityVersion = history.node(2);
		assertThat(entityVersion.labels()).containsExactly("Version");
		assertThat(entityVersion.properties()).containsEntry("id", "change:1/company:a")
			.containsEntry("element", "company:a")
			.containsEntry("of", "entity")
			.containsEntry("recordedAt", at)
			.containsEntry("changeId", "change:1")
			.containsEntry("recordedAs", "added")
			.containsEntry("name", "A")
			.doesNotContainKey("supersededAt");
		GraphNode relationshipVersion = history.node(4);
		assertThat(relationshipVersion.properties()).containsEntry("element", "company:a|MEMBER_OF|company:b")
			.containsEntry("of", "relationship")
			.containsEntry("from", "company:a")
			.containsEntry("type", "MEMBER_OF")
			.containsEntry("to", "company:b")
			.containsEntry("confidence", 0.5);
		assertThat(history.node(5).properties()).containsEntry("id", "change:1")
			.containsEntry("by", "first-start")
			.containsEntry("added", 3L)
			.containsEntry("at", at);
		assertThat(history.node(6).properties()).containsEntry("id", "changelog").containsEntry("last", 1L);
		for (int i = 0; i < history.nodeCount(); i++) {
			assertThat(history.nodeId(i)).isEqualTo(history.node(i).id());
		}
		// Read back as a recorded graph, the first start's versions are the dataset again.
		RecordedGraph again = new RecordedGraph();
		for (int i = 2; i < 5; i++) {
			again.addVersion(history.node(i).properties());
		}
		again.complete();
		assertThat(again.nodeCount()).isEqualTo(2);
		assertThat(again.node(0)).isEqualTo(dataset.node(0));
		assertThat(again.edge(0)).isEqualTo(dataset.edge(0));
	}

	private static Map<String, Object> version(String element, String of, Map<String, Object> props) {
		Map<String, Object> version = new HashMap<>(props);
		version.put("id", "change:2/" + element);
		version.put("element", element);
		version.put("of", of);
		version.put("recordedAt", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
		version.put("changeId", "change:2");
		version.put("recordedAs", "added");
		return version;
	}

}
