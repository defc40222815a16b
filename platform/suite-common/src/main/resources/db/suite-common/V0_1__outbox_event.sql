-- Transactional outbox shared by every service (platform/suite-common). Versions 0.x belong to
-- suite-common, 1 and up to the service; see README "Shared code".
create table outbox_event (
    id             uuid primary key,
    seq            bigserial    not null unique,
    topic          varchar(200) not null,
    event_key      varchar(200) not null,
    event_type     varchar(100) not null,
    schema_version int          not null,
    occurred_at    timestamptz  not null,
    plan_code      varchar(64),
    envelope       text         not null,
    published_at   timestamptz
);

-- The relay only ever looks for what is still unpublished, in write order.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_plan on outbox_event (plan_code, seq);
