package org.pipelinetracker.http.reliability;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request whose body was read once, to fingerprint it, and can be read again (by each attempt of a retried write).
 * Up to {@link #IN_MEMORY} bytes are kept in memory, larger bodies (imports) in a temporary file.
 */
class CachedBodyRequest extends HttpServletRequestWrapper implements AutoCloseable {

	static final int IN_MEMORY = 1 << 20;

	private final byte[] bytes;
	private final Path file;
	private final String sha256;

	private CachedBodyRequest(HttpServletRequest request, byte[] bytes, Path file, String sha256) {
		super(request);
		this.bytes = bytes;
		this.file = file;
		this.sha256 = sha256;
	}

	/** Reads the whole body of {@code request} (through its limit) and hashes it. */
	static CachedBodyRequest of(HttpServletRequest request) throws IOException {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[8192];
		java.io.ByteArrayOutputStream memory = new java.io.ByteArrayOutputStream();
		Path file = null;
		OutputStream spill = null;
		try (InputStream in = request.getInputStream()) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
				if (spill == null && memory.size() + n > IN_MEMORY) {
					file = Files.createTempFile("request-body-", ".bin");
					spill = Files.newOutputStream(file);
					memory.writeTo(spill);
					memory = null;
				}
				if (spill != null) {
					spill.write(buffer, 0, n);
				}
				else {
					memory.write(buffer, 0, n);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (spill != null) {
				spill.close();
			}
			if (file != null) {
				Files.deleteIfExists(file);
			}
			throw e;
		}
		if (spill != null) {
			spill.close();
		}
		return new CachedBodyRequest(request, memory == null ? null : memory.toByteArray(), file,
				HexFormat.of().formatHex(digest.digest()));
	}

	String sha256Hex() {
		return sha256;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		InputStream in = file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
		return new ServletInputStream() {
			private boolean finished;

			@Override
			public int read() throws IOException {
				int b = in.read();
				finished = b < 0;
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = in.read(b, off, len);
				finished = n < 0;
				return n;
			}

			@Override
			public void close() throws IOException {
				in.close();
			}

			@Override
			public boolean isFinished() {
				return finished;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("synchronous reads only");
			}
		};
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	@Override
	public void close() throws IOException {
		if (file != null) {
			Files.deleteIfExists(file);
		}
	}
}
