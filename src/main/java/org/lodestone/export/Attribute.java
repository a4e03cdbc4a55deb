package org.lodestone.export;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A node or relationship property as exports declare it.
 *
 * @param name the stored property's name
 * @param type how its values are typed
 */
record Attribute(String name, ValueType type) {

	/** The separator lists are joined with where a format has no list type. */
	static final String LIST_SEPARATOR = "; ";

	/**
	 * Every node property the graph stores (see {@code DatasetGraph}), entities first, then sources. The formats that
	 * declare their attributes up front (GraphML, GEXF, the neo4j-admin CSV header) need the full list before the
	 * first node, and a streamed snapshot cannot be read twice, so the list is the ontology's rather than discovered.
	 * {@code id} is left out: every format carries it as the node's own id.
	 */
	static final List<Attribute> NODE = List.of(new Attribute("name", ValueType.STRING),
			new Attribute("kind", ValueType.STRING), new Attribute("subtype", ValueType.STRING),
			new Attribute("aliases", ValueType.STRING_LIST), new Attribute("aliasText", ValueType.STRING),
			new Attribute("description", ValueType.STRING), new Attribute("announced", ValueType.DATE),
			new Attribute("effective", ValueType.DATE), new Attribute("suspendedUntil", ValueType.DATE),
			new Attribute("rescinded", ValueType.DATE), new Attribute("sources", ValueType.STRING_LIST),
			new Attribute("wikidata", ValueType.STRING), new Attribute("lei", ValueType.STRING),
			new Attribute("uscc", ValueType.STRING), new Attribute("opensanctions", ValueType.STRING),
			new Attribute("publisher", ValueType.STRING), new Attribute("title", ValueType.STRING),
			new Attribute("date", ValueType.DATE), new Attribute("url", ValueType.STRING),
			new Attribute("type", ValueType.STRING), new Attribute("checkedOn", ValueType.DATE),
			new Attribute("checkedWhere", ValueType.STRING), new Attribute("retrievedAt", ValueType.STRING),
			new Attribute("contentSha256", ValueType.STRING));

	/** Every relationship property the graph stores. */
	static final List<Attribute> EDGE = List.of(new Attribute("validFrom", ValueType.DATE),
			new Attribute("validTo", ValueType.DATE), new Attribute("confidence", ValueType.DOUBLE),
			new Attribute("sources", ValueType.STRING_LIST), new Attribute("quote", ValueType.STRING),
			new Attribute("share", ValueType.DOUBLE), new Attribute("note", ValueType.STRING),
			new Attribute("precision", ValueType.STRING), new Attribute("basis", ValueType.STRING));

	/**
	 * @param value a stored value: text, a number, a {@link LocalDate} or a list
	 * @return the value as text: dates as ISO dates, lists joined with {@value #LIST_SEPARATOR}
	 */
	static String text(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(LIST_SEPARATOR));
		}
		return String.valueOf(value);
	}

}
