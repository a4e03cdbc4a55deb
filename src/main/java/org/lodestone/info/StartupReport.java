package org.lodestone.info;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.lodestone.neo4j.Neo4jDeployment;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs, once everything listens, the three places a user goes first.
 */
@Component
class StartupReport {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final Neo4jDeployment deployment;

	StartupReport(Neo4jDeployment deployment) {
		this.deployment = deployment;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		String api = "(no web server)";
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			api = "http://localhost:" + web.getWebServer().getPort() + "/api/info";
		}
		String browser = (this.deployment.browserUri() != null) ? this.deployment.browserUri().toString()
				: "served by the external server";
		if (this.deployment.browserLogin() != null) {
			browser += " (" + this.deployment.browserLogin() + ")";
		}
		logger.info("Lodestone ready: REST " + api + " | Neo4j Browser " + browser + " | Bolt "
				+ this.deployment.boltUri() + " (" + this.deployment.mode() + ")");
	}

}
