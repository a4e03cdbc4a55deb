package org.lodestone.inbox;

import java.util.List;
import java.util.Optional;

import org.lodestone.ingest.FtmCrossReference;

/**
 * What a connector may ask of the graph: it reads, it never writes.
 */
interface KnownGraph {

	/**
	 * @param id an entity id
	 * @return whether the graph holds it
	 */
	boolean holds(String id);

	/**
	 * @param id a Policy id
	 * @param aliases names the measure may already be stored under, such as its Federal Register citation
	 * @return the stored Policy with that id or one of those aliases
	 */
	Optional<String> policy(String id, List<String> aliases);

	/**
	 * @return the States and Companies, with their names and aliases, for matching names in a document
	 */
	List<NamedActor> actors();

	/**
	 * @return every Actor with its names and external identifiers, for matching another dataset's entities
	 */
	List<FtmCrossReference.Actor> allActors();

	/**
	 * @param from an entity id
	 * @param type a relationship type
	 * @param to an entity id
	 * @return whether the graph holds such a relationship (in any period)
	 */
	boolean holdsRelationship(String from, String type, String to);

	/**
	 * @param from an entity id
	 * @param type a relationship type
	 * @param to an entity id
	 * @return the {@code validFrom} dates ({@code YYYY-MM-DD}) of the relationships of that type between them, one per
	 * period for {@code SUPPLIES}
	 */
	List<String> periods(String from, String type, String to);

	/**
	 * @param id the actor's id
	 * @param name its display name
	 * @param names its name and aliases
	 */
	record NamedActor(String id, String name, List<String> names) {
	}

}
