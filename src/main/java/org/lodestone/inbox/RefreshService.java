package org.lodestone.inbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lodestone.graph.ExternalId;
import org.lodestone.ingest.FtmCrossReference;
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
	public static final List<String> CONNECTORS = List.of(FederalRegisterConnector.NAME, OpenSanctionsConnector.NAME,
			UsgsMcsConnector.NAME);

	private static final String APPLICATION = "lodestone-inbox-connector";

	private static final String HOLDS = CypherResources.load(RefreshService.class, "holds-entity.cypher");

	private static final String POLICY = CypherResources.load(RefreshService.class, "policy-by-id-or-alias.cypher");

	private static final String ACTORS = CypherResources.load(RefreshService.class, "actors.cypher");

	private static final String ALL_ACTORS = CypherResources.load(RefreshService.class, "all-actors.cypher");

	private static final String HOLDS_RELATIONSHIP = CypherResources.load(RefreshService.class,
			"holds-relationship.cypher");

	private static final String PERIODS = CypherResources.load(RefreshService.class, "relationship-periods.cypher");

	private final DocumentFetcher fetcher;

	private final FederalRegisterConnector federalRegister;

	private final InboxService inbox;

	private final GraphReads reads;

	private final OpenSanctionsConnector openSanctions;

	private final UsgsMcsConnector usgs;

	private final Map<String, String> urls;

	@Autowired
	RefreshService(DocumentFetcher fetcher, FederalRegisterConnector federalRegister,
			OpenSanctionsConnector openSanctions, UsgsMcsConnector usgs, InboxService inbox, GraphReads reads,
			InboxProperties properties) {
		this(fetcher, federalRegister, openSanctions, usgs, inbox, reads,
				Map.of(FederalRegisterConnector.NAME, properties.federalRegister().url(), OpenSanctionsConnector.NAME,
						properties.opensanctions().url(), UsgsMcsConnector.NAME, properties.usgs().url()));
	}

	RefreshService(DocumentFetcher fetcher, FederalRegisterConnector federalRegister, InboxService inbox,
			GraphReads reads, String federalRegisterUrl) {
		this(fetcher, federalRegister, new OpenSanctionsConnector(InboxProperties.OpenSanctions.DEFAULT_DATASETS),
				inbox, reads, federalRegisterUrl, InboxProperties.OpenSanctions.DEFAULT_URL);
	}

	RefreshService(DocumentFetcher fetcher, FederalRegisterConnector federalRegister,
			OpenSanctionsConnector openSanctions, InboxService inbox, GraphReads reads, String federalRegisterUrl,
			String openSanctionsUrl) {
		this(fetcher, federalRegister, openSanctions,
				new UsgsMcsConnector(InboxProperties.Usgs.DEFAULT_MINERALS, InboxProperties.Usgs.DEFAULT_COUNTRIES,
						InboxProperties.Usgs.DEFAULT_EDITIONS),
				inbox, reads, Map.of(FederalRegisterConnector.NAME, federalRegisterUrl, OpenSanctionsConnector.NAME,
						openSanctionsUrl, UsgsMcsConnector.NAME, ""));
	}

	RefreshService(DocumentFetcher fetcher, FederalRegisterConnector federalRegister,
			OpenSanctionsConnector openSanctions, UsgsMcsConnector usgs, InboxService inbox, GraphReads reads,
			Map<String, String> urls) {
		this.fetcher = fetcher;
		this.federalRegister = federalRegister;
		this.openSanctions = openSanctions;
		this.usgs = usgs;
		this.inbox = inbox;
		this.reads = reads;
		this.urls = Map.copyOf(urls);
	}

	/**
	 * @param connector one of {@link #CONNECTORS}
	 * @param location a URL or file to read, or {@code null} for the connector's configured URL
	 * @return what was proposed and what was skipped
	 * @throws ConnectorException when the document cannot be retrieved or read; nothing is proposed
	 */
	public RefreshReport refresh(String connector, String location) {
		checkConnector(connector);
		String where = (location != null) ? location : this.urls.getOrDefault(connector, "");
		if (where.isBlank()) {
			throw new ConnectorException(connector, "no URL is configured for " + connector
					+ "; give a URL or file (the refresh command's second argument)");
		}
		return propose(connector, this.fetcher.fetch(connector, where));
	}

	/**
	 * Runs a connector on a document a person uploaded, such as an OpenSanctions dataset file or a USGS data
	 * release's zip downloaded elsewhere: the same reading, checks and proposals as {@link #refresh}.
	 * @param connector one of {@link #CONNECTORS}
	 * @param name the file's name, for the provenance
	 * @param bytes its content
	 * @return what was proposed and what was skipped
	 * @throws ConnectorException when the content cannot be read; nothing is proposed
	 */
	public RefreshReport upload(String connector, String name, byte[] bytes) {
		checkConnector(connector);
		return propose(connector, this.fetcher.uploaded(connector, name, bytes));
	}

	private RefreshReport propose(String connector, FetchedDocument document) {
		StoredGraph graph = new StoredGraph();
		ConnectorRun run = switch (connector) {
			case FederalRegisterConnector.NAME -> this.federalRegister.read(document, graph);
			case OpenSanctionsConnector.NAME -> this.openSanctions.read(document, graph);
			default -> this.usgs.read(document, graph);
		};
		List<InboxService.Proposed> proposed = this.inbox.propose(run.drafts());
		return new RefreshReport(connector, document.location(), document.sha256(), proposed, run.skipped());
	}

	private static void checkConnector(String connector) {
		if (!CONNECTORS.contains(connector)) {
			throw new InvalidRequestException("connector",
					"no such connector; the connectors are " + String.join(", ", CONNECTORS));
		}
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

		@Override
		@SuppressWarnings("unchecked")
		public List<FtmCrossReference.Actor> allActors() {
			return RefreshService.this.reads.list(ALL_ACTORS, Map.of(), APPLICATION).stream().map(row -> {
				Map<ExternalId, String> identifiers = new EnumMap<>(ExternalId.class);
				for (ExternalId scheme : ExternalId.values()) {
					if (row.get(scheme.property()) instanceof String value) {
						identifiers.put(scheme, value);
					}
				}
				return new FtmCrossReference.Actor((String) row.get("id"), Boolean.TRUE.equals(row.get("person")),
						(List<String>) row.get("names"), identifiers);
			}).toList();
		}

		@Override
		public List<String> periods(String from, String type, String to) {
			return RefreshService.this.reads
				.list(PERIODS, Map.of("from", from, "type", type, "to", to), APPLICATION)
				.stream()
				.map(row -> (String) row.get("validFrom"))
				.toList();
		}

		@Override
		public boolean holdsRelationship(String from, String type, String to) {
			return Boolean.TRUE.equals(RefreshService.this.reads
				.single(HOLDS_RELATIONSHIP, Map.of("from", from, "type", type, "to", to), APPLICATION)
				.get("held"));
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
