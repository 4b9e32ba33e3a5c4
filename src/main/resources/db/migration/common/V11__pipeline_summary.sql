-- The answer of the default GET /api/pipeline (latest stage of every project, all money recorded), kept aggregated
-- by the "pipeline" projection so the query reads a few dozen rows; see docs/architecture.md, "Pipeline summary".
-- asOf/knownAt queries keep computing from the facts in V3__pipeline.sql.

-- one row per project: its current stage and running USD totals (each money group converted at its own value date),
-- so a stage change can move the project's count and money from the old stage's line to the new one
create table pipeline_summary_project (
    project_id varchar(64) not null,
    stage varchar(20) not null,
    sector varchar(5) not null,
    committed_usd numeric(38, 6) not null,
    disbursed_usd numeric(38, 6) not null,
    primary key (project_id)
);

-- the lines of the answer: dimension STAGE (line_key a Stage), SECTOR (a sector code), SOURCE (a funding source) or
-- UNCONVERTED (a currency; committed/disbursed in that currency). committed/disbursed are USD for the others.
-- facts: money groups counted in the line (a SOURCE or UNCONVERTED line is shown when it has any).
-- Segments change the rows only by adding deltas (update ... set x = x + ?), in key order, once per batch.
create table pipeline_summary_line (
    dimension varchar(12) not null,
    line_key varchar(20) not null,
    projects bigint not null,
    fundings bigint not null,
    facts bigint not null,
    committed numeric(38, 6) not null,
    disbursed numeric(38, 6) not null,
    primary key (dimension, line_key)
);

-- rates: FxRates.fingerprint() of the rates the USD figures were converted with; null while nothing is summarised
-- (after a reset); MIXED when batches used different rates; UNBUILT when this migration found facts already
-- projected (the summary starts empty: the query computes from the facts until the pipeline processor is replayed)
create table pipeline_summary_state (
    id integer not null,
    rates varchar(64),
    primary key (id)
);

insert into pipeline_summary_state (id, rates)
values (1, case when exists (select 1 from pipeline_project) then 'UNBUILT' else null end);
