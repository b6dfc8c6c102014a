-- project: funded proposals as joint projects, one row per party with its own task code.
-- A programme's code pattern per party; a party without a row uses the built-in default.
create table project_code_pattern (
    programme_id bigint not null references programme (id),
    party_id     bigint not null references party (id),
    pattern      varchar(100) not null,
    updated_by   varchar(100) not null,
    updated_at   timestamptz not null,
    primary key (programme_id, party_id)
);

-- The last serial handed out per party and code prefix (the code without its serial), so
-- NDT/RU/26/01, NDT/RU/26/02… are numbered without gaps even when two awards run at once.
create table project_code_serial (
    party_id     bigint not null references party (id),
    prefix       varchar(100) not null,
    last_serial  int not null,
    primary key (party_id, prefix)
);

create table project (
    id               bigserial primary key,
    proposal_id      bigint not null unique references proposal (id),
    call_id          bigint not null references funding_call (id),
    programme_id     bigint not null references programme (id),
    acronym          varchar(50),
    title            text not null,
    abstract_text    text,
    keywords         text,
    duration_months  int,
    work_plan        text,
    submission_sha256 char(64),
    status           varchar(20) not null,
    start_date       date,
    end_date         date,
    trl_start        int,
    trl_end          int,
    awarded_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table project_party (
    project_id        bigint not null references project (id),
    party_id          bigint not null references party (id),
    position          int not null,
    party_code        varchar(10) not null,
    code              varchar(100) not null unique,
    currency          char(3) not null,
    host_organisation text,
    pi_user_id        bigint,
    pi_name           text,
    pi_email          text,
    members           text,
    primary key (project_id, party_id)
);

create table project_budget_line (
    project_id bigint not null,
    party_id   bigint not null,
    year       int not null,
    category   varchar(100) not null,
    amount     numeric(18, 2) not null,
    primary key (project_id, party_id, year, category),
    foreign key (project_id, party_id) references project_party (project_id, party_id)
);
