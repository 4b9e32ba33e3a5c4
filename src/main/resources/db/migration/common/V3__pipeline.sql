-- Bitemporal facts for the pipeline and funding-over-time read models (processing group "pipeline").
-- Every row keeps the effective date (valid time) and the instant it was recorded (transaction time), so
-- "as of D" and "as known at T" are plain WHERE clauses; see docs/architecture.md, "Time travel at scale".

create table pipeline_project (
    project_id varchar(64) not null,
    title varchar(300) not null,
    sector varchar(5) not null,
    region varchar(100) not null,
    primary key (project_id)
);

create table pipeline_stage (
    project_id varchar(64) not null,
    sequence_number bigint not null,
    stage varchar(20) not null,
    since date not null,
    recorded_at timestamp(6) with time zone not null,
    primary key (project_id, sequence_number)
);

-- kind COMMITTED: a commitment (+amount) or a correction (new - previous) at its own date;
-- kind DISBURSED: a disbursement (+amount)
create table pipeline_money (
    project_id varchar(64) not null,
    sequence_number bigint not null,
    funding_id varchar(64) not null,
    kind varchar(10) not null,
    source varchar(20) not null,
    currency varchar(3) not null,
    amount numeric(38, 6) not null,
    effective_date date not null,
    recorded_at timestamp(6) with time zone not null,
    primary key (project_id, sequence_number)
);
create index idx_pipeline_money_date on pipeline_money (effective_date);

create table milestone_view (
    project_id varchar(64) not null,
    milestone_id varchar(64) not null,
    name varchar(300) not null,
    planned_on date,
    achieved_on date,
    recorded_on date not null,
    primary key (project_id, milestone_id)
);
create index idx_milestone_planned on milestone_view (planned_on);
