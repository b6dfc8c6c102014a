-- platform: accounts, role grants and the audit trail.

create table app_user (
    id                  bigserial primary key,
    username            varchar(100) not null unique,
    password_hash       varchar(200) not null,
    display_name        varchar(200) not null,
    email               varchar(320),
    preferred_language  varchar(5),
    enabled             boolean not null default true,
    -- Demo accounts share a published password; they are refused unless demo mode is on.
    demo_account        boolean not null default false,
    created_at          timestamptz not null default now()
);

-- A role held in a scope: programme_id / party_id are null when the role is not scoped.
-- No foreign keys to programme tables: the platform module does not own them.
create table role_grant (
    id            bigserial primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    role          varchar(40) not null,
    programme_id  bigint,
    party_id      bigint
);
create unique index role_grant_unique
    on role_grant (user_id, role, coalesce(programme_id, -1), coalesce(party_id, -1));

create table audit_event (
    id            bigserial primary key,
    at            timestamptz not null,
    actor         varchar(100) not null,
    entity_type   varchar(60) not null,
    entity_id     varchar(60) not null,
    action        varchar(40) not null,
    before_state  jsonb,
    after_state   jsonb
);
create index audit_event_entity on audit_event (entity_type, entity_id, at);
