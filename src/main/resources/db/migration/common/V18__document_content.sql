-- Documents (issue 22): uploaded files, stored in the database so that every node serves them.
-- document_content keeps each distinct content once, under its SHA-256 (lower-case hex): ${binary} is bytea on
-- PostgreSQL (never an oid large object, which the table would not own) and a BLOB on H2 (streamed in and out).
-- document_file says which document of which project holds which content; the DocumentAttachedEvent that records the
-- same hash is written in the same transaction as both rows.
create table document_content (
    sha256      varchar(64)  not null primary key,
    size_bytes  bigint       not null,
    media_type  varchar(255) not null,
    content     ${binary}    not null,
    stored_at   timestamp    default current_timestamp not null
);

create table document_file (
    project_id  varchar(64)  not null,
    document_id varchar(200) not null,
    sha256      varchar(64)  not null references document_content (sha256),
    primary key (project_id, document_id)
);

create index document_file_sha256 on document_file (sha256);
