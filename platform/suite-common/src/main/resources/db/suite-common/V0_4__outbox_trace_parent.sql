-- The trace of the change that wrote the event (W3C traceparent, 55 characters), carried on to Kafka so
-- one trace spans the REST call, the publication and the consumers. Null for untraced writers.
alter table outbox_event add column trace_parent varchar(55);
