package org.lodestone.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.lodestone.graph.SourceReference;

/**
 * One version of an entity, source or relationship: what the graph said about it from {@code recordedAt} until
 * {@code supersededAt}.
 *
 * @param element the element's stable id: an entity or source id, or a relationship id {@code from|TYPE|to}
 * @param of {@code entity}, {@code source} or {@code relationship}
 * @param properties the element's properties in this version, as the current graph stores them
 * @param recordedAt when the graph began to say this, or {@code null} when it was stored before history was kept
 * (the first start's offline load)
 * @param recordedAs {@code added} or {@code corrected}, or {@code null} when stored before history was kept
 * @param recorded the change that recorded it, or {@code null}
 * @param supersededAt when the graph stopped saying this, or {@code null} while it is the current word
 * @param endedBy {@code corrected} or {@code retracted}, or {@code null} while current
 * @param superseded the change that ended it, or {@code null}
 * @param sources the sources this version cites
 */
public record ElementVersion(String element, String of, Map<String, Object> properties, Instant recordedAt,
		String recordedAs, ChangeRef recorded, Instant supersededAt, String endedBy, ChangeRef superseded,
		List<SourceReference> sources) {

	/**
	 * @return whether this is the graph's current word
	 */
	@JsonProperty("current")
	public boolean current() {
		return this.supersededAt == null;
	}

}
