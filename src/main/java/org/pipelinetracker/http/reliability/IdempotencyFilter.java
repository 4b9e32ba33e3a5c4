package org.pipelinetracker.http.reliability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.http.reliability.IdempotencyStore.Busy;
import org.pipelinetracker.http.reliability.IdempotencyStore.Claim;
import org.pipelinetracker.http.reliability.IdempotencyStore.Claimed;
import org.pipelinetracker.http.reliability.IdempotencyStore.Mismatch;
import org.pipelinetracker.http.reliability.IdempotencyStore.Replay;
import org.pipelinetracker.http.reliability.IdempotencyStore.StoredResponse;
import org.pipelinetracker.kernel.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on the API's writes (POST, PUT, PATCH, DELETE under {@code /api/}).
 * <p>
 * The key is scoped to the authenticated principal ({@code anonymous} without one). The first request with a key
 * claims it; the request's fingerprint is SHA-256 over method, path, query and body. A repeat with the same
 * fingerprint gets the stored answer (status, Content-Type, Location, ETag, body, plus
 * {@code Idempotent-Replayed: true}) and appends nothing; a different request with the same key is 422; a repeat
 * while the first still runs is 409 with {@code Retry-After}.
 * <p>
 * <b>One transaction.</b> A keyed write to a path in {@code tracker.idempotency.transactional-paths} (the projects'
 * and facilities' writes) runs in one Axon unit of work with one database transaction: every command it sends is a
 * nested unit of work, whose events are appended when the request's unit of work commits, in the same transaction
 * as the stored answer. Either the events and the answer are both committed, or neither is: a crash in between
 * leaves only the claim, whose lease runs out, and the retry runs the request afresh. Several commands of one
 * request (a facility reservation, then the commitment) commit together or not at all; a refusal rolls back all of
 * them. Aggregate locks are held until that commit, so a request sees the writes of requests before it.
 * <p>
 * <b>Races across nodes.</b> If the commit fails because another node appended to the same aggregate first (or the
 * request's handler failed so), the request is run again, up to {@code tracker.idempotency.max-attempts} times, and
 * only then answered 409 {@code /problems/conflict}.
 * <p>
 * Other keyed writes (import, admin) store their answer after they finish, in a transaction of their own: a crash
 * before that leaves the claim, and the retry runs the request again (the IATI import appends only what is missing).
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final IdempotencyStore store;
	private final TransactionManager transactions;
	private final Supplier<DispatcherServlet> dispatcher;
	private final List<String> transactionalPaths;
	private final int maxAttempts;
	private final AntPathMatcher paths = new AntPathMatcher();
	private final Map<String, Claimed> running = new ConcurrentHashMap<>();

	IdempotencyFilter(IdempotencyStore store, TransactionManager transactions, Supplier<DispatcherServlet> dispatcher,
			List<String> transactionalPaths, int maxAttempts) {
		this.store = store;
		this.transactions = transactions;
		this.dispatcher = dispatcher;
		this.transactionalPaths = transactionalPaths;
		this.maxAttempts = Math.max(1, maxAttempts);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WRITES.contains(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HEADER);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = unquote(header.trim());
		if (!KEY.matcher(key).matches()) {
			Problems.invalidHeader(HEADER, Text.of("problem.field.idempotencyKey"))
					.write(request, response);
			return;
		}
		Principal principal = request.getUserPrincipal();
		String scope = principal == null || principal.getName() == null ? "anonymous" : principal.getName();
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase().startsWith("multipart/");
		try (CachedBodyRequest cached = multipart ? null : CachedBodyRequest.of(request)) {
			HttpServletRequest body = cached != null ? cached : request;
			String fingerprint = fingerprint(request, cached != null ? cached.sha256Hex() : partsHash(request));
			String owner = UUID.randomUUID().toString();
			Claim claim = store.claim(scope, key, fingerprint, owner);
			if (claim instanceof Replay replay) {
				replay(response, replay.response());
			}
			else if (claim instanceof Mismatch) {
				Problems.of(Kind.IDEMPOTENCY_KEY_REUSED, key).write(request, response);
			}
			else if (claim instanceof Busy busy) {
				long seconds = Math.max(1, Duration.between(Instant.now(), busy.leaseUntil()).toSeconds());
				Problems.of(Kind.IDEMPOTENT_REQUEST_RUNNING, key)
						.header("Retry-After", String.valueOf(Math.min(seconds, 5))).write(request, response);
			}
			else if (claim instanceof Claimed claimed) {
				if (claimed.takenOver()) {
					log.info("Idempotency key of {} taken over from an attempt whose lease ran out; running {} {} again",
							scope, request.getMethod(), request.getRequestURI());
				}
				String runningKey = scope + '\u0000' + key;
				running.put(runningKey, claimed);
				try {
					run(body, response, chain, scope, key, owner);
				}
				finally {
					running.remove(runningKey);
				}
			}
		}
		catch (BodyTooLargeException tooLarge) {
			Problems.of(Kind.BODY_OVER_LIMIT, tooLarge.limit()).with("limit", tooLarge.limit()).write(request, response);
		}
	}

	/** Extends the leases of the requests this node is running (called every lease / 3). */
	void renewLeases() {
		running.forEach((runningKey, claimed) -> {
			int split = runningKey.indexOf('\u0000');
			try {
				store.renew(runningKey.substring(0, split), runningKey.substring(split + 1), claimed.owner());
			}
			catch (RuntimeException e) {
				log.debug("Lease renewal failed (will try again)", e);
			}
		});
	}

	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope,
			String key, String owner) throws IOException, ServletException {
		boolean transactional = transactionalPaths.stream()
				.anyMatch(p -> paths.match(request.getContextPath() + p, request.getRequestURI()));
		boolean stored = false;
		try {
			for (int attempt = 1; ; attempt++) {
				boolean last = attempt >= maxAttempts;
				request.removeAttribute(TransientFailures.ATTRIBUTE);
				if (attempt > 1) {
					response.reset();
				}
				ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
				Outcome outcome = transactional
						? attemptInOneTransaction(request, buffer, chain, attempt, scope, key, owner)
						: attemptAndStore(request, buffer, chain, attempt, scope, key, owner);
				if (outcome == Outcome.RETRY && !last) {
					pause(attempt);
					continue;
				}
				if (outcome == Outcome.RETRY || outcome == Outcome.CONFLICT) {
					response.reset();
					Problems.of(Kind.CHANGED_CONCURRENTLY).write(request, response);
					return;
				}
				if (outcome == Outcome.LOST_KEY) {
					response.reset();
					Problems.of(Kind.IDEMPOTENT_REQUEST_TAKEN_OVER, key).write(request, response);
					stored = true; // not ours any more
					return;
				}
				stored = outcome == Outcome.STORED;
				buffer.copyBodyToResponse();
				return;
			}
		}
		finally {
			if (!stored) {
				try {
					store.release(scope, key, owner);
				}
				catch (RuntimeException e) {
					log.warn("Could not release the idempotency key of {}; it is released when its lease ends", scope, e);
				}
			}
		}
	}

	private enum Outcome {
		/** The answer is stored under the key. */
		STORED,
		/** Answered, but not stored (5xx): the key is given up. */
		NOT_STORED,
		/** A transient failure: run it again. */
		RETRY,
		/** The transaction could not be committed; nothing recorded. */
		CONFLICT,
		/** The claim was taken over by another request. */
		LOST_KEY
	}

	private Outcome attemptInOneTransaction(HttpServletRequest request, ContentCachingResponseWrapper buffer,
			FilterChain chain, int attempt, String scope, String key, String owner) throws IOException, ServletException {
		UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
				new GenericMessage<>(request.getMethod() + " " + request.getRequestURI()));
		try {
			unitOfWork.attachTransaction(transactions);
			dispatch(request, buffer, chain, attempt);
			int status = buffer.getStatus();
			if (status >= 200 && status < 300) {
				if (!store.complete(scope, key, owner, stored(buffer))) {
					unitOfWork.rollback();
					return Outcome.LOST_KEY;
				}
				try {
					unitOfWork.commit();
				}
				catch (RuntimeException failed) {
					if (TransientFailures.isTransient(failed)) {
						log.debug("Commit of {} {} lost a race (attempt {})", request.getMethod(),
								request.getRequestURI(), attempt, failed);
						return Outcome.RETRY;
					}
					log.error("Commit of {} {} failed; nothing was recorded", request.getMethod(), request.getRequestURI(),
							failed);
					return Outcome.CONFLICT;
				}
				return Outcome.STORED;
			}
			unitOfWork.rollback();
			return afterFailure(request, buffer, scope, key, owner);
		}
		finally {
			if (unitOfWork.isActive()) {
				unitOfWork.rollback();
			}
		}
	}

	private Outcome attemptAndStore(HttpServletRequest request, ContentCachingResponseWrapper buffer, FilterChain chain,
			int attempt, String scope, String key, String owner) throws IOException, ServletException {
		dispatch(request, buffer, chain, attempt);
		int status = buffer.getStatus();
		if (status >= 200 && status < 300) {
			return store.complete(scope, key, owner, stored(buffer)) ? Outcome.STORED : Outcome.NOT_STORED;
		}
		return afterFailure(request, buffer, scope, key, owner);
	}

	/** A refusal (4xx) is the request's answer and is stored; a race lost is retried; a 5xx gives the key up. */
	private Outcome afterFailure(HttpServletRequest request, ContentCachingResponseWrapper buffer, String scope, String key,
			String owner) {
		Throwable error = TransientFailures.recorded(request);
		if (error != null && TransientFailures.isTransient(error)) {
			return Outcome.RETRY;
		}
		int status = buffer.getStatus();
		if (status >= 500 || status == 408 || status == 429) {
			return Outcome.NOT_STORED;
		}
		return store.complete(scope, key, owner, stored(buffer)) ? Outcome.STORED : Outcome.NOT_STORED;
	}

	private void dispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain, int attempt)
			throws IOException, ServletException {
		if (attempt == 1) {
			chain.doFilter(request, response);
		}
		else {
			// the filters around this one ran already; this filter is the last one, so only the servlet is left
			dispatcher.get().service(request, response);
		}
	}

	private static StoredResponse stored(ContentCachingResponseWrapper buffer) {
		return new StoredResponse(buffer.getStatus(), buffer.getContentType(), buffer.getHeader("Location"),
				buffer.getHeader("ETag"), buffer.getContentAsByteArray());
	}

	private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader("Location", stored.location());
		}
		if (stored.etag() != null) {
			response.setHeader("ETag", stored.etag());
		}
		response.setHeader("Idempotent-Replayed", "true");
		byte[] body = stored.body() == null ? new byte[0] : stored.body();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String fingerprint(HttpServletRequest request, String bodyHash) {
		MessageDigest digest = CachedBodyRequest.sha256();
		String head = request.getMethod() + "\n" + request.getRequestURI() + "\n"
				+ (request.getQueryString() == null ? "" : request.getQueryString()) + "\n" + bodyHash;
		return HexFormat.of().formatHex(digest.digest(head.getBytes(StandardCharsets.UTF_8)));
	}

	/** A multipart body is hashed part by part (the container parses it; its stream cannot be read here). */
	private static String partsHash(HttpServletRequest request) throws IOException, ServletException {
		MessageDigest digest = CachedBodyRequest.sha256();
		byte[] buffer = new byte[8192];
		for (Part part : request.getParts()) {
			digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
			try (InputStream in = part.getInputStream()) {
				int n;
				while ((n = in.read(buffer)) > 0) {
					digest.update(buffer, 0, n);
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String unquote(String key) {
		return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
