package org.lodestone.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.ingest.GraphChangedEvent;
import org.lodestone.ingest.GraphVersion;
import org.lodestone.neo4j.ScopedGraphReads;

import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Answers are kept until the graph changes: resolving a name, a path answer, an entity's details, neighbourhood and
 * timeline, and the analyses are pure functions of their request and the graph, which only an import changes. Every
 * import that changed something clears them all (the caches are Caffeine's, through Spring's cache abstraction:
 * {@code spring.cache.*}; {@code spring.cache.type=none} turns them off).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class AnswerCaches {

	/** Names and ids to entities. */
	static final String RESOLUTION = "entity-resolution";

	private static final Log logger = LogFactory.getLog(AnswerCaches.class);

	private final CacheManager caches;

	AnswerCaches(CacheManager caches) {
		this.caches = caches;
	}

	/**
	 * Keys on the graph that answers, the class, the method and its arguments: several methods of different services
	 * share a cache (the analyses), {@code diff(from, to)} must not answer for {@code calendar(from, to)}, and an
	 * answer of the graph as recorded at a change ({@code knownAt}) must not answer for the live graph.
	 * @return the key generator the services' {@code @CacheConfig} names
	 */
	@Bean
	static KeyGenerator answerKeys() {
		return (target, method, params) -> {
			Object[] key = new Object[params.length + 3];
			key[0] = ScopedGraphReads.scopeKey();
			key[1] = ClassUtils.getUserClass(target).getName();
			key[2] = method.getName();
			System.arraycopy(params, 0, key, 3, params.length);
			return new SimpleKey(key);
		};
	}

	/**
	 * After Spring Security's filters (order -100), so a read that needs a credential is refused before any 304.
	 * @param version the graph version
	 * @return the registration of the ETag filter
	 */
	@Bean
	FilterRegistrationBean<GraphEtagFilter> graphEtagFilter(GraphVersion version) {
		FilterRegistrationBean<GraphEtagFilter> registration = new FilterRegistrationBean<>(new GraphEtagFilter(version));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(0);
		return registration;
	}

	@EventListener
	void graphChanged(GraphChangedEvent event) {
		this.caches.getCacheNames().forEach(name -> {
			var cache = this.caches.getCache(name);
			if (cache != null) {
				cache.clear();
			}
		});
		logger.info("Graph version " + event.version() + ": answer caches cleared");
	}

}
