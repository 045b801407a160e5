-- The Inside Sales rep a toss-up counts for in the activity KPIs.
alter table call_list_entry add column tossed_up_by text;
create index call_list_tossed_up on call_list_entry (tossed_up_by, tossed_up_at);
