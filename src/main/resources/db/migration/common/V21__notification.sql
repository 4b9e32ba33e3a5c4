-- Notifications (module notification): what each user is told of, in the pages and by e-mail. The text is kept as a
-- catalogue key and its arguments (JSON), so it is written in the reader's language when read.
create table notification (
    id varchar(36) not null,
    recipient varchar(255) not null,
    kind varchar(40) not null,
    project_id varchar(64),
    project_title varchar(1000),
    text_key varchar(200) not null,
    text_arguments varchar(4000) not null,
    source_key varchar(400) not null,
    created_at timestamp(6) with time zone not null,
    read_at timestamp(6) with time zone,
    -- NONE (no e-mail), PENDING (to send, at email_next_attempt), SENT, FAILED (gave up after the last attempt)
    email_state varchar(10) not null,
    email_attempts int not null,
    email_next_attempt timestamp(6) with time zone,
    email_sent_at timestamp(6) with time zone,
    primary key (id),
    constraint uq_notification_source_recipient unique (source_key, recipient)
);
create index idx_notification_recipient on notification (recipient, created_at);
create index idx_notification_email on notification (email_state, email_next_attempt);

-- Every occurrence already notified (an alert's or an overdue milestone's identity): the same one never notifies
-- twice, also after the read models it was found in are rebuilt.
create table notification_source (
    source_key varchar(400) not null,
    kind varchar(40) not null,
    noticed_at timestamp(6) with time zone not null,
    primary key (source_key)
);

-- Each user's notification settings (GET/PUT /api/me/notification-settings); no row: the defaults (every kind, no
-- e-mail). kinds: the kinds notified, comma-separated.
create table notification_setting (
    username varchar(255) not null,
    email_enabled boolean not null,
    email_address varchar(320),
    kinds varchar(400) not null,
    updated_at timestamp(6) with time zone not null,
    primary key (username)
);
