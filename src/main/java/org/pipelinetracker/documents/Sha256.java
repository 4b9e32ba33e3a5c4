package org.pipelinetracker.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a stream, lower-case hex, copying it on the way when asked. */
final class Sha256 {

	record Digest(String hex, long size) {
	}

	private Sha256() {
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Reads {@code in} to its end (at most {@code limit} + 1 bytes), writing what it reads to {@code copy} if given. */
	static Digest of(InputStream in, OutputStream copy, long limit) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			digest.update(buffer, 0, n);
			size += n;
			if (copy != null) {
				copy.write(buffer, 0, n);
			}
			if (size > limit) {
				break;
			}
		}
		return new Digest(HexFormat.of().formatHex(digest.digest()), size);
	}
}
