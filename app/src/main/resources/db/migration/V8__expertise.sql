-- directory: what an expert has published, and conflicts they declare themselves.
create table publication (
    id         bigserial primary key,
    person_id  bigint not null references person (id) on delete cascade,
    title      text not null,
    abstract   text,
    year       int check (year between 1900 and 2100),
    doi        varchar(200),
    source     varchar(20) not null,
    unique (person_id, doi)
);

create table declared_conflict (
    id           bigserial primary key,
    person_id    bigint not null references person (id) on delete cascade,
    subject      text not null,
    reason       text not null,
    declared_by  varchar(100) not null,
    declared_at  timestamptz not null
);

-- review: each party's pool of experts in a programme.
create table expert_pool (
    programme_id  bigint not null,
    party_id      bigint not null,
    person_id     bigint not null references person (id) on delete cascade,
    invited_by    varchar(100) not null,
    invited_at    timestamptz not null,
    primary key (programme_id, party_id, person_id)
);
