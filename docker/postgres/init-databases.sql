-- One database per service, as on our machines; each service's Flyway creates its schema at start.
create database targets;
create database reporting;
create database assessment;
