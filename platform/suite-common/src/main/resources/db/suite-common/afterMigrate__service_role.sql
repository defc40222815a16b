-- After every migration (a Flyway callback, so new tables are covered too): what the service's own
-- database user may do. Flyway migrates as the schema's owner (DB_MIGRATION_USER); the service runs as
-- ${service_user} (DB_USER) and may read and write its tables, but the history it keeps for auditors is
-- append-only through its connection: audit entries are never changed or removed, the event history
-- (outbox) only gets its published mark, and the record of applied events (inbox) is never rewritten.
-- When one user does both (a developer's machine, a service's own tests) there is nothing to grant.
do $$
declare
    service_user text := '${service_user}';
begin
    if service_user = current_user then
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = service_user) then
        raise exception 'the service''s database user % does not exist: create it (see k8s/README.md, "The database")', service_user;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), service_user);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), service_user);
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), service_user);
    execute format('revoke truncate, references, trigger on all tables in schema %I from %I', current_schema(), service_user);

    execute format('revoke update, delete on audit_entry from %I', service_user);
    execute format('revoke update, delete on outbox_event from %I', service_user);
    execute format('grant update (published_at) on outbox_event to %I', service_user);
    execute format('revoke update, delete on processed_event from %I', service_user);
    execute format('revoke insert, update, delete on %I from %I', '${flyway:table}', service_user);
end
$$;
