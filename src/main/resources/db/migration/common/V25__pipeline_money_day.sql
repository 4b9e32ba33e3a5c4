-- The money facts of pipeline_money (V3__pipeline.sql) summed per effective date, source, currency and kind: what
-- the funding time series groups by. Kept by the "pipeline" projection in the same transaction as the facts, so a
-- series without a knownAt cut reads a few thousand day rows instead of every fact; the knownAt cuts keep reading
-- the facts. See docs/architecture/time.md, "Money per day".

-- amount: the exact sum of the facts' amounts (corrections and cancellations negative); facts: how many facts
-- (a row exists exactly when the facts have a group for it, also when its amounts cancel out to zero)
create table pipeline_money_day (
    effective_date date not null,
    source varchar(20) not null,
    currency varchar(3) not null,
    kind varchar(10) not null,
    amount numeric(38, 6) not null,
    facts bigint not null,
    primary key (effective_date, source, currency, kind)
);

-- a database upgraded with facts already projected: the day rows are their sums, so no replay is needed
insert into pipeline_money_day (effective_date, source, currency, kind, amount, facts)
select effective_date, source, currency, kind, sum(amount), count(*)
from pipeline_money
group by effective_date, source, currency, kind;
