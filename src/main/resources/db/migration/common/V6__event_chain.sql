-- Tamper evidence for the event store (package org.pipelinetracker.audit.chain): one row per chained event of
-- domain_event_entry, with the SHA-256 of (the previous row's hash, the index it follows, every stored column of
-- the event). The byte layout and the rules are in audit/chain/package-info.java.
--
-- previous_index is the global index of the chain row this one follows (0 for the first row). Indexes strictly
-- between previous_index and global_index were declared never used (sequence values of rolled-back transactions);
-- the hash covers previous_index, so a later deletion of a chained event can never pass for such a gap.
-- The primary key and the unique previous_index make the chain a single line: two rows can never claim the same
-- index or follow the same row, whoever inserts them.
create table event_chain (
    global_index bigint not null,
    previous_index bigint not null,
    hash varchar(64) not null,
    previous_hash varchar(64) not null,
    chained_at timestamp(6) with time zone not null,
    primary key (global_index),
    constraint uk_event_chain_previous_index unique (previous_index),
    constraint ck_event_chain_order check (previous_index >= 0 and previous_index < global_index)
);

-- One row, locked (select ... for update) by whichever node appends to the chain, so nodes take turns.
create table event_chain_lock (
    id integer not null,
    primary key (id)
);
insert into event_chain_lock (id) values (1);
