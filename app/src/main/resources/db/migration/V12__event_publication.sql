-- platform: the event publication registry (Spring Modulith, JDBC, schema v2). A reaction to an
-- event (mail, a project created from an award) is stored here in the publishing transaction
-- and marked complete only when the listener has finished, so a crash in between loses nothing.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- selection: when the decision letters of a call's final set were queued, so a redelivered event sends none twice.
alter table selection_decision_set add column letters_at timestamptz;
