-- innovation: technology and business profiles of the Innovation Centre (EEN model).
-- The owner's identity (person, organisation, contact, patent numbers) lives in its own
-- columns so that every anonymous read can simply leave them out.
create table innovation_profile (
    id             bigserial primary key,
    type           varchar(30)  not null,
    status         varchar(20)  not null,
    owner_id       bigint       not null,
    owner_username varchar(100) not null,
    owner_name     varchar(200) not null,
    organisation   varchar(300) not null,
    contact_email  varchar(300) not null,
    patent_numbers varchar(500),
    language       varchar(2)   not null,
    title          varchar(300) not null,
    summary        text         not null,
    description    text         not null,
    advantages     text,
    translations   jsonb        not null default '{}',
    trl            int          not null check (trl between 1 and 9),
    ip_status      varchar(20)  not null,
    partnerships   varchar(300) not null,
    partner_type   varchar(300),
    countries      varchar(200) not null,
    sectors        varchar(500) not null,
    keywords       varchar(1000) not null,
    fos_fields     varchar(200),
    expires_on     date         not null,
    review_comment text,
    published_at   timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index innovation_profile_status on innovation_profile (status, type);

-- innovation: an expression of interest, which becomes the deal once the owner accepts it.
create table innovation_deal (
    id              bigserial primary key,
    profile_id      bigint       not null references innovation_profile (id),
    party_id        bigint       not null,
    party_username  varchar(100) not null,
    party_name      varchar(200) not null,
    party_organisation varchar(300) not null,
    party_email     varchar(300) not null,
    message         text         not null,
    stage           varchar(20)  not null,
    agreement_type  varchar(30),
    value_amount    numeric(18, 2),
    value_currency  varchar(3),
    accepted_at     timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (profile_id, party_id)
);

-- innovation: every stage a deal went through, with its date, value and document reference.
create table innovation_deal_stage (
    id             bigserial primary key,
    deal_id        bigint       not null references innovation_deal (id),
    stage          varchar(20)  not null,
    on_date        date         not null,
    by_username    varchar(100) not null,
    note           text,
    document       varchar(300),
    value_amount   numeric(18, 2),
    value_currency varchar(3),
    at             timestamptz  not null
);
