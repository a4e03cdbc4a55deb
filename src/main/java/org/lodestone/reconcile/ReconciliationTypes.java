package org.lodestone.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lodestone.graph.Kind;
import org.lodestone.graph.Subtype;

/**
 * The reconciliation types are the ontology's kinds and subtypes, by label: a subtype's broader type is its kind. Sources
 * are not entities a column reconciles to, so {@code Source} is not a type.
 */
final class ReconciliationTypes {

	private ReconciliationTypes() {
	}

	/**
	 * @return every kind, then every subtype, in the ontology's order
	 */
	static List<ReconciliationType> all() {
		List<ReconciliationType> types = new ArrayList<>(kinds());
		for (Subtype subtype : Subtype.values()) {
			if (subtype.label().equals(subtype.kind().label())) {
				continue; // Linkage is a kind and its only subtype: listed once
			}
			types.add(new ReconciliationType(subtype.label(), subtype.label(),
					List.of(new ReconciliationType(subtype.kind().label(), subtype.kind().label(), null))));
		}
		return types;
	}

	/**
	 * @return the kinds, the manifest's default types
	 */
	static List<ReconciliationType> kinds() {
		List<ReconciliationType> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind != Kind.SOURCE) {
				kinds.add(new ReconciliationType(kind.label(), kind.label(), null));
			}
		}
		return kinds;
	}

	/**
	 * @param id a type id as a client sent it
	 * @return the label it names, as the ontology spells it, or {@code null} when it names no kind or subtype
	 */
	static String label(String id) {
		if (id == null) {
			return null;
		}
		String wanted = id.strip().toLowerCase(Locale.ROOT);
		return all().stream().filter(type -> type.id().toLowerCase(Locale.ROOT).equals(wanted))
			.map(ReconciliationType::id).findFirst().orElse(null);
	}

}
