-- Exchange rates imported at run time (module fx): the Central Bank of the Republic of Uzbekistan's daily rates,
-- uploaded (POST /api/fx-rates/imports) or fetched (tracker.fx.cbu.url), kept as published: on rate_date, nominal
-- units of currency cost rate units of base_currency (UZS), e.g. 100 KRW = 8.61 UZS. Never changed once stored; the
-- rates file (tracker.fx.rates-file) is read at start-up as before and is not copied here.
-- source: who published the rate; origin: the uploaded file's name or the URL it was fetched from.
create table fx_rate (
    rate_date date not null,
    currency varchar(3) not null,
    base_currency varchar(3) not null,
    nominal bigint not null,
    rate numeric(30, 10) not null,
    source varchar(200) not null,
    origin varchar(1000) not null,
    imported_at timestamp(6) with time zone not null,
    imported_by varchar(255),
    primary key (rate_date, currency, base_currency)
);

-- One row: raised by every import that adds a rate, in the same transaction. Each node compares it with the revision
-- it last read (tracker.fx.refresh-interval) and reads the rates again when it changed; an import locks the row, so
-- imports on several nodes run one after the other.
create table fx_rate_revision (
    id integer not null,
    revision bigint not null,
    primary key (id)
);

insert into fx_rate_revision (id, revision) values (1, 0);

-- The currency a signed-in user sees amounts converted to (module i18n, GET/PUT /api/me/preferences); null: not
-- chosen (USD).
alter table user_preference add column display_currency varchar(3);
