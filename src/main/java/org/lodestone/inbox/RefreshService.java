package org.lodestone.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lodestone.neo4j.CypherResources;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs a connector once: retrieve its document, read it, and hand every draft to the inbox in one go. When any step
 * fails the inbox is left as it was and the exception says why; running it again on the same content proposes nothing
 * new.
 */
@Service
public class RefreshService {

	/** The connectors {@link #refresh} knows. */
	public static final List<String> CONNECTORS = List.of(FederalRegisterConnector.NAME);

	private static final String APPLICATION = "lodestone-inbox-connector";

	private static final String HOLDS = CypherResources.load(RefreshService.class, "holds-entity.cypher");

	private static final String POLICY = CypherResources.load(RefreshService.class, "policy-by-id-or-alias.cypher");

	private static final String ACTORS = CypherResources.load(RefreshService.class, "actors.cypher");

	private final DocumentFetcher fetcher;

	private final FederalRegisterConnector federalRegister;

	private final InboxService inbox;

	private final GraphReads reads;

	private final String federalRegisterUrl;

	@Autowired
	RefreshService(DocumentFetcher fetcher, FederalRegisterConnector federalRegister, InboxService inbox,
			GraphReads reads, InboxProperties properties) {
		this(fetcher, federalRegister, inbox, reads, properties.federalRegister().url());
	}

	RefreshService(DocumentFetcher fetcher, FederalRegisterConnector federalRegister, InboxService inbox,
			GraphReads reads, String federalRegisterUrl) {
		this.fetcher = fetcher;
		this.federalRegister = federalRegister;
		this.inbox = inbox;
		this.reads = reads;
		this.federalRegisterUrl = federalRegisterUrl;
	}

	/**
	 * @param connector one of {@link #CONNECTORS}
	 * @param location a URL or file to read, or {@code null} for the connector's configured URL
	 * @return what was proposed and what was skipped
	 * @throws ConnectorException when the document cannot be retrieved or read; nothing is proposed
	 */
	public RefreshReport refresh(String connector, String location) {
		if (!FederalRegisterConnector.NAME.equals(connector)) {
			throw new InvalidRequestException("connector",
					"no such connector; the connectors are " + String.join(", ", CONNECTORS));
		}
		String where = (location != null) ? location : this.federalRegisterUrl;
		FetchedDocument document = this.fetcher.fetch(connector, where);
		FederalRegisterConnector.Run run = this.federalRegister.read(document, new StoredGraph());
		List<InboxService.Proposed> proposed = this.inbox.propose(run.drafts());
		return new RefreshReport(connector, document.location(), document.sha256(), proposed, run.skipped());
	}

	private final class StoredGraph implements KnownGraph {

		@Override
		public boolean holds(String id) {
			return Boolean.TRUE.equals(RefreshService.this.reads.single(HOLDS, Map.of("id", id), APPLICATION)
				.get("held"));
		}

		@Override
		public Optional<String> policy(String id, List<String> aliases) {
			return RefreshService.this.reads.list(POLICY, Map.of("id", id, "aliases", aliases), APPLICATION)
				.stream()
				.map(row -> (String) row.get("id"))
				.findFirst();
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<NamedActor> actors() {
			return RefreshService.this.reads.list(ACTORS, Map.of(), APPLICATION)
				.stream()
				.map(row -> new NamedActor((String) row.get("id"), (String) row.get("name"),
						(List<String>) row.get("names")))
				.toList();
		}

	}

	/**
	 * What one run did.
	 *
	 * @param connector the connector
	 * @param location where its document came from
	 * @param contentSha256 the document's SHA-256
	 * @param proposals one outcome per proposal made: new, or already in the inbox
	 * @param skipped documents that propose nothing, with why
	 */
	public record RefreshReport(String connector, String location, String contentSha256,
			List<InboxService.Proposed> proposals, List<String> skipped) {

		/**
		 * @return how many proposals are new
		 */
		public long created() {
			return this.proposals.stream().filter(InboxService.Proposed::created).count();
		}

	}

}
