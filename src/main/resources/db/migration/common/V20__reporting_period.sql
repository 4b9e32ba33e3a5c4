-- reporting-periods read model (ReportingPeriodProjection, a subscribing processor: written in the transaction
-- that stores the events, so it is never behind them). One row per fiscal period ever closed, with its last close
-- and its last reopening; one row per restating project event (a write into a closed period marked a restatement).

create table reporting_period (
    period varchar(16) not null,
    starts_on date not null,
    ends_on date not null,
    closed boolean not null,
    closed_at timestamp(6) with time zone not null,
    closed_by varchar(200) not null,
    close_reason varchar(2000),
    reopened_at timestamp(6) with time zone,
    reopened_by varchar(200),
    reopen_reason varchar(2000),
    primary key (period)
);

create table restatement (
    event_id varchar(64) not null,
    project_id varchar(64) not null,
    event_type varchar(100) not null,
    effective_date date not null,
    recorded_at timestamp(6) with time zone not null,
    actor varchar(200) not null,
    reason varchar(2000) not null,
    primary key (event_id)
);
create index idx_restatement_date on restatement (effective_date);
