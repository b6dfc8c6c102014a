-- Per-call limit for attachment size; proposals' attached PDFs.
alter table funding_call add column max_attachment_mb int not null default 10
    check (max_attachment_mb between 1 and 100);

create table proposal_attachment (
    id           bigserial primary key,
    proposal_id  bigint not null references proposal (id) on delete cascade,
    file_name    text not null,
    size_bytes   bigint not null,
    sha256       char(64) not null,
    storage_key  text not null,
    uploaded_by  bigint not null references app_user (id),
    uploaded_at  timestamptz not null
);
create index proposal_attachment_proposal on proposal_attachment (proposal_id);
