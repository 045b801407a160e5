create table call_list_entry (
    lead_id       uuid primary key,
    source        text        not null,
    due_at        timestamptz not null,
    priority      int         not null,
    status        text        not null,
    entered_at    timestamptz not null,
    toss_up_id    uuid,
    assigned_rep  text,
    rule_version  text,
    tossed_up_at  timestamptz
);
create index call_list_open on call_list_entry (priority, due_at) where status = 'ON_CALL_LIST';
