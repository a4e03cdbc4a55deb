package org.lodestone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lodestone: a Neo4j knowledge graph of tech-mineral diplomacy.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LodestoneApplication {

	public static void main(String[] args) {
		try {
			SpringApplication.run(LodestoneApplication.class, args);
		}
		catch (Throwable ex) {
			// Spring has already reported the cause; a failed start must not leave engine threads
			// (which are not daemons) keeping the JVM alive.
			System.exit(1);
		}
	}

}
