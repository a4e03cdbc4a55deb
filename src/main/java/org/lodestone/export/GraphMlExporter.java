package org.lodestone.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Writes GraphML for yEd and Gephi: one typed {@code <key>} per node and relationship property (text and numbers as
 * {@code string} and {@code double}; dates as ISO {@code string}s; lists joined with {@code "; "}), keys of their own
 * for a display {@code label}, the node labels and the relationship type, then the nodes and edges as they are
 * visited.
 */
public final class GraphMlExporter implements GraphExporter {

	static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	// The <data> keys, built once rather than for every value of every node and edge.
	private static final List<DataKey> NODE_KEYS = DataKey.of("n-", Attribute.NODE);

	private static final List<DataKey> EDGE_KEYS = DataKey.of("e-", Attribute.EDGE);

	private record DataKey(String id, Attribute attribute) {

		static List<DataKey> of(String prefix, List<Attribute> attributes) {
			return attributes.stream().map(attribute -> new DataKey(prefix + attribute.name(), attribute)).toList();
		}

	}

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		Streaming.run(() -> {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("graphml");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeNamespace("xsi", XSI);
			xml.writeAttribute(XSI, "schemaLocation",
					NAMESPACE + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
			xml.writeCharacters("\n");
			// "label" is what Gephi shows on nodes and edges, and what yEd's properties mapper offers for its labels.
			key(xml, "node", "n-label", "label", "string");
			key(xml, "node", "n-labels", "labels", "string");
			for (DataKey key : NODE_KEYS) {
				key(xml, "node", key.id(), key.attribute().name(), type(key.attribute()));
			}
			key(xml, "edge", "e-label", "label", "string");
			key(xml, "edge", "e-type", "type", "string");
			for (DataKey key : EDGE_KEYS) {
				key(xml, "edge", key.id(), key.attribute().name(), type(key.attribute()));
			}
			xml.writeStartElement("graph");
			xml.writeAttribute("id", "lodestone");
			xml.writeAttribute("edgedefault", "directed");
			xml.writeCharacters("\n");
			snapshot.forEachNode(Streaming.each(node -> node(xml, node)));
			int[] count = { 0 };
			snapshot.forEachEdge(Streaming.each(edge -> edge(xml, edge, ++count[0])));
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.flush();
		});
	}

	private static void key(XMLStreamWriter xml, String domain, String id, String name, String type)
			throws XMLStreamException {
		xml.writeEmptyElement("key");
		xml.writeAttribute("id", id);
		xml.writeAttribute("for", domain);
		xml.writeAttribute("attr.name", name);
		xml.writeAttribute("attr.type", type);
		xml.writeCharacters("\n");
	}

	private static String type(Attribute attribute) {
		return (attribute.type() == ValueType.DOUBLE) ? "double" : "string";
	}

	private static void node(XMLStreamWriter xml, GraphNode node) throws XMLStreamException {
		// Node ids are NMTOKENs in GraphML; Lodestone's ids (prefix:slug, src:slug) are made of allowed characters.
		xml.writeStartElement("node");
		xml.writeAttribute("id", node.id());
		data(xml, "n-label", KindStyle.label(node));
		data(xml, "n-labels", String.join(";", node.labels()));
		data(xml, node.properties(), NODE_KEYS);
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	private static void edge(XMLStreamWriter xml, GraphEdge edge, int number) throws XMLStreamException {
		// Edge ids must be NMTOKENs too, which from|TYPE|to is not; a running number is.
		xml.writeStartElement("edge");
		xml.writeAttribute("id", "e" + number);
		xml.writeAttribute("source", edge.from());
		xml.writeAttribute("target", edge.to());
		data(xml, "e-label", edge.type().name());
		data(xml, "e-type", edge.type().name());
		data(xml, edge.properties(), EDGE_KEYS);
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	private static void data(XMLStreamWriter xml, Map<String, Object> properties, List<DataKey> keys)
			throws XMLStreamException {
		for (DataKey key : keys) {
			Object value = properties.get(key.attribute().name());
			if (value != null) {
				data(xml, key.id(), Attribute.text(value));
			}
		}
	}

	private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
		xml.writeStartElement("data");
		xml.writeAttribute("key", key);
		xml.writeCharacters(Streaming.xmlSafe(value));
		xml.writeEndElement();
	}

}
