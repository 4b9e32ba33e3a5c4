-- Performance (issue 9): binary and text values stored in the row, not as large objects.
-- On H2 a BLOB/CLOB value longer than a few hundred bytes (every event payload, most metadata, the project-status
-- documents) goes to H2's separate LOB storage: more lookups to read it and more pages to write at every commit.
-- ${binary_inline} / ${text_inline} are VARBINARY / CHARACTER VARYING on H2 (both up to 10^9 bytes or characters)
-- and bytea / text on PostgreSQL, where the columns already have these types (nothing changes there).
-- Axon's @Lob byte[] columns are mapped to the same type by the H2 dialect (system.H2InlineBinaryDialect);
-- The hot columns only: the event, snapshot and token tables and the project-status documents. The others (sagas,
-- dead letters, scheduled tasks, idempotency answers) are rarely written and keep their types.
alter table domain_event_entry alter column payload set data type ${binary_inline};
alter table domain_event_entry alter column meta_data set data type ${binary_inline};
alter table snapshot_event_entry alter column payload set data type ${binary_inline};
alter table snapshot_event_entry alter column meta_data set data type ${binary_inline};
alter table token_entry alter column token set data type ${binary_inline};
alter table project_view alter column document set data type ${text_inline};
