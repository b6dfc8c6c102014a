-- directory: organisations, people and their expertise; partner search; self-registration.

create table organisation (
    id          bigserial primary key,
    name        text not null,
    name_en     text,
    country     char(2) not null,
    type        varchar(30) not null check (type in ('RESEARCH_INSTITUTE', 'UNIVERSITY', 'ENTERPRISE', 'AGENCY')),
    ror         varchar(40),
    -- Names folded to ASCII across scripts, so "Novosibirsk" finds "Новосибирский".
    search_key  text not null
);

create table person (
    id          bigserial primary key,
    user_id     bigint unique references app_user (id) on delete set null,
    name        text not null,
    name_latin  text,
    orcid       varchar(19) unique,
    country     char(2) not null,
    fields      text,
    keywords    text,
    search_key  text not null,
    updated_at  timestamptz not null
);

create table affiliation (
    person_id        bigint not null references person (id) on delete cascade,
    organisation_id  bigint not null references organisation (id),
    from_year        int not null,
    to_year          int,
    primary key (person_id, organisation_id, from_year),
    check (to_year is null or to_year >= from_year)
);

create table contact_request (
    id          bigserial primary key,
    from_person bigint not null references person (id),
    to_person   bigint not null references person (id),
    message     text not null,
    created_at  timestamptz not null
);

create table registration (
    token_hash    char(64) primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    country       char(2) not null,
    created_at    timestamptz not null,
    confirmed_at  timestamptz
);
