-- review: the expert's declaration of no conflict of interest, given when accepting an assignment
alter table review_assignment add column no_conflict_declared_at timestamptz;
alter table review_assignment add column no_conflict_declaration text;
