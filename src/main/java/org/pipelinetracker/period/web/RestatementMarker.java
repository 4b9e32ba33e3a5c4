package org.pipelinetracker.period.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Marks every command an HTTP write sends as a restatement when the request carries {@value #HEADER}: the reason
 * becomes the command's {@link AuditMetadata#RESTATEMENT_REASON}, and so the metadata of every event it produces.
 * One header for every write endpoint, whatever its body; checked here, in the caller's thread, before the command
 * is sent:
 * <ul>
 * <li>only FINANCE and ADMIN may restate (403 for anyone else, nothing recorded);</li>
 * <li>the reason is 1 to {@value #MAX_LENGTH} characters; a reason that is not ASCII is sent percent-encoded UTF-8
 * ({@code %D0%BF...}), as headers carry no other characters (400 when it is blank, too long or not valid UTF-8).</li>
 * </ul>
 * Commands not sent by an HTTP request (the demo data, the command-line import, deadlines) are never restatements.
 */
@Component
class RestatementMarker implements MessageDispatchInterceptor<CommandMessage<?>> {

	static final String HEADER = "X-Restatement-Reason";
	static final int MAX_LENGTH = 500;

	RestatementMarker(CommandBus commandBus) {
		commandBus.registerDispatchInterceptor(this);
	}

	@Override
	public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
		return (index, command) -> {
			if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
				return command; // not an HTTP request, or a retry on another thread: the metadata is already set
			}
			String reason = reason(attributes.getRequest());
			return reason == null ? command : command.andMetaData(Map.of(AuditMetadata.RESTATEMENT_REASON, reason));
		};
	}

	/** The request's restatement reason, or null when it is none; refused when the caller may not restate. */
	static String reason(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header == null) {
			return null;
		}
		String reason = decode(header).strip();
		if (reason.isEmpty() || reason.length() > MAX_LENGTH) {
			throw InvalidRequestException.of(HEADER, Text.of("problem.field.restatementReason")
					.with("max", MAX_LENGTH));
		}
		if (!request.isUserInRole("FINANCE") && !request.isUserInRole("ADMIN")) {
			throw Problems.of(Kind.RESTATEMENT_ROLE_REQUIRED).with("requiredRoles", List.of("FINANCE", "ADMIN")).exception();
		}
		return reason;
	}

	/** Percent-encoded UTF-8 decoded ({@code %XX} only; a {@code +} stays a plus). */
	private static String decode(String header) {
		if (header.indexOf('%') < 0) {
			return header;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '%' && i + 2 < header.length() && isHex(header.charAt(i + 1)) && isHex(header.charAt(i + 2))) {
				bytes.write(Integer.parseInt(header.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else if (c > 0x7f) {
				throw invalid();
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
					.toString();
		}
		catch (CharacterCodingException e) {
			throw invalid();
		}
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static InvalidRequestException invalid() {
		return InvalidRequestException.of(HEADER, Text.of("problem.field.restatementReason").with("max", MAX_LENGTH));
	}
}
