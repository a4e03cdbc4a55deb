package org.lodestone.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lodestone.neo4j.CypherResources;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code :Proposal} nodes. Proposals are not entities: they carry no {@code :Entity} label, so
 * every read of the graph (paths, exports, search, analyses) ignores them until an accept imports their rows through
 * {@link org.lodestone.ingest.GraphImporter}. Rows and quote offsets are stored as JSON text, so a proposal reads
 * back exactly as it was proposed.
 */
@Component
@Order(5)
class ProposalStore implements ApplicationRunner {

	// Not in cypher/schema/: those statements are also written at the top of seed.cypher and every Cypher export, and
	// proposals are not part of the dataset.
	static final String SCHEMA = CypherResources.load(ProposalStore.class, "proposal-schema.cypher");

	private static final String CREATE = CypherResources.load(ProposalStore.class, "create-proposals.cypher");

	// Only a pending proposal is decided, so two reviewers racing cannot both decide it.
	private static final String DECIDE = CypherResources.load(ProposalStore.class, "decide-proposal.cypher");

	private static final TransactionConfig WRITE = TransactionConfig.builder()
		.withMetadata(Map.of("app", "lodestone-inbox"))
		.build();

	private final Driver driver;

	private final JsonMapper json = JsonMapper.builder().build();

	ProposalStore(Driver driver) {
		this.driver = driver;
	}

	@Override
	public void run(ApplicationArguments args) {
		try (Session session = this.driver.session()) {
			session.run(SCHEMA).consume();
		}
	}

	/**
	 * Stores the proposals in one transaction: all of them or, on failure, none.
	 * @param proposals proposals with their ids, each {@code pending}
	 * @return the ids that were new; the others were in the inbox already and are left as they were
	 */
	Set<String> create(List<Proposal> proposals) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Proposal proposal : proposals) {
			rows.add(Map.of("id", proposal.id(), "props", properties(proposal)));
		}
		Set<String> created = new TreeSet<>();
		try (Session session = this.driver.session()) {
			session.executeWrite(tx -> {
				tx.run(CREATE, Map.of("proposals", rows)).list().forEach(record -> {
					if (record.get("created").asBoolean()) {
						created.add(record.get("id").asString());
					}
				});
				return null;
			}, WRITE);
		}
		return created;
	}

	/**
	 * Records a reviewer's decision on a pending proposal.
	 * @param id the proposal
	 * @param status accepted or rejected
	 * @param decidedBy who decided
	 * @param decidedAt when
	 * @param reason why (a rejection) or what the import changed (an accept)
	 * @param change the recorded change an accept made, or {@code null}
	 * @param edited the rows as accepted when the reviewer edited them, else {@code null}
	 * @param quotes the quotes of the edited rows, else {@code null}
	 * @return whether the proposal was still pending, so this decision counted
	 */
	boolean decide(String id, String status, String decidedBy, Instant decidedAt, String reason, String change,
			ProposedRows edited, List<QuoteSpan> quotes) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("status", status);
		parameters.put("decidedBy", decidedBy);
		parameters.put("decidedAt", utc(decidedAt));
		parameters.put("reason", reason);
		parameters.put("change", change);
		parameters.put("rows", (edited != null) ? this.json.writeValueAsString(edited) : null);
		parameters.put("rowCount", (edited != null) ? edited.size() : null);
		parameters.put("quotes", (edited != null) ? this.json.writeValueAsString(quotes) : null);
		try (Session session = this.driver.session()) {
			return session.executeWrite(tx -> tx.run(DECIDE, parameters).single().get("decided").asLong(), WRITE) > 0;
		}
	}

	private Map<String, Object> properties(Proposal proposal) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("status", proposal.status());
		props.put("title", proposal.title());
		props.put("connector", proposal.provenance().connector());
		props.put("documentUrl", proposal.provenance().documentUrl());
		props.put("retrievedAt", utc(proposal.provenance().retrievedAt()));
		props.put("contentSha256", proposal.provenance().contentSha256());
		props.put("text", proposal.text());
		props.put("rows", this.json.writeValueAsString(proposal.rows()));
		props.put("rowCount", proposal.rows().size());
		props.put("quotes", this.json.writeValueAsString(proposal.quotes()));
		props.put("notes", proposal.notes());
		props.put("createdAt", utc(proposal.createdAt()));
		return props;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
