package org.pipelinetracker.http.reliability;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Remembers the exception a request's handler failed with (for the request-level retry of
 * {@link IdempotencyFilter}) and leaves its answer to the other resolvers; and tells transient failures, worth a retry,
 * from the rest.
 */
class TransientFailures implements HandlerExceptionResolver, Ordered {

	static final String ATTRIBUTE = TransientFailures.class.getName() + ".error";

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		request.setAttribute(ATTRIBUTE, ex);
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static Throwable recorded(HttpServletRequest request) {
		return (Throwable) request.getAttribute(ATTRIBUTE);
	}

	/**
	 * A race lost to another writer, which a new attempt may win: Axon's {@link ConcurrencyException} (another node
	 * appended the same aggregate sequence number first), a stream created at the same moment
	 * ({@link AggregateStreamCreationException}; the new attempt then sees it exists), a lock deadlock, or the
	 * database's own transient lock failures. Never a refusal ({@code ConflictingModificationException} included).
	 */
	static boolean isTransient(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
					|| t instanceof DeadlockException || t instanceof PessimisticLockingFailureException
					|| t instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}
}
