-- Events a service has consumed, by envelope id: a redelivered or replayed event is applied once.
-- Kept, not pruned: they are the consumer's record of what it has applied.
create table processed_event (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    source       varchar(100) not null,
    processed_at timestamptz  not null
);
