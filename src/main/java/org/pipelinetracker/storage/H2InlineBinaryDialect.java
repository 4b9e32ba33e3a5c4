package org.pipelinetracker.storage;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * H2 with Axon's {@code @Lob byte[]} columns (event and snapshot payload and metadata, tokens, sagas, dead letters)
 * as {@code VARBINARY}: the value is stored in the row, not in H2's separate LOB storage, which costs extra
 * look-ups on every read and extra pages on every commit (issue 9; migration V10). Bound and read as plain bytes
 * ({@link VarbinaryJdbcType}). Selected by {@code spring.jpa.database-platform} in application.properties.
 */
public class H2InlineBinaryDialect extends H2Dialect {

	public H2InlineBinaryDialect() {
		super();
	}

	public H2InlineBinaryDialect(DialectResolutionInfo info) {
		super(info);
	}

	@Override
	protected String columnType(int sqlTypeCode) {
		return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.columnType(sqlTypeCode);
	}

	@Override
	protected String castType(int sqlTypeCode) {
		return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.castType(sqlTypeCode);
	}

	@Override
	public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
		super.contributeTypes(typeContributions, serviceRegistry);
		typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlTypes.BLOB,
				VarbinaryJdbcType.INSTANCE);
	}
}
