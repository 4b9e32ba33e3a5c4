package org.pipelinetracker.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.ExceptionUtils;
import org.pipelinetracker.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The errors of the servlet container (Tomcat) that happen before a request reaches the application: a request
 * line or headers that cannot be parsed or are over the limit (about 8 KB), an encoded {@code /} or {@code \} in
 * the path, {@code %00}, an invalid percent-encoding, an unsupported {@code Transfer-Encoding}, {@code Expect} or
 * HTTP version. Tomcat answers them with its error report valve, an HTML page; this customizer puts
 * {@link ProblemValve} in its place, which answers the problem of the status ({@link Problems#ofStatus}) with the
 * {@link SecurityHeaders}, in the language of {@code Accept-Language}.
 * <p>
 * Applied last, after Spring Boot's own customizer (which adds a plain error report valve when stack traces are
 * never shown): every other error report valve of the host is removed, and the host is told that ours is the one
 * (so it adds no other when it starts).
 */
final class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container parent = context.getParent();
			for (Valve valve : parent.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					parent.getPipeline().removeValve(valve);
				}
			}
			parent.getPipeline().addValve(new ProblemValve());
			if (parent instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Tomcat's error report valve, answering a problem instead of its HTML page. */
	static final class ProblemValve extends ErrorReportValve {

		private static final Logger log = LoggerFactory.getLogger(ProblemValve.class);

		ProblemValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			try {
				String reference = null;
				if (Problems.isUnexpected(status)) {
					reference = UUID.randomUUID().toString();
					log.error("Unexpected error in the servlet container, reference {}", reference, throwable);
				}
				else {
					log.debug("The servlet container refused a request with {}", status, throwable);
				}
				ApplicationRequest answered = new ApplicationRequest(request, servletContext(request));
				SecurityHeaders.write(answered, response);
				Problems.ofStatus(status, request.getMethod(), request.getRequestURI(), request.getContentType(),
						reference).write(answered, response);
			}
			catch (Throwable t) {
				ExceptionUtils.handleThrowable(t);
				log.debug("Could not answer the container's error {}", status, t);
			}
		}

		/** The application's context, also for a request that was never mapped to it (to find the catalogue). */
		private ServletContext servletContext(Request request) {
			Context context = request.getContext();
			if (context == null && getContainer() instanceof Host host) {
				for (Container child : host.findChildren()) {
					if (child instanceof Context candidate) {
						context = candidate;
						break;
					}
				}
			}
			return context == null ? null : context.getServletContext();
		}
	}

	/** A request that names the application's servlet context even when the container never mapped it there. */
	private static final class ApplicationRequest extends HttpServletRequestWrapper {

		private final ServletContext context;

		ApplicationRequest(Request request, ServletContext context) {
			super(request);
			this.context = context;
		}

		@Override
		public ServletContext getServletContext() {
			return context;
		}
	}
}
