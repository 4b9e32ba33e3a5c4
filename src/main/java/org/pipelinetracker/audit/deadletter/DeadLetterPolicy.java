package org.pipelinetracker.audit.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any exception parks the event (a projection has no failure it may skip): the cause is kept, truncated to
 * {@value ThrowableCause#TRUNCATED_MESSAGE_SIZE} characters (the size of {@code dead_letter_entry.cause_message}),
 * and the diagnostics count the failed attempts ({@value #ATTEMPTS}), the first one included. Applies both when an
 * event first fails and when a retry fails again.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

	static final String ATTEMPTS = "attempts";
	private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

	private final String processingGroup;

	DeadLetterPolicy(String processingGroup) {
		this.processingGroup = processingGroup;
	}

	@Override
	public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
		int attempts = attempts(letter.diagnostics()) + 1;
		EventMessage<?> event = letter.message();
		if (attempts == 1) {
			log.warn("Processing group {} could not handle event {} ({}); it is dead-lettered, and the later events of "
					+ "its sequence queue behind it until it is retried or evicted", processingGroup, event.getIdentifier(),
					payloadType(event), cause);
		}
		else {
			log.warn("Processing group {} failed again (attempt {}) on dead-lettered event {}: {}", processingGroup,
					attempts, event.getIdentifier(), cause.toString());
		}
		return Decisions.enqueue(ThrowableCause.truncated(cause), l -> l.diagnostics().and(ATTEMPTS, attempts));
	}

	/** For the log only: a payload that cannot be read must not stop the event from being parked. */
	private static String payloadType(EventMessage<?> event) {
		try {
			return event.getPayloadType().getName();
		}
		catch (RuntimeException e) {
			return "unreadable payload";
		}
	}

	static int attempts(MetaData diagnostics) {
		Object value = diagnostics == null ? null : diagnostics.get(ATTEMPTS);
		if (value instanceof Number n) {
			return n.intValue();
		}
		if (value instanceof String s) {
			try {
				return Integer.parseInt(s);
			}
			catch (NumberFormatException e) {
				return 0;
			}
		}
		return 0;
	}
}
