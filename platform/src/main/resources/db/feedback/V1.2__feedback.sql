-- Feedback this department gave (its own FeedbackGiven) or received (learnt from the giver's topic),
-- with how far the receiver took it. Given rows change with this department's commands; received
-- rows are inserted by the feedback intake and changed by this department's acknowledgements and
-- actions; a given row's status follows the receiver's events where this department reads its topic.
create table feedback (
    feedback_id      uuid primary key,
    direction        text        not null check (direction in ('GIVEN', 'RECEIVED')),
    from_department  text        not null,
    to_party         text        not null,
    lead_id          uuid,
    account_id       uuid,
    category         text        not null,
    about            text        not null,
    text             text        not null,
    given_by         text        not null,
    given_at         timestamptz not null,
    status           text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'ACTED_ON')),
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    comment          text,
    acted_by         text,
    acted_at         timestamptz,
    action           text
);

create index feedback_inbox on feedback (direction, status, given_at desc);
