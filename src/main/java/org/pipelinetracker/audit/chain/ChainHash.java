package org.pipelinetracker.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The chain hash of one event: SHA-256 over length-prefixed fields, so no two different rows can produce the same
 * input by moving bytes from one field to the next. The layout is documented in {@code package-info.java}; change
 * it only together with {@link #LAYOUT}.
 */
final class ChainHash {

	/** The first field of every hash input: names the layout, so a future layout can never collide with this one. */
	static final String LAYOUT = "pipeline-tracker/event-chain/v1";
	/** The previous hash of the first chain row. */
	static final String GENESIS_HASH = "0".repeat(64);
	/** The previous index of the first chain row: global indexes start at 1. */
	static final long GENESIS_INDEX = 0;

	private static final byte[] LAYOUT_BYTES = LAYOUT.getBytes(StandardCharsets.US_ASCII);
	private static final HexFormat HEX = HexFormat.of();
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private ChainHash() {
	}

	/** The hash of {@code event} chained after the row ({@code previousIndex}, {@code previousHash}). */
	static String of(String previousHash, long previousIndex, StoredEvent event) {
		if (!isHash(previousHash)) {
			throw new IllegalArgumentException("not a SHA-256 hash in lower-case hex: " + previousHash);
		}
		MessageDigest sha = sha256();
		field(sha, LAYOUT_BYTES);
		field(sha, HEX.parseHex(previousHash));
		field(sha, previousIndex);
		field(sha, event.globalIndex());
		field(sha, event.aggregateIdentifier());
		field(sha, event.sequenceNumber());
		field(sha, event.type());
		field(sha, event.eventIdentifier());
		field(sha, event.payloadType());
		field(sha, event.payloadRevision());
		field(sha, event.payload());
		field(sha, event.metaData());
		field(sha, event.timeStamp());
		return HEX.formatHex(sha.digest());
	}

	static boolean isHash(String value) {
		return value != null && HASH.matcher(value).matches();
	}

	/** A 4-byte big-endian length, then the bytes; SQL NULL is the length -1 and no bytes. */
	private static void field(MessageDigest sha, byte[] bytes) {
		if (bytes == null) {
			sha.update(ByteBuffer.allocate(4).putInt(-1).array());
			return;
		}
		sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
		sha.update(bytes);
	}

	/** A string as its UTF-8 bytes. */
	private static void field(MessageDigest sha, String text) {
		field(sha, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
	}

	/** A number as 8 bytes, big-endian two's complement. */
	private static void field(MessageDigest sha, long number) {
		field(sha, ByteBuffer.allocate(8).putLong(number).array());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform provides SHA-256", e);
		}
	}
}
