package org.pipelinetracker.storage.postgres;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL with Axon's {@code @Lob byte[]} columns (event and snapshot payload and metadata, tokens, sagas,
 * dead letters) stored as {@code bytea}. Plain {@link PostgreSQLDialect} maps a BLOB to {@code oid}: a pointer to a
 * large object that is never deleted with its row, is not readable with {@code ResultSet.getBytes} and fails
 * {@code ddl-auto=validate} against the {@code bytea} columns of db/migration/common with PostgreSQL's types. Here a BLOB is a
 * {@code bytea} column, bound and read as plain bytes ({@link BinaryJdbcType}), like a {@code byte[]} without
 * {@code @Lob}. Selected by {@code spring.jpa.database-platform} in application-postgres.properties.
 */
public class PostgresBinaryDialect extends PostgreSQLDialect {

	public PostgresBinaryDialect() {
		super();
	}

	public PostgresBinaryDialect(DialectResolutionInfo info) {
		super(info);
	}

	@Override
	protected String columnType(int sqlTypeCode) {
		return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
	}

	@Override
	protected String castType(int sqlTypeCode) {
		return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
	}

	@Override
	public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
		super.contributeTypes(typeContributions, serviceRegistry);
		typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlTypes.BLOB,
				BinaryJdbcType.INSTANCE);
	}
}
