-- Quarterly reporting uploads (module reporting): each workbook recorded, keyed by the SHA-256 of its bytes (the same
-- file uploaded twice records nothing the second time), with who uploaded it, when, for which period and funder; and
-- the fundings its rows reported on, from which the reporting status (on time, late, missing) is told.
create table reporting_upload (
    sha256 varchar(64) not null,
    period varchar(20) not null,
    funder varchar(200),
    project_id varchar(64),
    file_name varchar(255),
    uploaded_by varchar(255) not null,
    uploaded_at timestamp(6) with time zone not null,
    rows_recorded int not null,
    primary key (sha256)
);
create index idx_reporting_upload_period on reporting_upload (period);

create table reporting_upload_funding (
    sha256 varchar(64) not null,
    project_id varchar(64) not null,
    funding_id varchar(64) not null,
    funder varchar(200) not null,
    primary key (sha256, project_id, funding_id),
    constraint fk_reporting_upload_funding foreign key (sha256) references reporting_upload (sha256)
);
