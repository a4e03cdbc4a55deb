package org.lodestone.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lodestone.graph.DateBasis;
import org.lodestone.graph.DatePrecision;
import org.lodestone.graph.ExternalId;
import org.lodestone.graph.RelationshipType;
import org.lodestone.graph.Subtype;

/**
 * A validated dataset: every reference resolves, every value is in range.
 *
 * @param sources the publications
 * @param entities the nodes
 * @param relationships the edges
 */
public record Dataset(List<Source> sources, List<Entity> entities, List<Relationship> relationships) {

	/**
	 * @return how many rows the dataset holds
	 */
	public int size() {
		return this.sources.size() + this.entities.size() + this.relationships.size();
	}

	/**
	 * A publication.
	 *
	 * @param id the stable id, {@code src:...}
	 * @param publisher the outlet or body
	 * @param title the headline or document title
	 * @param date the publication date
	 * @param url where to read it
	 * @param type news, official, filing, statement, analysis or data
	 * @param checkedOn when someone last checked the cited facts and quotes against this publication, or {@code null}
	 * @param checkedWhere which copy was read and where in it the cited facts stand, or {@code null}
	 * @param retrievedAt when a connector retrieved it, an ISO-8601 UTC instant ({@code 2026-12-04T22:03:37Z}), or
	 * {@code null} for a source entered by hand
	 * @param contentSha256 the SHA-256 of the content the connector retrieved, 64 lowercase hex digits; present exactly
	 * when {@code retrievedAt} is
	 */
	public record Source(String id, String publisher, String title, LocalDate date, String url, String type,
			LocalDate checkedOn, String checkedWhere, String retrievedAt, String contentSha256) {

		/**
		 * A source entered by hand: no retrieval recorded.
		 */
		public Source(String id, String publisher, String title, LocalDate date, String url, String type,
				LocalDate checkedOn, String checkedWhere) {
			this(id, publisher, title, date, url, type, checkedOn, checkedWhere, null, null);
		}

	}

	/**
	 * A node.
	 *
	 * @param id the stable id
	 * @param subtype the subtype, which decides the kind
	 * @param name the display name
	 * @param aliases other names users type
	 * @param description a sentence or two, or {@code null}
	 * @param announced when a measure was announced, or {@code null}
	 * @param effective when it took effect, or {@code null}
	 * @param suspendedUntil until when it is suspended, or {@code null}
	 * @param rescinded when it was rescinded, or {@code null}
	 * @param sources ids of sources describing the entity
	 * @param identifiers the ids other datasets give it (Wikidata, LEI, credit code, OpenSanctions), checked in form
	 */
	public record Entity(String id, Subtype subtype, String name, List<String> aliases, String description,
			LocalDate announced, LocalDate effective, LocalDate suspendedUntil, LocalDate rescinded,
			List<String> sources, Map<ExternalId, String> identifiers) {
	}

	/**
	 * An edge.
	 *
	 * @param from the start entity's id
	 * @param type the type
	 * @param to the end entity's id
	 * @param validFrom the first date it held
	 * @param validTo the last date it held, or {@code null} while it holds
	 * @param confidence in [0, 1]
	 * @param sources ids of the sources supporting it
	 * @param quote an exact quote, or {@code null}
	 * @param share a supply share in [0, 1], or {@code null}
	 * @param note context, or {@code null}
	 * @param precision how precisely validFrom is known
	 * @param basis whether validFrom is the start, or only when the link was reported holding
	 */
	public record Relationship(String from, RelationshipType type, String to, LocalDate validFrom, LocalDate validTo,
			double confidence, List<String> sources, String quote, Double share, String note, DatePrecision precision,
			DateBasis basis) {
	}

}
