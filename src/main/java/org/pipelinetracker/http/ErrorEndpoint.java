package org.pipelinetracker.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problems.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.UUID;

/**
 * {@code /error}, where the servlet container sends every error that no handler answered ({@code sendError} of a
 * filter or of Spring Security's handlers, an exception that escaped every filter, the container's refusal of a
 * method such as {@code TRACE}): instead of Spring Boot's own JSON ({@code timestamp}, {@code error}, {@code path}),
 * the problem of its status ({@link Problems#ofStatus}) for the request that failed (its method and path), whatever
 * the request accepts. An unexpected error is logged with a reference, as {@link ApiProblemHandler} does. Asked for
 * directly, {@code /error} is a path like any other that nothing answers: 404.
 */
@Controller
class ErrorEndpoint implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
			Problems.of(Kind.NO_ENDPOINT, request.getMethod(), request.getRequestURI()).write(request, response);
			return;
		}
		String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
				: request.getRequestURI();
		String reference = null;
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (Problems.isUnexpected(status)) {
			reference = UUID.randomUUID().toString();
			log.error("Unexpected error, reference {}", reference, failure);
		}
		if (!response.isCommitted()) {
			response.resetBuffer();
		}
		String method = request.getAttribute(RequestDispatcher.ERROR_METHOD) instanceof String original ? original
				: request.getMethod();
		Problems.ofStatus(status, method, path, request.getContentType(), reference).write(request, response);
	}
}
