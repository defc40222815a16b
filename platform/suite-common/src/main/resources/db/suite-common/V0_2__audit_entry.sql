-- Every write and every refused access of the service (platform/suite-common). Append-only.
create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(200) not null,
    roles          varchar(200),
    unit_code      varchar(64),
    action         varchar(500) not null,
    outcome        varchar(20)  not null,
    status         int          not null,
    remote_address varchar(100)
);

create index audit_entry_actor on audit_entry (actor, id);
create index audit_entry_outcome on audit_entry (outcome, id);
