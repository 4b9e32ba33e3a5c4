-- facility-usage read model (FacilityUsageProjection): one row per credit facility, with what is committed against
-- its limit, and one row per project commitment holding part of it. Amounts are exact: the scale is 4 (the most
-- minor units an ISO 4217 currency has), so no currency's amounts are rounded; the read side gives them back at
-- their currency's own scale.

create table facility_view (
    facility_id varchar(64) not null,
    name varchar(300) not null,
    lender varchar(200) not null,
    currency varchar(3) not null,
    limit_amount numeric(38,4) not null,
    committed numeric(38,4) not null,
    valid_from date not null,
    valid_to date not null,
    version bigint not null,
    primary key (facility_id)
);

create table facility_project (
    facility_id varchar(64) not null,
    project_id varchar(64) not null,
    funding_id varchar(64) not null,
    amount numeric(38,4) not null,
    committed_on date not null,
    primary key (facility_id, project_id, funding_id)
);
create index idx_facility_project_project on facility_project (project_id);
