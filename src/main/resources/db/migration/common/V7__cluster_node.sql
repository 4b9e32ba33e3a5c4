-- Nodes of the application that share this database, with their last heartbeat: the segment balancer counts
-- the live ones to give each a fair share of every projection's token segments.
create table cluster_node (
    node_id varchar(255) not null,
    last_seen timestamp(6) with time zone not null,
    primary key (node_id)
);
