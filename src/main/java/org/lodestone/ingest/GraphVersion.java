package org.lodestone.ingest;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Which state of the graph this application is answering from: a number that every import that changed something
 * advances. Answer caches are cleared and HTTP validators ({@code ETag}) change with it.
 * <p>
 * Only imports through this application change it; several applications sharing one external server each keep their
 * own, so the caches also expire by age ({@code spring.cache.caffeine.spec}) and README says how to turn them off.
 */
@Component
public class GraphVersion {

	private final AtomicLong version = new AtomicLong();

	private final ApplicationEventPublisher events;

	GraphVersion(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** @return the current version */
	public long current() {
		return this.version.get();
	}

	/** Advances the version and tells whoever keeps answers. Called after a commit that changed the graph. */
	void advance() {
		this.events.publishEvent(new GraphChangedEvent(this.version.incrementAndGet()));
	}

}
