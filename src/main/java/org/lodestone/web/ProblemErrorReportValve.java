package org.lodestone.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report, for requests it refuses before the application sees them (a malformed request line, an
 * encoded slash, headers too large), written as problem details instead of Tomcat's HTML page. Everything that
 * reaches the application is answered by Spring MVC or {@code /error}; this valve writes only when nothing else did.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = (status >= 500) ? "The request could not be completed"
				: "The server refused the request before handling it; check the URL and headers";
		String json = "{\"type\":\"" + ProblemTypes.forStatus(status) + "\",\"title\":\"" + title + "\",\"status\":"
				+ status + ",\"detail\":\"" + detail + "\"}";
		try {
			response.setContentType("application/problem+json");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was committed meanwhile; nothing more to do
		}
	}

}
