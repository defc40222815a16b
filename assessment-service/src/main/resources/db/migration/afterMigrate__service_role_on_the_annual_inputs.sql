-- After suite-common's afterMigrate__service_role.sql (Flyway runs callbacks in the order of their descriptions,
-- and this one sorts after it): the annual assessment's inputs are history too — official statistics, the
-- office's item entries and chief officials are added, never changed or removed through the service's connection.
do $$
declare
    service_user text := '${service_user}';
begin
    if service_user = current_user then
        return;
    end if;
    execute format('revoke update, delete on official_statistic, annual_item_entry, chief_official from %I', service_user);
end
$$;
