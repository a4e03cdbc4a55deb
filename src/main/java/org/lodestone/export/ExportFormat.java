package org.lodestone.export;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.lodestone.request.InvalidRequestException;

/**
 * The formats the graph exports to, with the file name extension and media type of each download.
 */
public enum ExportFormat {

	/** GraphML, for yEd and Gephi. */
	GRAPHML("graphml", "graphml", "application/graphml+xml"),
	/** GEXF 1.3, for Gephi, with the timeline. */
	GEXF("gexf", "gexf", "application/gexf+xml"),
	/** DOT, for Graphviz. */
	DOT("dot", "dot", "text/vnd.graphviz;charset=UTF-8"),
	/** Cytoscape.js elements JSON. */
	CYTOSCAPE("cytoscape", "cyjs", "application/json"),
	/** neo4j-admin import CSV files, zipped. */
	CSV("csv", "neo4j-admin.zip", "application/zip"),
	/** An idempotent Cypher script. */
	CYPHER("cypher", "cypher", "text/plain;charset=UTF-8"),
	/** Lodestone's JSON graph, which the importer reads back. */
	JSON("json", "json", "application/json"),
	/** FollowTheMoney entities, one JSON object per line, for OpenSanctions' and Aleph's tools. */
	FTM("ftm", "ftm.json", "application/x-ndjson"),
	/** An SVG picture; only of a path or a neighbourhood. */
	SVG("svg", "svg", "image/svg+xml");

	private final String value;

	private final String extension;

	private final String mediaType;

	ExportFormat(String value, String extension, String mediaType) {
		this.value = value;
		this.extension = extension;
		this.mediaType = mediaType;
	}

	/**
	 * @return the name used in the API and on the command line
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @return the file name extension, without the dot
	 */
	public String extension() {
		return this.extension;
	}

	/**
	 * @return the media type of the download
	 */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * @param value a format's name, case-insensitive
	 * @return the format
	 * @throws InvalidRequestException naming {@code format} when there is no such format
	 */
	public static ExportFormat of(String value) {
		for (ExportFormat format : values()) {
			if (format.value.equalsIgnoreCase((value != null) ? value.strip() : "")) {
				return format;
			}
		}
		throw new InvalidRequestException("format", "format must be one of " + names() + ", got '" + value + "'");
	}

	static String names() {
		return Arrays.stream(values()).map(ExportFormat::value).collect(Collectors.joining(", "));
	}

}
