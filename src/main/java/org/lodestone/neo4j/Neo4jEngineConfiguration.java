package org.lodestone.neo4j;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses between the embedded engine and an external server, and gives Spring's driver the matching connection.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jEngineConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(EmbeddedModeCondition.class)
	static class Embedded {

		@Bean(destroyMethod = "close")
		EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, ObjectProvider<NewStoreContent> content) {
			// The application never runs the engine without authentication: a web page can reach loopback ports.
			EmbeddedNeo4jProperties settings = properties.authEnabled() ? properties
					: properties.withPassword(EngineCredentials.passwordFor(properties.directory()));
			return new EmbeddedNeo4j(settings).start(content.getIfAvailable(() -> Optional::empty));
		}

		// Spring Boot's driver auto-configuration backs off when this bean exists, so the driver is only
		// created after the engine it connects to is listening.
		@Bean
		Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j engine) {
			URI uri = engine.boltUri();
			AuthToken auth = engine.authEnabled() ? AuthTokens.basic("neo4j", engine.password()) : AuthTokens.none();
			return new Neo4jConnectionDetails() {
				@Override
				public URI getUri() {
					return uri;
				}

				@Override
				public AuthToken getAuthToken() {
					return auth;
				}
			};
		}

		// In-process by default; lodestone.neo4j.in-process-reads=false sends them through the driver as with an
		// external server, which the tests use to cover that path against the embedded engine.
		@Bean
		ScopedGraphReads embeddedGraphReads(EmbeddedNeo4j engine, ObjectProvider<Driver> driver,
				@Value("${lodestone.neo4j.in-process-reads:true}") boolean inProcess,
				@Value("${lodestone.query.timeout:5s}") Duration timeout) {
			return new ScopedGraphReads(inProcess ? new EmbeddedGraphReads(engine, timeout)
					: new DriverGraphReads(driver.getObject(), timeout));
		}

		@Bean
		Neo4jDeployment embeddedDeployment(EmbeddedNeo4j engine, EmbeddedNeo4jProperties properties) {
			String login = properties.authEnabled() ? "user neo4j, the password set in lodestone.neo4j.password"
					: "user neo4j, password in " + properties.directory().toAbsolutePath().normalize()
						.resolve(EngineCredentials.FILE);
			return new Neo4jDeployment("embedded", engine.boltUri(), engine.httpUri().resolve("/browser/"), login);
		}

	}

	@Bean
	@Conditional(ExternalModeCondition.class)
	ScopedGraphReads externalGraphReads(Driver driver, @Value("${lodestone.query.timeout:5s}") Duration timeout) {
		return new ScopedGraphReads(new DriverGraphReads(driver, timeout));
	}

	@Bean
	@Conditional(ExternalModeCondition.class)
	Neo4jDeployment externalDeployment(Environment environment) {
		String uri = environment.getProperty("spring.neo4j.uri", "bolt://localhost:7687");
		return new Neo4jDeployment("external", URI.create(uri), null, null);
	}

}
