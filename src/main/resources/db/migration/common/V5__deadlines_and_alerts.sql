-- db-scheduler's table: Axon's persisted deadlines (stalled-project checks) live here, so they survive restarts.
create table scheduled_tasks (
    task_name varchar(255) not null,
    task_instance varchar(255) not null,
    task_data ${binary},
    execution_time timestamp(6) with time zone not null,
    picked boolean not null,
    picked_by varchar(255),
    last_success timestamp(6) with time zone,
    last_failure timestamp(6) with time zone,
    consecutive_failures int,
    last_heartbeat timestamp(6) with time zone,
    version bigint not null,
    priority smallint,
    primary key (task_name, task_instance)
);
create index idx_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index idx_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index idx_scheduled_tasks_priority_time on scheduled_tasks (priority desc, execution_time asc);

-- alerts read model (processing group "alerts")
create table alert_view (
    project_id varchar(64) not null,
    kind varchar(20) not null,
    funding_id varchar(64) not null,
    since date not null,
    raised_at timestamp(6) with time zone not null,
    resolved_on date,
    primary key (project_id, kind, funding_id)
);
