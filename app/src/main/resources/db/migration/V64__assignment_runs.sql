-- review: assignment runs done in the background (db-scheduler task assignment-run), with their progress and result.
create table review_assignment_run (
    id               bigint generated always as identity primary key,
    call_id          bigint not null,
    party_id         bigint not null,
    per_proposal     int not null,
    max_load         int not null,
    objective        varchar(10) not null,
    status           varchar(20) not null,
    phase            varchar(20),
    percent          int not null default 0,
    cancel_requested boolean not null default false,
    attempts         int not null default 0,
    message          varchar(200),
    assigned         int,
    unmet            text,
    conflicts        int,
    total_affinity   double precision,
    min_affinity     double precision,
    min_bound        double precision,
    optimal          boolean,
    started_by       varchar(100) not null,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz
);
create index review_assignment_run_call on review_assignment_run (call_id, party_id, id);
-- One run per call at a time, whichever node took the request: the second insert fails.
create unique index review_assignment_run_active on review_assignment_run (call_id)
    where status in ('QUEUED', 'RUNNING');
