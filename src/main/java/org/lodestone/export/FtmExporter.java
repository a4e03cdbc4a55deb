package org.lodestone.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;
import org.lodestone.graph.Kind;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;

/**
 * Writes the graph as FollowTheMoney entities, one JSON object per line ({@code {"id", "schema", "properties"}}, every
 * property a list of strings), the format of OpenSanctions and Aleph. docs/ftm.md gives the mapping and what it loses.
 * <p>
 * Streaming, like every exporter, with three small look-ups kept while the snapshot is walked: each source's URL and
 * publisher (for the {@code sourceUrl} of the links that cite it), each measure's name (for the {@code program} of a
 * sanction), and the actors already marked as designated. They grow with the sources, measures and designated actors,
 * not with the relationships.
 */
public final class FtmExporter implements GraphExporter {

	/** The prefix of every entity id, so Lodestone's ids cannot collide with another dataset's in one FtM store. */
	static final String ID_PREFIX = "lodestone-";

	/** The topic an actor restricted by an export control carries. */
	static final String EXPORT_CONTROL = "export.control";

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		Map<String, String[]> sources = new HashMap<>();
		Map<String, Measure> measures = new HashMap<>();
		Set<String> designated = new HashSet<>();
		try {
			snapshot.forEachNode(node -> node(node, sources, measures, out));
			snapshot.forEachEdge(edge -> edge(edge, sources, measures, designated, out));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	private static void node(GraphNode node, Map<String, String[]> sources, Map<String, Measure> measures,
			Writer out) {
		Map<String, Object> props = node.properties();
		if (node.labels().contains(GraphNode.SOURCE)) {
			String url = (String) props.get("url");
			String publisher = (String) props.get("publisher");
			sources.put(node.id(), new String[] { url, publisher });
			Map<String, List<String>> article = new LinkedHashMap<>();
			put(article, "title", props.get("title"));
			put(article, "fileName", node.id());
			put(article, "publisher", publisher);
			put(article, "publishedAt", props.get("date"));
			put(article, "sourceUrl", url);
			write(out, id(node.id()), "Article", article);
			return;
		}
		Subtype subtype = Subtype.fromLabel((String) props.get("subtype"));
		if (subtype == null) {
			return;
		}
		String schema = schema(subtype);
		Map<String, List<String>> entity = new LinkedHashMap<>();
		put(entity, "name", props.get("name"));
		put(entity, "alias", props.get("aliases"));
		put(entity, "description", props.get("description"));
		put(entity, "wikidataId", props.get("wikidata"));
		if (subtype == Subtype.COMPANY) {
			put(entity, "leiCode", props.get("lei"));
			put(entity, "registrationNumber", props.get("uscc"));
		}
		put(entity, "topics", topic(subtype));
		if (subtype.kind() == Kind.POLICY) {
			measures.put(node.id(), new Measure((String) props.get("name"), subtype));
			put(entity, "date", props.get("announced"));
			put(entity, "startDate", props.containsKey("effective") ? props.get("effective") : props.get("announced"));
			put(entity, "endDate", props.get("rescinded"));
		}
		write(out, id(node.id()), schema, entity);
		// The sources that describe the entity itself; those behind a relationship are on the link.
		if (props.get("sources") instanceof List<?> cited) {
			for (Object source : cited) {
				Map<String, List<String>> documentation = new LinkedHashMap<>();
				put(documentation, "document", id((String) source));
				put(documentation, "entity", id(node.id()));
				put(documentation, "role", "describes");
				write(out, hash("documentation", (String) source, node.id()), "Documentation", documentation);
			}
		}
	}

	private static void edge(GraphEdge edge, Map<String, String[]> sources, Map<String, Measure> measures,
			Set<String> designated, Writer out) {
		Map<String, Object> props = edge.properties();
		Map<String, List<String>> link = new LinkedHashMap<>();
		String schema;
		Measure measure = measures.get(edge.from());
		if (isDesignation(edge, (measure != null) ? measure.subtype() : null)) {
			schema = "Sanction";
			put(link, "entity", id(edge.to()));
			put(link, "programId", edge.from());
			put(link, "program", measure.name());
			put(link, "listingDate", props.get("validFrom"));
			put(link, "reason", props.get("quote"));
		}
		else if (edge.type() == RelationshipType.MEMBER_OF) {
			schema = "Membership";
			put(link, "member", id(edge.from()));
			put(link, "organization", id(edge.to()));
		}
		else {
			schema = "UnknownLink";
			put(link, "subject", id(edge.from()));
			put(link, "object", id(edge.to()));
			put(link, "role", edge.type().phrase());
			put(link, "summary", props.get("quote"));
		}
		put(link, "startDate", props.get("validFrom"));
		put(link, "endDate", props.get("validTo"));
		put(link, "description", props.get("note"));
		if (props.get("sources") instanceof List<?> cited) {
			for (Object source : cited) {
				String[] known = sources.get((String) source);
				if (known != null) {
					put(link, "sourceUrl", known[0]);
					put(link, "publisher", known[1]);
				}
			}
		}
		write(out, hash("link", edge.id()), schema, link);
		if (schema.equals("Sanction") && designated.add(edge.to())) {
			// A fragment of the actor written earlier: FtM tools merge lines with one id (ftm aggregate).
			Map<String, List<String>> topics = new LinkedHashMap<>();
			put(topics, "topics", EXPORT_CONTROL);
			write(out, id(edge.to()), schema(actorSubtype(edge.to())), topics);
		}
	}

	/**
	 * An export control or ban that targets or restricts a company, a person or an agency (an Entity List addition,
	 * an unreliable-entity listing) designates it. The same measures naming a state or a bloc set a destination, not
	 * a designation, and other measures (licences, deals, tariffs) designate nobody.
	 */
	static boolean isDesignation(GraphEdge edge, Subtype measure) {
		Subtype target = actorSubtype(edge.to());
		return (edge.type() == RelationshipType.TARGETS || edge.type() == RelationshipType.RESTRICTS)
				&& (measure == Subtype.EXPORT_CONTROL || measure == Subtype.BAN)
				&& (target == Subtype.COMPANY || target == Subtype.PERSON || target == Subtype.AGENCY);
	}

	/** What a link needs to know of a measure seen earlier in the walk. */
	private record Measure(String name, Subtype subtype) {
	}

	private static Subtype actorSubtype(String id) {
		String prefix = id.substring(0, Math.max(0, id.indexOf(':')));
		for (Subtype subtype : Subtype.values()) {
			if (subtype.kind() == Kind.ACTOR && subtype.idPrefix().equals(prefix)) {
				return subtype;
			}
		}
		return null;
	}

	static String schema(Subtype subtype) {
		return switch (subtype) {
			case PERSON -> "Person";
			case COMPANY -> "Company";
			case STATE, AGENCY, LEGISLATURE -> "PublicBody";
			case BLOC -> "Organization";
			case CHIP, SOFTWARE, COMPONENT, END_USE, ELEMENT, MATERIAL -> "Asset";
			case EXPORT_CONTROL, LICENCE, BAN, TRADE_DEAL, CONCESSION, TARIFF, INVESTMENT, LINKAGE -> "Event";
		};
	}

	private static String topic(Subtype subtype) {
		return switch (subtype) {
			case STATE -> "gov.national";
			case AGENCY -> "gov";
			case LEGISLATURE -> "gov.legislative";
			case BLOC -> "gov.igo";
			default -> null;
		};
	}

	/**
	 * @param lodestoneId an entity or source id, such as {@code company:smic}
	 * @return its FtM id, {@code lodestone-company-smic}: FtM ids are letters, digits, '.' and '-'
	 */
	static String id(String lodestoneId) {
		return ID_PREFIX + lodestoneId.replace(':', '-');
	}

	/** A stable id for what has no Lodestone id of its own: a link, a documentation. */
	private static String hash(String kind, String... parts) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
			return ID_PREFIX + kind + "-" + HexFormat.of().formatHex(sha1.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-1", ex);
		}
	}

	private static void put(Map<String, List<String>> properties, String name, Object value) {
		if (value == null) {
			return;
		}
		List<String> values = properties.computeIfAbsent(name, key -> new ArrayList<>());
		if (value instanceof List<?> list) {
			list.forEach(item -> addOnce(values, String.valueOf(item)));
		}
		else {
			addOnce(values, value.toString());
		}
		if (values.isEmpty()) {
			properties.remove(name);
		}
	}

	private static void addOnce(List<String> values, String value) {
		if (!value.isBlank() && !values.contains(value)) {
			values.add(value);
		}
	}

	private static void write(Writer out, String id, String schema, Map<String, List<String>> properties) {
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("id", id);
		entity.put("schema", schema);
		entity.put("properties", properties);
		try {
			out.write(JsonValues.MAPPER.writeValueAsString(entity));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
