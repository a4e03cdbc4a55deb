package org.lodestone.graph;

import java.time.LocalDate;
import java.util.Map;

/**
 * A publication cited for a fact.
 *
 * @param id the stable id
 * @param title the headline or document title
 * @param publisher the outlet or body
 * @param date the publication date
 * @param url where to read it
 */
public record SourceReference(String id, String title, String publisher, LocalDate date, String url) {

	/**
	 * @param properties a Source node's stored properties
	 * @return the reference
	 */
	public static SourceReference of(Map<String, Object> properties) {
		return new SourceReference((String) properties.get("id"), (String) properties.get("title"),
				(String) properties.get("publisher"), (LocalDate) properties.get("date"),
				(String) properties.get("url"));
	}

	/**
	 * @return "Publisher YYYY-MM-DD", as explanations cite it
	 */
	public String citation() {
		return this.publisher + " " + this.date;
	}

}
