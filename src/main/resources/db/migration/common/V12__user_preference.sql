-- Each signed-in user's language (en, uz, ru, ko) and time zone (an IANA id such as Asia/Seoul), by user name
-- (module i18n, GET/PUT /api/me/preferences). A null column: not chosen (Accept-Language and
-- tracker.ui.default-time-zone decide).
create table user_preference (
    username varchar(255) not null,
    language varchar(8),
    time_zone varchar(64),
    updated_at timestamp(6) with time zone not null,
    primary key (username)
);
