package org.pipelinetracker.iati.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read (for the progress) and stops reading past {@code max} bytes (0: no limit) with an
 * IOException, which the XML reader surfaces; {@link #exceeded()} then tells the importer the file was too large.
 */
final class CountingStream extends FilterInputStream {

	private final long max;
	private long count;
	private boolean exceeded;

	CountingStream(InputStream in, long max) {
		super(in);
		this.max = max;
	}

	long count() {
		return count;
	}

	boolean exceeded() {
		return exceeded;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			add(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			add(n);
		}
		return n;
	}

	private void add(long n) throws IOException {
		count += n;
		if (max > 0 && count > max) {
			exceeded = true;
			throw new IOException("the file is larger than the import limit of " + max + " bytes");
		}
	}
}
