package org.lodestone.analysis;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.lodestone.graph.SourceReference;
import org.lodestone.neo4j.CypherQueries;
import org.lodestone.neo4j.GraphReads;
import org.lodestone.request.InvalidRequestException;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Effective dates, expiries and suspension end dates of measures, as JSON and as an iCalendar feed. Answered by
 * {@code cypher/queries/measure-calendar.cypher}.
 */
@CacheConfig(cacheNames = "analyses", keyGenerator = "answerKeys")
@Service
public class MeasureCalendar {

	private static final String CALENDAR = CypherQueries.load("measure-calendar.cypher");

	private final GraphReads reads;

	private final SourceLookup sources;

	MeasureCalendar(GraphReads reads, SourceLookup sources) {
		this.reads = reads;
		this.sources = sources;
	}

	/**
	 * @param date the day
	 * @param kind announced, effective, suspended-until or rescinded
	 * @param measure the measure's id
	 * @param name its name
	 * @param type its subtype
	 * @param issuers who issued it
	 * @param sources where it is documented
	 */
	public record Event(LocalDate date, String kind, String measure, String name, String type, List<String> issuers,
			List<SourceReference> sources) {
	}

	@Cacheable
	public List<Event> events(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw new InvalidRequestException("from", "from " + from + " is after to " + to);
		}
		List<Map<String, Object>> rows = new ArrayList<>(
				this.reads.list(CALENDAR, Map.of("from", from, "to", to), "lodestone-calendar"));
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach(row -> SourceLookup.collectIds(row.get("sources"), ids));
		Map<String, SourceReference> resolved = this.sources.resolve(ids);
		return rows.stream().map(row -> new Event((LocalDate) row.get("date"), (String) row.get("kind"),
				(String) row.get("measure"), (String) row.get("name"), (String) row.get("type"),
				((List<?>) row.get("issuers")).stream().map(String::valueOf).toList(),
				SourceLookup.pick(resolved, row.get("sources"))))
			.toList();
	}

	String ics(LocalDate from, LocalDate to) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Lodestone//Measure calendar//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		for (Event event : events(from, to)) {
			VEvent entry = new VEvent(event.date(), event.name() + " (" + event.kind() + ")");
			// Stable UIDs let subscribed calendars update an event instead of duplicating it.
			entry.add(new Uid(event.measure() + "/" + event.kind() + "@lodestone"));
			StringBuilder description = new StringBuilder(event.type() + " " + event.kind() + " on " + event.date());
			if (!event.issuers().isEmpty()) {
				description.append(". Issued by ").append(String.join(", ", event.issuers()));
			}
			event.sources().forEach(source -> description.append(". Source: ").append(source.citation()).append(' ')
				.append(source.url()));
			entry.add(new Description(description.toString()));
			if (!event.sources().isEmpty()) {
				try {
					entry.add(new Url(java.net.URI.create(event.sources().get(0).url())));
				}
				catch (IllegalArgumentException ex) {
					// A source URL that is not a valid URI is still in the description.
				}
			}
			calendar.add(entry);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Writing to memory failed", ex);
		}
		return out.toString();
	}

}
