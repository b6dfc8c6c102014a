-- platform: API tokens for systems and the mail outbox.
create table api_token (
    token_hash  char(64) primary key,
    user_id     bigint not null references app_user (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);

-- Every message Tandem sends is kept here; with no SMTP configured this is the only delivery,
-- and administrators read it on the outbox page.
create table mail_outbox (
    id          bigserial primary key,
    created_at  timestamptz not null,
    recipient   varchar(320) not null,
    subject     text not null,
    body        text not null,
    sent_at     timestamptz,
    error       text
);

-- proposal: joint proposals, one team per party, immutable submissions.
create table proposal (
    id               bigserial primary key,
    call_id          bigint not null references funding_call (id),
    acronym          varchar(40),
    title            text,
    abstract         text,
    keywords         text,
    field_codes      text,
    duration_months  int,
    work_plan        text,
    title_vi         text,
    title_ru         text,
    abstract_vi      text,
    abstract_ru      text,
    status           varchar(20) not null,
    created_by       bigint not null references app_user (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint not null default 0
);
create index proposal_call on proposal (call_id);

create table proposal_team (
    id                 bigserial primary key,
    proposal_id        bigint not null references proposal (id) on delete cascade,
    party_id           bigint not null references party (id),
    host_organisation  text,
    pi_user_id         bigint references app_user (id),
    pi_name            text,
    pi_email           varchar(320),
    members            text,
    internal_notes     text,
    position           int not null default 0,
    unique (proposal_id, party_id)
);

create table proposal_budget_line (
    team_id   bigint not null references proposal_team (id) on delete cascade,
    line_no   int not null,
    year      int not null check (year >= 1),
    category  varchar(40) not null,
    amount    numeric(22, 2) not null check (amount >= 0),
    primary key (team_id, line_no)
);

create table proposal_invitation (
    id           bigserial primary key,
    proposal_id  bigint not null references proposal (id) on delete cascade,
    party_id     bigint not null references party (id),
    email        varchar(320) not null,
    token_hash   char(64) not null unique,
    invited_by   bigint not null references app_user (id),
    created_at   timestamptz not null,
    accepted_at  timestamptz,
    accepted_by  bigint references app_user (id)
);

-- An officer's decision to set one eligibility rule aside for one proposal, with the reason.
create table eligibility_override (
    proposal_id  bigint not null references proposal (id) on delete cascade,
    rule         varchar(40) not null,
    party_id     bigint not null default 0,
    reason       text not null,
    decided_by   varchar(100) not null,
    decided_at   timestamptz not null,
    primary key (proposal_id, rule, party_id)
);

-- Submitted versions are never updated or deleted; the last one before the deadline counts.
create table proposal_submission (
    id               bigserial primary key,
    proposal_id      bigint not null references proposal (id),
    number           int not null,
    -- The exact bytes the SHA-256 was computed over (text, not jsonb, which would reformat them).
    canonical        text not null,
    sha256           char(64) not null,
    submitted_at     timestamptz not null,
    submitted_by     bigint not null references app_user (id),
    idempotency_key  varchar(200),
    unique (proposal_id, number),
    unique (proposal_id, idempotency_key)
);
