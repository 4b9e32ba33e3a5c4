-- Axon Framework 4.13 JPA storage (event store, snapshots, tokens, sagas, dead letters) and the project-status
-- read model. The event table's global index comes from a sequence with increment 1 (see META-INF/orm.xml).

create sequence domain_event_entry_seq start with 1 increment by 1;
create sequence association_value_entry_seq start with 1 increment by 50;

create table domain_event_entry (
    global_index bigint not null,
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255),
    event_identifier varchar(255) not null,
    payload_type varchar(255) not null,
    payload_revision varchar(255),
    payload ${binary} not null,
    meta_data ${binary},
    time_stamp varchar(255) not null,
    primary key (global_index),
    constraint uk_domain_event_identifier unique (event_identifier),
    constraint uk_domain_event_aggregate_seq unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255) not null,
    event_identifier varchar(255) not null,
    payload_type varchar(255) not null,
    payload_revision varchar(255),
    payload ${binary} not null,
    meta_data ${binary},
    time_stamp varchar(255) not null,
    primary key (sequence_number, aggregate_identifier, type),
    constraint uk_snapshot_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment integer not null,
    owner varchar(255),
    timestamp varchar(255) not null,
    token_type varchar(255),
    token ${binary},
    primary key (segment, processor_name)
);

create table saga_entry (
    saga_id varchar(255) not null,
    saga_type varchar(255),
    revision varchar(255),
    serialized_saga ${binary},
    primary key (saga_id)
);

create table association_value_entry (
    id bigint not null,
    association_key varchar(255) not null,
    association_value varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    primary key (id)
);
create index idx_association_type_key_value on association_value_entry (saga_type, association_key, association_value);
create index idx_association_saga on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id varchar(255) not null,
    processing_group varchar(255) not null,
    sequence_identifier varchar(255) not null,
    sequence_index bigint not null,
    message_type varchar(255) not null,
    event_identifier varchar(255) not null,
    time_stamp varchar(255) not null,
    payload_type varchar(255) not null,
    payload_revision varchar(255),
    payload ${binary} not null,
    meta_data ${binary},
    type varchar(255),
    aggregate_identifier varchar(255),
    sequence_number bigint,
    token_type varchar(255),
    token ${binary},
    enqueued_at timestamp(6) with time zone not null,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    cause_type varchar(255),
    cause_message varchar(1023),
    diagnostics ${binary},
    primary key (dead_letter_id),
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index idx_dead_letter_group on dead_letter_entry (processing_group);
create index idx_dead_letter_group_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- project-status read model: filter columns + the whole view as JSON
create table project_view (
    project_id varchar(64) not null,
    title varchar(300) not null,
    sector varchar(5) not null,
    region varchar(100) not null,
    stage varchar(20) not null,
    proposed_on date not null,
    version bigint not null,
    last_event_at timestamp(6) with time zone not null,
    document ${text} not null,
    primary key (project_id)
);
create index idx_project_view_stage on project_view (stage);
create index idx_project_view_sector on project_view (sector);
create index idx_project_view_region on project_view (region);
