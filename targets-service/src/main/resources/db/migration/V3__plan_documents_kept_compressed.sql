-- A plan document is kept as it was imported, gzip-compressed: a national plan of 150,000 targets is tens of
-- megabytes of text, which the import no longer holds in memory as a string. Earlier imports keep their text.
alter table plan_import add column document_gzip bytea;
alter table plan_import alter column document drop not null;
