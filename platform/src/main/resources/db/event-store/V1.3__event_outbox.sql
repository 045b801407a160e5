-- The outbox apart from the log. The relay's queue is now its own narrow table: a row per event not
-- yet acknowledged by the broker, inserted by the same transaction that appends the event (the
-- trigger), deleted once the broker has it. The event store's rows are written once and never
-- again: marking a row published used to rewrite the whole row (payload included) and add an entry
-- to each of its three indexes, the relay's most expensive statement (issue 13: 2,000 rows took
-- 40-80 ms to mark, their deletion from this table 3 ms).
-- No foreign key: only the trigger below inserts, with a position it was just given.
create table event_outbox (
    position bigint primary key
);

insert into event_outbox (position)
select position from event_store where published_at is null;

create function event_store_enqueue() returns trigger language plpgsql as $$
begin
    insert into event_outbox (position) values (new.position);
    return null;
end
$$;

create trigger event_store_enqueue after insert on event_store
    for each row execute function event_store_enqueue();

drop index event_store_unpublished;
alter table event_store drop column published_at;
