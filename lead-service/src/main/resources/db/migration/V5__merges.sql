-- Merges (a person found two leads or two companies to be one): the absorbed row points to its
-- survivor; an absorbed company keeps no spelling or domain of its own.
alter table lead_view add column merged_into uuid;
alter table company add column merged_into uuid;
create index company_merged_into on company (merged_into) where merged_into is not null;
