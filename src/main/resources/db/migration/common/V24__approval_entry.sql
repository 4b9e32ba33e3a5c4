-- approvals read model (ApprovalsProjection, processing group approvals): one row per money entry submitted for a
-- second person's approval (four-eyes), with its state (PENDING, APPROVED, REJECTED) and who decided when. The
-- approvals inbox (GET /api/approvals) lists the pending ones; the USD value is computed when read (rates change).

create table approval_entry (
    entry_id varchar(64) not null,
    project_id varchar(200) not null,
    kind varchar(16) not null,
    funding_id varchar(200) not null,
    amount numeric(38, 6) not null,
    currency varchar(3) not null,
    effective_on date not null,
    facility_id varchar(200),
    submitted_by varchar(200) not null,
    submitted_at timestamp(6) with time zone not null,
    reason varchar(2000),
    state varchar(16) not null,
    decided_by varchar(200),
    decided_at timestamp(6) with time zone,
    decision_reason varchar(2000),
    primary key (entry_id)
);
create index idx_approval_entry_state on approval_entry (state, submitted_at);
create index idx_approval_entry_project on approval_entry (project_id);
