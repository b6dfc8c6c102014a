-- Delivery attempts of outgoing mail, so a failing SMTP relay is retried a bounded number of times.
alter table mail_outbox add column attempts int not null default 0;
create index mail_outbox_pending on mail_outbox (id) where sent_at is null;
