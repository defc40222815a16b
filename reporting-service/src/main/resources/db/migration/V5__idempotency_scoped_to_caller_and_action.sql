-- An Idempotency-Key belongs to the caller and the action it was sent with: another caller's key, or
-- the same caller's key for another action, is another key. The same caller's key sent again with a
-- different request (another report) is refused (422). Keys recorded before this migration have no
-- caller ('') and are matched by report as before.
alter table idempotency_record add column actor  varchar(200) not null default '';
alter table idempotency_record add column action varchar(40)  not null default 'submit';
create unique index idempotency_record_scope on idempotency_record (actor, action, key) where actor <> '';
