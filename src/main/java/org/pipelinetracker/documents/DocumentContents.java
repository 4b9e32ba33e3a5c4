package org.pipelinetracker.documents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The stored files: {@code document_content} keeps each distinct content once, under its SHA-256, and
 * {@code document_file} says which document of which project holds which content. Bytes go in and out as streams
 * ({@code bytea} on PostgreSQL, a BLOB on H2), never as one array built here.
 */
@Repository
class DocumentContents {

	/** Reads a stored content's bytes; called while the result set is open. */
	interface ContentReader<T> {
		T read(InputStream bytes) throws IOException;
	}

	record Reference(String projectId, String documentId, String sha256) {
	}

	private final JdbcTemplate jdbc;

	DocumentContents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String sha256) {
		Integer count = jdbc.queryForObject("select count(*) from document_content where sha256 = ?", Integer.class,
				sha256);
		return count != null && count > 0;
	}

	/** Stores the content under its hash, read from {@code bytes} ({@code size} bytes). */
	void insert(String sha256, long size, String mediaType, InputStream bytes) {
		jdbc.update("insert into document_content (sha256, size_bytes, media_type, content) values (?, ?, ?, ?)",
				ps -> {
					ps.setString(1, sha256);
					ps.setLong(2, size);
					ps.setString(3, mediaType);
					ps.setBinaryStream(4, bytes, size);
				});
	}

	void reference(String projectId, String documentId, String sha256) {
		jdbc.update("insert into document_file (project_id, document_id, sha256) values (?, ?, ?)", projectId,
				documentId, sha256);
	}

	/** The stored bytes of this content, read by {@code reader}; empty when no content is stored under the hash. */
	<T> Optional<T> read(String sha256, ContentReader<T> reader) {
		return jdbc.query("select content from document_content where sha256 = ?", rs -> {
			if (!rs.next()) {
				return Optional.<T>empty();
			}
			try (InputStream in = rs.getBinaryStream(1)) {
				return Optional.ofNullable(reader.read(in == null ? InputStream.nullInputStream() : in));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, sha256);
	}

	List<String> hashes() {
		return jdbc.queryForList("select sha256 from document_content order by sha256", String.class);
	}

	List<Reference> references() {
		return jdbc.query("select project_id, document_id, sha256 from document_file order by project_id, document_id",
				(rs, row) -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	long count() {
		Long count = jdbc.queryForObject("select count(*) from document_content", Long.class);
		return count == null ? 0 : count;
	}
}
