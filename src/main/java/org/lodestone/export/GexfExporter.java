package org.lodestone.export;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.lodestone.graph.GraphEdge;
import org.lodestone.graph.GraphNode;
import org.lodestone.graph.GraphSnapshot;

/**
 * Writes GEXF 1.3 for Gephi as a dynamic graph: every relationship carries a spell from its {@code validFrom} to its
 * {@code validTo} (open-ended while it holds), so Gephi's timeline shows the graph as it stood on each date. Nodes have
 * no spells and are always present. Properties are declared as node and edge attributes; GEXF 1.3 has no date
 * attribute type, so dates are ISO strings, and lists are joined with {@code "; "}. Each edge's {@code kind} is its
 * relationship type, which keeps two relationships of different types between the same entities apart.
 */
public final class GexfExporter implements GraphExporter {

	static final String NAMESPACE = "http://gexf.net/1.3";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	@Override
	public void export(GraphSnapshot snapshot, Writer out) throws IOException {
		Streaming.run(() -> {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("gexf");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeNamespace("xsi", XSI);
			xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " http://gexf.net/1.3/gexf.xsd");
			xml.writeAttribute("version", "1.3");
			xml.writeCharacters("\n");
			xml.writeStartElement("meta");
			element(xml, "creator", "Lodestone");
			element(xml, "description",
					"Tech-mineral diplomacy: relationships are dated, so the timeline plays the graph over time");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeStartElement("graph");
			xml.writeAttribute("mode", "dynamic");
			xml.writeAttribute("defaultedgetype", "directed");
			xml.writeAttribute("timeformat", "date");
			xml.writeAttribute("timerepresentation", "interval");
			xml.writeCharacters("\n");
			attributes(xml, "node", "labels", Attribute.NODE);
			attributes(xml, "edge", "type", Attribute.EDGE);
			xml.writeStartElement("nodes");
			xml.writeCharacters("\n");
			snapshot.forEachNode(Streaming.each(node -> node(xml, node)));
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeStartElement("edges");
			xml.writeCharacters("\n");
			snapshot.forEachEdge(Streaming.each(edge -> edge(xml, edge)));
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.flush();
		});
	}

	private static void attributes(XMLStreamWriter xml, String domain, String first, List<Attribute> attributes)
			throws XMLStreamException {
		xml.writeStartElement("attributes");
		xml.writeAttribute("class", domain);
		xml.writeAttribute("mode", "static");
		xml.writeCharacters("\n");
		attribute(xml, first, "string");
		for (Attribute attribute : attributes) {
			attribute(xml, attribute.name(), (attribute.type() == ValueType.DOUBLE) ? "double" : "string");
		}
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	private static void attribute(XMLStreamWriter xml, String name, String type) throws XMLStreamException {
		xml.writeEmptyElement("attribute");
		xml.writeAttribute("id", name);
		xml.writeAttribute("title", name);
		xml.writeAttribute("type", type);
		xml.writeCharacters("\n");
	}

	private static void node(XMLStreamWriter xml, GraphNode node) throws XMLStreamException {
		xml.writeStartElement("node");
		xml.writeAttribute("id", node.id());
		xml.writeAttribute("label", Streaming.xmlSafe(KindStyle.label(node)));
		xml.writeStartElement("attvalues");
		value(xml, "labels", String.join(";", node.labels()));
		values(xml, node.properties(), Attribute.NODE);
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	private static void edge(XMLStreamWriter xml, GraphEdge edge) throws XMLStreamException {
		xml.writeStartElement("edge");
		xml.writeAttribute("id", edge.id());
		xml.writeAttribute("source", edge.from());
		xml.writeAttribute("target", edge.to());
		xml.writeAttribute("label", edge.type().name());
		xml.writeAttribute("kind", edge.type().name());
		if (edge.properties().get("confidence") instanceof Number confidence) {
			xml.writeAttribute("weight", String.valueOf(confidence.doubleValue()));
		}
		xml.writeStartElement("attvalues");
		value(xml, "type", edge.type().name());
		values(xml, edge.properties(), Attribute.EDGE);
		xml.writeEndElement();
		if (edge.properties().get("validFrom") instanceof LocalDate from) {
			xml.writeStartElement("spells");
			xml.writeEmptyElement("spell");
			xml.writeAttribute("start", from.toString());
			if (edge.properties().get("validTo") instanceof LocalDate to) {
				xml.writeAttribute("end", to.toString());
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	private static void values(XMLStreamWriter xml, Map<String, Object> properties, List<Attribute> attributes)
			throws XMLStreamException {
		for (Attribute attribute : attributes) {
			Object value = properties.get(attribute.name());
			if (value != null) {
				value(xml, attribute.name(), Attribute.text(value));
			}
		}
	}

	private static void value(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeEmptyElement("attvalue");
		xml.writeAttribute("for", name);
		xml.writeAttribute("value", Streaming.xmlSafe(value));
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
