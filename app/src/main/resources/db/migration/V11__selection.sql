-- selection: each party's recommendations, the committee's comments, the decision set and its approvals, redress.
create table selection_recommendation (
    call_id      bigint not null references funding_call (id),
    party_id     bigint not null references party (id),
    proposal_id  bigint not null references proposal (id),
    recommended  boolean not null,
    set_by       varchar(100) not null,
    set_at       timestamptz not null,
    primary key (call_id, party_id, proposal_id)
);

create table selection_comment (
    call_id      bigint not null references funding_call (id),
    proposal_id  bigint not null references proposal (id),
    text         text not null,
    updated_by   varchar(100) not null,
    updated_at   timestamptz not null,
    primary key (call_id, proposal_id)
);

-- The decisions proposed for a call, replaced as a whole; the digest is what every party approves.
create table selection_decision_set (
    call_id      bigint primary key references funding_call (id),
    policy       varchar(10) not null,
    budgets      jsonb not null,
    quotas       jsonb not null,
    digest       char(64) not null,
    proposed_by  varchar(100) not null,
    proposed_at  timestamptz not null,
    final_at     timestamptz
);

create table selection_decision (
    call_id      bigint not null references selection_decision_set (call_id),
    proposal_id  bigint not null references proposal (id),
    outcome      varchar(12) not null check (outcome in ('FUNDED', 'RESERVE', 'NOT_FUNDED')),
    reason       text,
    merit        numeric(8, 4),
    position     int not null,
    primary key (call_id, proposal_id)
);

create table selection_approval (
    call_id      bigint not null references selection_decision_set (call_id),
    party_id     bigint not null references party (id),
    digest       char(64) not null,
    approved_by  varchar(100) not null,
    approved_at  timestamptz not null,
    primary key (call_id, party_id)
);

-- A procedural complaint about a decision, filed by a member of the proposal's team.
create table redress (
    id            bigserial primary key,
    proposal_id   bigint not null references proposal (id),
    filed_by      varchar(100) not null,
    text          text not null,
    filed_at      timestamptz not null,
    outcome       varchar(20),
    outcome_text  text,
    decided_by    varchar(100),
    decided_at    timestamptz
);
create index redress_proposal on redress (proposal_id);
