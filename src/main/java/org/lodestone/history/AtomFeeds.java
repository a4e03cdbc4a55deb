package org.lodestone.history;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.lodestone.graph.SourceReference;

/**
 * Writes changes as an Atom 1.0 feed with ROME, one entry per element's change: a feed reader shows what changed,
 * when, who changed it and why, and links to the element's history.
 */
final class AtomFeeds {

	static final String MEDIA_TYPE = "application/atom+xml";

	private AtomFeeds() {
	}

	/**
	 * @param id the feed's permanent id, a URN
	 * @param title the feed's title
	 * @param self the feed's own address
	 * @param base the application's address, for links to histories
	 * @param page the changes, newest first
	 * @return the feed's XML
	 */
	static String write(String id, String title, String self, String base, ChangePage page) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setUri(id);
		feed.setTitle(title);
		feed.setAuthor("Lodestone");
		feed.setLinks(List.of(link("self", self, AtomFeeds.MEDIA_TYPE)));
		// Atom requires an updated time; an empty feed has none of its own, so it gives the start of what it covers.
		feed.setPublishedDate(Date.from(page.changes().isEmpty() ? page.since() : page.changes().get(0).at()));
		List<SyndEntry> entries = new ArrayList<>();
		for (ElementChange change : page.changes()) {
			entries.add(entry(change, base));
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the Atom feed", ex);
		}
	}

	private static SyndEntry entry(ElementChange change, String base) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setUri("urn:lodestone:" + change.changeId() + ":" + URLEncoder.encode(change.element(),
				StandardCharsets.UTF_8));
		entry.setTitle(change.what() + " " + change.of() + " " + change.element());
		entry.setAuthor((change.by() != null) ? change.by() : "unknown");
		Date at = Date.from(change.at());
		entry.setUpdatedDate(at);
		entry.setPublishedDate(at);
		String entity = "relationship".equals(change.of()) ? change.element().split("\\|", -1)[0] : change.element();
		String history = base + "/api/entities/" + URLEncoder.encode(entity, StandardCharsets.UTF_8).replace("+", "%20")
				+ "/history";
		entry.setLink(history);
		entry.setLinks(List.of(link("alternate", history, "application/json")));
		SyndContent summary = new SyndContentImpl();
		summary.setType("text");
		summary.setValue(summary(change));
		entry.setDescription(summary);
		return entry;
	}

	// Plain text a reader can show as it is: the change, why, and each property that differs, before and after.
	static String summary(ElementChange change) {
		StringBuilder text = new StringBuilder();
		text.append(change.what()).append(' ').append(change.element()).append(" in ").append(change.changeId())
			.append(" by ").append(change.by()).append(" at ").append(change.at()).append('.');
		if (change.reason() != null) {
			text.append(" Reason: ").append(change.reason()).append('.');
		}
		Map<String, Object> before = (change.before() != null) ? change.before() : Map.of();
		Map<String, Object> after = (change.after() != null) ? change.after() : Map.of();
		TreeSet<String> keys = new TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		for (String key : keys) {
			Object was = before.get(key);
			Object is = after.get(key);
			if (!Objects.equals(was, is)) {
				text.append('\n').append(key).append(": ").append((was != null) ? was : "(none)").append(" -> ")
					.append((is != null) ? is : "(none)");
			}
		}
		for (SourceReference source : change.sources()) {
			text.append("\nSource: ").append(source.publisher()).append(", \"").append(source.title()).append("\", ")
				.append(source.date()).append(", ").append(source.url());
		}
		return text.toString();
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	static Instant newest(ChangePage page) {
		return page.changes().isEmpty() ? page.since() : page.changes().get(0).at();
	}

}
