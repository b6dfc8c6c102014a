-- platform: records a transaction left for the linker (the chain head was busy) are found without
-- reading the trail; the index holds only those few rows.
create index audit_event_unlinked on audit_event (id) where seq is null;
