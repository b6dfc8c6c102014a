-- innovation: B2B meeting forums (registration, wishes, the agenda computed by the engine).
create table innovation_forum (
    id          bigserial primary key,
    name        varchar(300) not null,
    place       varchar(300) not null,
    computed_at timestamptz,
    created_at  timestamptz  not null
);

-- innovation: the forum's time slots and how many tables run at once in each.
create table innovation_forum_slot (
    id        bigserial primary key,
    forum_id  bigint      not null references innovation_forum (id),
    starts_at timestamptz not null,
    minutes   int         not null check (minutes > 0),
    tables    int         not null check (tables >= 0)
);

-- innovation: who takes part, with the most meetings they accept.
create table innovation_forum_participant (
    id           bigserial primary key,
    forum_id     bigint       not null references innovation_forum (id),
    user_id      bigint       not null,
    display_name varchar(200) not null,
    organisation varchar(300) not null,
    max_meetings int          not null check (max_meetings between 1 and 50),
    unique (forum_id, user_id)
);

-- innovation: one participant's wish to meet another, priority 1 (nice) to 3 (must).
create table innovation_forum_wish (
    forum_id     bigint not null references innovation_forum (id),
    requester_id bigint not null references innovation_forum_participant (id),
    target_id    bigint not null references innovation_forum_participant (id),
    priority     int    not null check (priority between 1 and 3),
    primary key (requester_id, target_id)
);

-- innovation: the computed agenda, one row per one-to-one meeting.
create table innovation_forum_meeting (
    id            bigserial primary key,
    forum_id      bigint not null references innovation_forum (id),
    slot_id       bigint not null references innovation_forum_slot (id),
    participant_a bigint not null references innovation_forum_participant (id),
    participant_b bigint not null references innovation_forum_participant (id)
);
