package org.lodestone.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code lodestone mcp}: the MCP server over stdio, for desktop assistants that start their servers as child
 * processes. It runs the application without a web server, on the configured graph (the embedded engine's directory
 * or {@code NEO4J_URI}), serves one session on standard input and output, and exits when the assistant closes
 * standard input. Standard output carries protocol messages only, so everything else that would print there (logs,
 * the engine, the first-start load) is sent to standard error. There is no credential on stdio: whoever can start
 * the process can already read the store. For the same reason the stdio server offers only the read-only tools: the
 * one tool that writes, {@code propose_fact}, acts on a credential's WRITE role, which only HTTP carries.
 */
@Component
@ConditionalOnProperty(name = "lodestone.command", havingValue = McpStdioCommand.NAME)
public class McpStdioCommand implements ApplicationRunner {

	/** The command's name on the command line. */
	public static final String NAME = "mcp";

	private final LodestoneMcpServer server;

	private final Streams streams;

	McpStdioCommand(LodestoneMcpServer server, Streams streams) {
		this.server = server;
		this.streams = streams;
	}

	/**
	 * Runs the stdio server until standard input ends.
	 * @param application makes the application to start, without a web server; called only once standard output is
	 * taken, since creating it already logs
	 * @param args the command line, {@value #NAME} first
	 * @return the exit code
	 */
	public static int run(Supplier<SpringApplicationBuilder> application, String[] args) {
		PrintStream protocol = System.out;
		Streams streams = new Streams(new EndAwareInput(System.in), protocol);
		System.setOut(System.err);
		ConfigurableApplicationContext context = application.get().web(WebApplicationType.NONE)
			.properties("lodestone.command=" + NAME, "spring.main.banner-mode=off")
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("mcpStdioStreams", streams))
			.run(args);
		return SpringApplication.exit(context);
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		StdioServerTransportProvider transport = new StdioServerTransportProvider(this.server.mapper(),
				this.streams.in(), this.streams.out());
		// No credential travels on stdio, so the tool that proposes facts is not offered there.
		McpSyncServer mcp = this.server.build(McpServer.sync(transport), false);
		try {
			this.streams.in().awaitEnd();
		}
		finally {
			mcp.closeGracefully();
		}
	}

	/**
	 * The process's own standard streams, taken before anything else could print to standard output.
	 * @param in standard input
	 * @param out standard output
	 */
	record Streams(EndAwareInput in, PrintStream out) {
	}

	/** Standard input that tells when it has ended, which is how an assistant ends the session. */
	static final class EndAwareInput extends FilterInputStream {

		private final CountDownLatch ended = new CountDownLatch(1);

		EndAwareInput(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			return seen(super.read());
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return seen(super.read(buffer, offset, length));
		}

		@Override
		public void close() throws IOException {
			this.ended.countDown();
			super.close();
		}

		void awaitEnd() throws InterruptedException {
			this.ended.await();
		}

		private int seen(int result) {
			if (result < 0) {
				this.ended.countDown();
			}
			return result;
		}

	}

}
