package org.lodestone.neo4j;

import java.lang.reflect.Field;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.common.DependencyResolver;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.AbstractNeoWebServer;
import org.neo4j.server.NeoWebServer;
import org.neo4j.server.web.JettyWebServer;

/**
 * Puts the {@link BrowserOriginPolicy} in front of the engine's own ports, which Neo4j 5.26 has no setting for: a
 * customizer on the HTTP connectors (every request to Browser's files and the HTTP API) and a first handler on every
 * Bolt connection (WebSocket upgrades). Both are reached through the engine's global dependencies; a Neo4j upgrade
 * that moves them fails the start loudly here, never silently, and {@code EngineOriginIT} checks both.
 */
final class EngineBrowserGuards {

	private EngineBrowserGuards() {
	}

	/**
	 * @param dbms the running engine
	 * @param policy who may talk to it
	 * @throws IllegalStateException when the engine's web server or Bolt server cannot be reached
	 */
	static void install(DatabaseManagementService dbms, BrowserOriginPolicy policy) {
		DependencyResolver dependencies = ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
			.getDependencyResolver();
		guardHttp(dependencies.resolveDependency(NeoWebServer.class), policy);
		guardBolt(dependencies.resolveDependency(BoltServer.class), policy);
	}

	private static void guardHttp(NeoWebServer webServer, BrowserOriginPolicy policy) {
		Server jetty = jetty(webServer);
		HttpConfiguration.Customizer customizer = (request, responseHeaders) -> {
			String host = request.getHeaders().get(HttpHeader.HOST);
			if (!policy.allowsHost(host)) {
				throw new BadMessageException(421, "Host not allowed");
			}
			if (!policy.allowsOrigin(request.getHeaders().get(HttpHeader.ORIGIN))) {
				throw new BadMessageException(403, "Origin not allowed");
			}
			return request;
		};
		int guarded = 0;
		for (Connector connector : jetty.getConnectors()) {
			HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
			if (http != null) {
				http.getHttpConfiguration().addCustomizer(customizer);
				guarded++;
			}
		}
		if (guarded == 0) {
			throw new IllegalStateException("The engine's web server has no HTTP connector to guard");
		}
	}

	private static Server jetty(NeoWebServer webServer) {
		try {
			Field field = AbstractNeoWebServer.class.getDeclaredField("webServer");
			field.setAccessible(true);
			return ((JettyWebServer) field.get(webServer)).getJetty();
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			throw new IllegalStateException("The engine's web server cannot be guarded: " + ex, ex);
		}
	}

	private static void guardBolt(BoltServer bolt, BrowserOriginPolicy policy) {
		if (bolt.getConnectors().isEmpty()) {
			throw new IllegalStateException("The engine has no Bolt connector to guard");
		}
		ConnectorListener listener = new ConnectorListener() {
			@Override
			public void onConnectionCreated(Connection connection) {
				connection.modifyPipeline(pipeline -> pipeline.addFirst("lodestone-websocket-guard",
						new BoltWebSocketGuard(policy)));
			}
		};
		bolt.getConnectors().forEach(connector -> connector.registerListener(listener));
	}

}
