-- project: each party's contract with its own team, its yearly tranches and the payments against them.
create table project_contract (
    project_id        bigint not null,
    party_id          bigint not null,
    number            varchar(50) not null,
    signed_on         date not null,
    host_organisation text not null,
    pi_name           text not null,
    start_date        date not null,
    end_date          date not null,
    currency          char(3) not null,
    recorded_by       varchar(100) not null,
    recorded_at       timestamptz not null,
    primary key (project_id, party_id),
    foreign key (project_id, party_id) references project_party (project_id, party_id)
);

-- Calendar years: the agencies pay per budget year, whatever month the project started in.
create table project_tranche (
    id          bigserial primary key,
    project_id  bigint not null,
    party_id    bigint not null,
    year        int not null,
    due_on      date,
    amount      numeric(18, 2) not null check (amount > 0),
    unique (project_id, party_id, year),
    foreign key (project_id, party_id) references project_contract (project_id, party_id)
);

create table project_payment (
    id          bigserial primary key,
    tranche_id  bigint not null references project_tranche (id),
    paid_on     date not null,
    amount      numeric(18, 2) not null check (amount > 0),
    reference   varchar(100),
    recorded_by varchar(100) not null,
    recorded_at timestamptz not null
);
