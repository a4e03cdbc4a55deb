package org.lodestone.guide;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lodestone.neo4j.Neo4jDeployment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets Neo4j Browser fetch {@code /guide} across origins. Browser runs on the Neo4j HTTP port (7474 by default) and
 * the application on its own, so without {@code Access-Control-Allow-Origin} the browser refuses Browser the guide.
 * Allowed: the embedded engine's Browser origin as both {@code 127.0.0.1} and {@code localhost}, the default
 * {@code http://127.0.0.1:7474} and {@code http://localhost:7474}, and any origins in
 * {@code lodestone.guide.allowed-origins} (for an external server's Browser). Only {@code /guide} is opened up.
 */
@Configuration(proxyBeanMethods = false)
public class GuideCorsConfiguration implements WebMvcConfigurer {

	private final Set<String> origins;

	// The deployment is optional so web-layer test slices, which have no engine, still start.
	GuideCorsConfiguration(ObjectProvider<Neo4jDeployment> deployment,
			@Value("${lodestone.guide.allowed-origins:}") List<String> configured) {
		Neo4jDeployment known = deployment.getIfAvailable();
		this.origins = origins((known != null) ? known.browserUri() : null, configured);
	}

	static Set<String> origins(URI browserUri, List<String> configured) {
		Set<String> origins = new LinkedHashSet<>();
		if (browserUri != null && browserUri.getHost() != null) {
			String scheme = browserUri.getScheme();
			String port = (browserUri.getPort() != -1) ? ":" + browserUri.getPort() : "";
			String host = browserUri.getHost();
			origins.add(scheme + "://" + host + port);
			if (host.equals("127.0.0.1") || host.equals("localhost")) {
				origins.add(scheme + "://127.0.0.1" + port);
				origins.add(scheme + "://localhost" + port);
			}
		}
		origins.add("http://127.0.0.1:7474");
		origins.add("http://localhost:7474");
		for (String origin : configured) {
			if (!origin.isBlank()) {
				origins.add(origin.strip());
			}
		}
		return origins;
	}

	/**
	 * The same rules as a {@link org.springframework.web.cors.CorsConfiguration}, for Spring Security's CORS filter:
	 * it answers preflights itself, before Spring MVC's mappings are consulted.
	 * @return the CORS configuration of {@code /guide}
	 */
	public org.springframework.web.cors.CorsConfiguration guideCors() {
		org.springframework.web.cors.CorsConfiguration configuration = new org.springframework.web.cors.CorsConfiguration();
		configuration.setAllowedOrigins(List.copyOf(this.origins));
		configuration.setAllowedMethods(List.of("GET", "HEAD"));
		configuration.setAllowedHeaders(List.of("*"));
		configuration.setMaxAge(1800L);
		return configuration;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		// Browser asks with Pragma and Cache-Control headers, so it sends a preflight first.
		registry.addMapping("/guide")
			.allowedOrigins(this.origins.toArray(String[]::new))
			.allowedMethods("GET", "HEAD")
			.allowedHeaders("*")
			.maxAge(1800);
	}

}
