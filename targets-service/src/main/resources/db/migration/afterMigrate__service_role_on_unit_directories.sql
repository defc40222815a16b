-- After suite-common's afterMigrate__service_role.sql (callbacks run in the order of their descriptions): a
-- unit directory's versions are a record — the service adds versions, it never changes or removes one.
do $$
declare
    service_user text := '${service_user}';
begin
    if service_user = current_user then
        return;
    end if;
    execute format('revoke update, delete on unit_directory_version from %I', service_user);
end
$$;
