-- The whole funnel of the book: nurturing (a nurturing touch, or a recycle back to marketing),
-- IS contact (a call that reached the person in charge) and advocate join the stages.
delete from funnel_stage;
insert into funnel_stage (stage, position, next_stage) values
    ('LEAD_CAPTURED', 1, 'NURTURING'),
    ('NURTURING', 2, 'MQL'),
    ('MQL', 3, 'IS_CONTACT'),
    ('IS_CONTACT', 4, 'TOSSED_UP'),
    ('TOSSED_UP', 5, 'VALID_OPPORTUNITY'),
    ('VALID_OPPORTUNITY', 6, 'WON'),
    ('WON', 7, 'ONBOARDED'),
    ('ONBOARDED', 8, 'RENEWED_OR_EXPANDED'),
    ('RENEWED_OR_EXPANDED', 9, 'ADVOCATE'),
    ('ADVOCATE', 10, null);

-- Facts already recorded that mark the new stages (a read model migrated in place; a rebuild gives
-- the same).
update fact set stage = 'NURTURING' where type in ('LeadTouched', 'LeadRecycled') and stage is null;
update fact set stage = 'IS_CONTACT'
    where type = 'CallLogged' and data ->> 'outcome' = 'CONTACTED_KEY_PERSON' and stage is null;
update fact set stage = 'ADVOCATE' where type = 'AdvocateMarked' and stage is null;

create index fact_by_opportunity on fact ((data ->> 'opportunityId')) where data ? 'opportunityId';
create index fact_by_feedback on fact ((data ->> 'feedbackId')) where data ? 'feedbackId';
create index fact_by_account on fact (account_id, occurred_at) where account_id is not null;

-- A journey converts from a stage when it reaches any later stage after it: skips count as
-- conversions (a lead qualified without nurturing converted from capture), and a lead that went
-- back counts by when it moved on again.
drop view funnel_transition;
create view funnel_transition as
    select r.stage, r.lead_id, r.first_reached_at, s.next_stage,
           (select min(f.occurred_at)
            from fact f
            join funnel_stage later on later.stage = f.stage
            where f.lead_id = r.lead_id
              and later.position > s.position
              and f.occurred_at >= r.first_reached_at) as next_reached_at
    from funnel_reached r
    join funnel_stage s on s.stage = r.stage;

-- Where a journey stands: every change of its place in the funnel, in time order. A stage fact
-- moves it to that stage; a disqualification, a lost deal, a churn or an exclusion moves it out
-- of the funnel (EXITED); a rejected toss-up sends it back to Inside Sales (IS_CONTACT); a
-- re-included lead goes back to nurturing. Balances of stock and flow are counted over these.
create view stage_change as
    select lead_id, stage as state, occurred_at as entered_at, event_id
    from fact
    where stage is not null and lead_id is not null
    union all
    select lead_id,
           case type
               when 'TossUpRejected' then 'IS_CONTACT'
               when 'LeadReincluded' then 'NURTURING'
               else 'EXITED'
           end,
           occurred_at, event_id
    from fact
    where lead_id is not null
      and type in ('Disqualified', 'DealLost', 'Churned', 'LeadExcluded', 'TossUpRejected',
                   'LeadReincluded');

-- Each stay in a place, from entering it to the next change (null: still there). Grafana reads
-- this for "now"; the REST API computes the same intervals over the facts known as of asOf.
create view stage_stay as
    select lead_id, state, entered_at, event_id,
           lead(entered_at) over (partition by lead_id order by entered_at, event_id) as left_at
    from stage_change;

-- Inside Sales' calls: connects reached someone at the company, contacts the person in charge.
create view is_call as
    select event_id, lead_id, occurred_at, data ->> 'rep' as rep, data ->> 'outcome' as outcome,
           data ->> 'outcome' not in ('NO_ANSWER', 'WRONG_NUMBER') as connected,
           data ->> 'outcome' = 'CONTACTED_KEY_PERSON' as contacted
    from fact
    where type = 'CallLogged';

-- Field Sales' valid opportunities (accepted toss-ups and expansions) and how each closed.
create view deal_outcome as
    select a.lead_id,
           a.data ->> 'opportunityId' as opportunity_id,
           a.occurred_at as accepted_at,
           (select o.data ->> 'assignedRep' from fact o
            where o.type = 'OpportunityOpened'
              and o.data ->> 'opportunityId' = a.data ->> 'opportunityId'
            limit 1) as rep,
           c.type as outcome,
           c.occurred_at as closed_at,
           c.amount,
           c.currency,
           c.reason
    from fact a
    left join fact c on c.type in ('DealWon', 'DealLost')
        and c.data ->> 'opportunityId' = a.data ->> 'opportunityId'
    where a.type = 'TossUpAccepted';

-- Customer Success' accounts: onboarding, renewals, churn, expansion, health, advocacy.
create view account_event as
    select account_id, lead_id, type, occurred_at, amount, currency, reason,
           data ->> 'band' as health_band
    from fact
    where account_id is not null
      and type in ('CustomerOnboarded', 'Renewed', 'Churned', 'ExpansionIdentified',
                   'HealthScored', 'AdvocateMarked', 'ReferralMade');

-- Revenue targets (KGI) as Field Sales set them, for the whole department (no team, no rep).
create view revenue_target as
    select data ->> 'period' as period, amount, currency, occurred_at as set_at, event_id
    from fact
    where type = 'TargetSet'
      and data ->> 'team' is null
      and data ->> 'rep' is null;

-- The reverse feedback loop: each piece of feedback, its direction, when it was acknowledged and
-- acted on by the department it went to.
create view feedback_item as
    select g.data ->> 'feedbackId' as feedback_id,
           case g.data ->> 'from'
               when 'LEAD' then 'MARKETING'
               when 'IS' then 'INSIDE_SALES'
               when 'DEAL' then 'FIELD_SALES'
               when 'SUCCESS' then 'CUSTOMER_SUCCESS'
               else g.data ->> 'from'
           end as from_party,
           g.data ->> 'to' as to_party,
           g.data ->> 'category' as category,
           g.lead_id,
           g.occurred_at as given_at,
           (select min(a.occurred_at) from fact a
            where a.type = 'FeedbackAcknowledged'
              and a.data ->> 'feedbackId' = g.data ->> 'feedbackId') as acknowledged_at,
           (select min(a.occurred_at) from fact a
            where a.type = 'FeedbackActedOn'
              and a.data ->> 'feedbackId' = g.data ->> 'feedbackId') as acted_on_at
    from fact g
    where g.type = 'FeedbackGiven';

-- Toss-ups Field Sales turned down, with the reason, the gap it saw and the handoff comment Inside
-- Sales had written.
create view toss_up_rejection as
    select r.event_id, r.lead_id, r.data ->> 'opportunityId' as opportunity_id, r.occurred_at,
           r.reason, r.data ->> 'handoffGap' as handoff_gap,
           (select t.data ->> 'handoffComment' from fact t
            where t.type = 'TossedUp' and t.data ->> 'tossUpId' = r.data ->> 'opportunityId'
            limit 1) as handoff_comment,
           r.rep as rejected_by
    from fact r
    where r.type = 'TossUpRejected';
