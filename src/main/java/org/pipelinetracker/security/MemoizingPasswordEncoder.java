package org.pipelinetracker.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BCrypt, remembering successful checks for a while. A BCrypt check of cost 10 takes ~70 ms of CPU; API clients
 * send HTTP Basic credentials with every request, so without this each request would pay it. A successful
 * (password, hash) pair is remembered as an HMAC-SHA-256 under a random key made at start-up (never the password
 * itself) for {@code tracker.security.credential-cache}; failed checks are never remembered, so guessing a password
 * still costs a full BCrypt per try. Entries are bounded; the cache is per process.
 */
final class MemoizingPasswordEncoder implements PasswordEncoder {

	static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;
	private final long ttlNanos;
	private final ConcurrentHashMap<String, Long> remembered = new ConcurrentHashMap<>();
	/**
	 * One keyed HMAC per request thread: looking one up through the security providers and keying it on every request
	 * cost more than the digest itself.
	 */
	private final ThreadLocal<Mac> macs;

	MemoizingPasswordEncoder(PasswordEncoder delegate, Duration ttl) {
		this.delegate = delegate;
		this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		SecretKeySpec secret = new SecretKeySpec(key, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> keyed(secret));
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (ttlNanos == 0 || rawPassword == null || encodedPassword == null) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		String entry = digest(rawPassword, encodedPassword);
		long now = System.nanoTime();
		Long until = remembered.get(entry);
		if (until != null && until - now > 0) {
			return true;
		}
		boolean matches = delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (remembered.size() >= MAX_ENTRIES) {
				remembered.values().removeIf(expiry -> expiry - now <= 0);
				if (remembered.size() >= MAX_ENTRIES) {
					remembered.clear();
				}
			}
			remembered.put(entry, now + ttlNanos);
		}
		else if (until != null) {
			remembered.remove(entry);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return false; // hashes come from configuration: never rewritten at run time
	}

	int size() {
		return remembered.size();
	}

	/** The digest of one (hash, password) pair; {@code doFinal} leaves the thread's HMAC reset, with its key. */
	private String digest(CharSequence raw, String encoded) {
		Mac mac = macs.get();
		mac.update(encoded.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(mac.doFinal());
	}

	private static Mac keyed(SecretKeySpec secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
