-- Idempotency keys (system.http.IdempotencyFilter): one row per (principal, Idempotency-Key). A request claims
-- its key (state IN_PROGRESS, with a lease its node renews while it runs); the answer (status, headers, body) is
-- stored with state COMPLETED in the same database transaction as the events the request appends. Rows are deleted
-- after tracker.idempotency.retention.
create table idempotency_key (
    scope varchar(255) not null,
    idem_key varchar(255) not null,
    fingerprint varchar(64) not null,
    state varchar(16) not null,
    owner varchar(100),
    lease_until timestamp(6) with time zone,
    status integer,
    content_type varchar(255),
    location varchar(2000),
    etag varchar(255),
    body ${binary},
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null,
    primary key (scope, idem_key)
);

create index idx_idempotency_key_expires on idempotency_key (expires_at);
