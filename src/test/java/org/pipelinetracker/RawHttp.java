package org.pipelinetracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP library would refuse to send or would normalise first: a
 * malformed request line, {@code %00} or an encoded {@code /} in the path, {@code //}, a header over the limit,
 * bytes that are not ASCII in a header, an unknown method. The request is sent byte for byte as given; the answer is
 * read until the server closes the connection ({@code Connection: close} is up to the caller), chunks joined.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends {@code request} (ISO-8859-1: every char one byte) to localhost:{@code port} and reads the answer. */
	public static Answer send(int port, String request) {
		return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	public static Answer send(int port, byte[] request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return Answer.parse(all.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A GET of {@code target} (as written, not encoded) with the given header lines, closing the connection. */
	public static String get(String target, String... headerLines) {
		return request("GET", target, headerLines);
	}

	/** A request line and headers without a body, closing the connection. */
	public static String request(String method, String target, String... headerLines) {
		StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
				.append("Host: localhost\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return request.append("Connection: close\r\n\r\n").toString();
	}

	/** The answer: status, headers in order, the body (chunks joined) as UTF-8. */
	public record Answer(int status, List<String[]> headers, String body) {

		static Answer parse(byte[] bytes) {
			int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
			if (end < 0) {
				throw new AssertionError("no complete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
			}
			String[] head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(head[0].split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.add(new String[] {head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim()});
			}
			byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
			Answer raw = new Answer(status, headers, "");
			if ("chunked".equalsIgnoreCase(raw.header("Transfer-Encoding"))) {
				body = dechunk(body);
			}
			return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		/** The first value of a header (case-insensitive name), or null. */
		public String header(String name) {
			return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder().append(status).append('\n');
			headers.forEach(h -> text.append(h[0]).append(": ").append(h[1]).append('\n'));
			return text.append('\n').append(body).toString();
		}

		private static byte[] dechunk(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < body.length) {
				int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
				String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim().toLowerCase(Locale.ROOT), 16);
				if (size == 0) {
					break;
				}
				out.write(body, lineEnd + 2, size);
				at = lineEnd + 2 + size + 2;
			}
			return out.toByteArray();
		}

		private static int indexOf(byte[] bytes, byte[] part, int from) {
			outer:
			for (int i = from; i <= bytes.length - part.length; i++) {
				for (int j = 0; j < part.length; j++) {
					if (bytes[i + j] != part[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}
	}
}
