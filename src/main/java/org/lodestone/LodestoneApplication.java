package org.lodestone;

import java.util.OptionalInt;

import org.lodestone.cli.Commands;
import org.lodestone.mcp.McpStdioCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lodestone: a Neo4j knowledge graph of tech-mineral diplomacy. Without arguments it serves the API, the embedded
 * engine and Browser; with a command (see {@code help}) it runs that and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LodestoneApplication {

	public static void main(String[] args) {
		// First, before any class that logs is loaded: over stdio, standard output carries protocol messages only.
		if (args.length > 0 && McpStdioCommand.NAME.equals(args[0])) {
			runMcpOverStdio(args);
		}
		OptionalInt fileCommand = Commands.runFileCommand(args, System.out, System.err);
		if (fileCommand.isPresent()) {
			System.exit(fileCommand.getAsInt());
		}
		try {
			if (Commands.isGraphCommand(args)) {
				ConfigurableApplicationContext context = new SpringApplicationBuilder(LodestoneApplication.class)
					.web(WebApplicationType.NONE)
					.properties("lodestone.command=" + args[0], "lodestone.data.load-on-start=false",
							"spring.main.banner-mode=off")
					.run(args);
				System.exit(SpringApplication.exit(context));
			}
			SpringApplication.run(LodestoneApplication.class, args);
		}
		catch (Throwable ex) {
			// Spring has already reported the cause; a failed start must not leave engine threads
			// (which are not daemons) keeping the JVM alive.
			System.exit(1);
		}
	}

	private static void runMcpOverStdio(String[] args) {
		try {
			System.exit(McpStdioCommand.run(() -> new SpringApplicationBuilder(LodestoneApplication.class), args));
		}
		catch (Throwable ex) {
			System.exit(1);
		}
	}

}
