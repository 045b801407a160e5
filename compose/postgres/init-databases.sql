-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d).
-- Each service owns one database and migrates it with Flyway at start; they only have to exist.
create database lead;
create database "is";
create database deal;
create database success;
create database kpi;

-- Grafana reads the projector's read model and nothing else: a read-only role on kpi, whose
-- grants also cover the views Flyway creates later (default privileges of the migrating user).
create role grafana login password 'grafana';
\connect kpi
grant connect on database kpi to grafana;
grant usage on schema public to grafana;
alter default privileges for role postgres in schema public grant select on tables to grafana;
