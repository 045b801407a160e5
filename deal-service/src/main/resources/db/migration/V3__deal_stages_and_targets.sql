alter table opportunity_view
    add column rejection_reason    text,
    add column handoff_gap         text,
    add column rejected_by         text,
    add column rejected_at         timestamptz,
    add column stage               text,
    add column expected_close_date date,
    add column probability         int,
    add column stage_changed_at    timestamptz,
    add column loss_reason         text,
    add column competitor          text,
    add column loss_note           text,
    add column lost_at             timestamptz;
create index opportunity_by_rep on opportunity_view (assigned_rep, status);

create table target_view (
    target_id text primary key,
    period    text           not null,
    team      text,
    rep       text,
    amount    numeric(17, 2) not null,
    currency  char(3)        not null,
    set_by    text           not null,
    set_at    timestamptz    not null
);
create index target_by_period on target_view (period);
