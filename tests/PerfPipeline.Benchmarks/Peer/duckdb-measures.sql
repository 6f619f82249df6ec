-- The peer: every measure of the indicator catalogue for every month, quarter and financial year, as one DuckDB
-- script over an extract batch's CSVs, without validation and without storage. DuckDbPeer fills the placeholders:
-- {events} the newest batch's folder (event datasets), {as_at} its as-at date, {care_leavers}, {ehcp_active_plans},
-- {missing_education} the snapshot datasets of every batch (one read_csv per batch, as_at added), {population} the LA's
-- estimates (VALUES) and {holidays} the bank holidays (VALUES). The rules are docs/spec/indicators.md's, as the engine
-- reads them (Indicators/Measures/); every dataset is taken as supplied. Statements end with ';' at a line's end.

CREATE TEMP TABLE person AS
SELECT pers_person_id AS person, CAST(pers_dob AS DATE) AS dob
FROM read_csv('{events}/ssd_person.csv', header = true, all_varchar = true);

CREATE TEMP TABLE referral AS
SELECT cine_person_id AS person, CAST(cine_referral_date AS DATE) AS d
FROM read_csv('{events}/ssd_cin_episodes.csv', header = true, all_varchar = true);

CREATE TEMP TABLE assessment AS
SELECT CAST(cina_assessment_start_date AS DATE) AS s, CAST(cina_assessment_auth_date AS DATE) AS auth
FROM read_csv('{events}/ssd_cin_assessments.csv', header = true, all_varchar = true);

CREATE TEMP TABLE cp_plan AS
SELECT cppl_cp_plan_id AS id, cppl_person_id AS person, CAST(cppl_cp_plan_start_date AS DATE) AS s,
    CAST(cppl_cp_plan_end_date AS DATE) AS e
FROM read_csv('{events}/ssd_cp_plans.csv', header = true, all_varchar = true);

CREATE TEMP TABLE cp_visit AS
SELECT cppv_cp_plan_id AS plan, CAST(cppv_cp_visit_date AS DATE) AS d
FROM read_csv('{events}/ssd_cp_visits.csv', header = true, all_varchar = true);

CREATE TEMP TABLE care_episode AS
SELECT clae_person_id AS person, clae_cla_id AS care, CAST(clae_cla_episode_start_date AS DATE) AS s,
    CAST(clae_cla_episode_ceased_date AS DATE) AS e
FROM read_csv('{events}/ssd_cla_episodes.csv', header = true, all_varchar = true);

CREATE TEMP TABLE care_visit AS
SELECT clav_cla_id AS care, CAST(clav_cla_visit_date AS DATE) AS d
FROM read_csv('{events}/ssd_cla_visits.csv', header = true, all_varchar = true);

CREATE TEMP TABLE involvement AS
SELECT invo_person_id AS person, invo_professional_id AS professional, CAST(invo_involvement_start_date AS DATE) AS s,
    CAST(invo_involvement_end_date AS DATE) AS e
FROM read_csv('{events}/ssd_involvements.csv', header = true, all_varchar = true);

CREATE TEMP TABLE missing AS
SELECT miss_person_id AS person, upper(miss_missing_episode_type) = 'MISSING' AS is_missing,
    CAST(miss_missing_episode_start_date AS DATE) AS s, CAST(miss_missing_episode_end_date AS DATE) AS e,
    CAST(miss_missing_rhi_date AS DATE) AS rhi
FROM read_csv('{events}/ssd_missing.csv', header = true, all_varchar = true);

CREATE TEMP TABLE early_help AS
SELECT CAST(earl_episode_start_date AS DATE) AS s, CAST(earl_episode_end_date AS DATE) AS e,
    CAST(earl_assessment_completed_date AS DATE) AS done
FROM read_csv('{events}/ssd_early_help_episodes.csv', header = true, all_varchar = true);

CREATE TEMP TABLE ehcp_request AS
SELECT ehcr_ehcp_request_id AS id, CAST(ehcr_ehcp_req_date AS DATE) AS d
FROM read_csv('{events}/ssd_ehcp_requests.csv', header = true, all_varchar = true);

CREATE TEMP TABLE ehcp_assessment AS
SELECT ehca_ehcp_assessment_id AS id, ehca_ehcp_request_id AS request,
    coalesce(upper(ehca_ehcp_assessment_exceptions) IN ('Y', 'YES', '1', 'TRUE'), false) AS exceptions
FROM read_csv('{events}/ssd_ehcp_assessment.csv', header = true, all_varchar = true);

CREATE TEMP TABLE ehcp_plan AS
SELECT ehcn_ehcp_asmt_id AS assessment, CAST(ehcn_named_plan_start_date AS DATE) AS s
FROM read_csv('{events}/ssd_ehcp_named_plan.csv', header = true, all_varchar = true);

CREATE TEMP TABLE professional AS
SELECT upper(prof_agency_worker_flag) IN ('Y', 'YES', '1', 'TRUE') AS agency,
    CAST(prof_full_time_equivalency AS DECIMAL(18, 6)) AS fte,
    upper(prof_qualified_social_worker) IN ('Y', 'YES', '1', 'TRUE') AS qualified,
    CAST(prof_employment_start_date AS DATE) AS s, CAST(prof_employment_end_date AS DATE) AS e
FROM read_csv('{events}/ssd_professionals.csv', header = true, all_varchar = true);

CREATE TEMP TABLE care_leaver AS {care_leavers};

CREATE TEMP TABLE ehcp_active AS {ehcp_active_plans};

CREATE TEMP TABLE missing_education AS {missing_education};

CREATE TEMP TABLE population AS SELECT * FROM (VALUES {population}) p(year, population);

-- Working days through each day: Monday to Friday, not a bank holiday.
CREATE TEMP TABLE working_day AS
SELECT CAST(day AS DATE) AS d,
    sum(CASE WHEN dayofweek(day) IN (0, 6) OR h.d IS NOT NULL THEN 0 ELSE 1 END) OVER (ORDER BY day) AS through
FROM range(TIMESTAMP '1950-01-01', TIMESTAMP '2061-01-01', INTERVAL 1 DAY) r(day)
LEFT JOIN (SELECT CAST(d AS DATE) AS d FROM (VALUES {holidays}) h(d)) h ON h.d = CAST(day AS DATE);

-- Months, quarters and financial years from the earliest event date to as_at, ended by then.
CREATE TEMP TABLE period AS
WITH earliest AS (
    SELECT min(d) AS d FROM (
        SELECT d FROM referral UNION ALL SELECT coalesce(auth, s) FROM assessment
        UNION ALL SELECT s FROM cp_plan UNION ALL SELECT e FROM cp_plan UNION ALL SELECT d FROM cp_visit
        UNION ALL SELECT s FROM care_episode UNION ALL SELECT e FROM care_episode UNION ALL SELECT d FROM care_visit
        UNION ALL SELECT s FROM missing UNION ALL SELECT e FROM missing
        UNION ALL SELECT s FROM early_help UNION ALL SELECT done FROM early_help
        UNION ALL SELECT s FROM ehcp_plan UNION ALL SELECT e FROM professional
        UNION ALL SELECT as_at FROM care_leaver UNION ALL SELECT as_at FROM ehcp_active
        UNION ALL SELECT as_at FROM missing_education)),
starts AS (
    SELECT 'Month' AS type, 1 AS months, CAST(date_trunc('month', d) AS TIMESTAMP) AS first FROM earliest
    UNION ALL SELECT 'Quarter', 3, CAST(date_trunc('quarter', d) AS TIMESTAMP) FROM earliest
    UNION ALL SELECT 'FinancialYear', 12, CAST(make_date(year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END, 4, 1) AS TIMESTAMP) FROM earliest),
spans AS (
    SELECT type, CAST(unnest(generate_series(first, TIMESTAMP '{as_at}', to_months(months))) AS DATE) AS s, months FROM starts),
dated AS (
    SELECT type, s, CAST(s + to_months(months) - INTERVAL 1 DAY AS DATE) AS e,
        year(s) - CASE WHEN month(s) < 4 THEN 1 ELSE 0 END AS fy FROM spans)
SELECT type, s, e,
    CASE type
        WHEN 'Month' THEN strftime(s, '%Y-%m')
        WHEN 'Quarter' THEN printf('%d-%02d Q%d', fy, (fy + 1) % 100, (month(s) + 8) % 12 // 3 + 1)
        ELSE printf('%d-%02d', fy, (fy + 1) % 100)
    END AS code
FROM dated WHERE e <= DATE '{as_at}';

CREATE TEMP TABLE period_end AS SELECT DISTINCT e AS d FROM period;

-- Flow events: one row per event with its date and its numerator (0/1 for a percentage, days for a mean).
CREATE TEMP TABLE flow_event AS
SELECT 'EHCP_ISSUED_WITHIN_20_WEEKS_PCT' AS code, p.s AS d, CASE WHEN p.s - r.d <= 140 THEN 1 ELSE 0 END AS x
FROM ehcp_plan p JOIN ehcp_assessment a ON a.id = p.assessment JOIN ehcp_request r ON r.id = a.request
WHERE NOT a.exceptions
UNION ALL SELECT 'EH_REFERRALS', s, 0 FROM early_help
UNION ALL SELECT 'EH_ASSESSMENTS', done, 0 FROM early_help WHERE done IS NOT NULL
UNION ALL SELECT 'EH_AVG_DAYS_REFERRAL_TO_ASSESSMENT', done, done - s FROM early_help WHERE done IS NOT NULL
UNION ALL SELECT 'CSC_REFERRALS', d, 0 FROM referral
UNION ALL SELECT 'CSC_REREFERRALS_12M_PCT', d, CASE WHEN earlier >= CAST(d - INTERVAL 12 MONTH AS DATE) THEN 1 ELSE 0 END
FROM (
    SELECT d, CAST(DATE '2000-01-01' + CAST(max(day) OVER (PARTITION BY person ORDER BY day
        RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS INTEGER) AS DATE) AS earlier
    FROM (SELECT person, d, d - DATE '2000-01-01' AS day FROM referral))
UNION ALL SELECT 'CSC_ASSESSMENTS_45WD_PCT', a.auth, CASE WHEN a.auth <= a.s OR t.through - f.through <= 45 THEN 1 ELSE 0 END
FROM assessment a JOIN working_day f ON f.d = a.s JOIN working_day t ON t.d = a.auth
UNION ALL SELECT 'CP_VISITS_IN_TIMESCALE_PCT', v.d, CASE WHEN v.d <= v.since OR t.through - f.through <= 10 THEN 1 ELSE 0 END
FROM (
    SELECT v.d, coalesce(lag(v.d) OVER (PARTITION BY v.plan ORDER BY v.d), p.s) AS since
    FROM cp_visit v JOIN cp_plan p ON p.id = v.plan
    WHERE v.d >= p.s AND (p.e IS NULL OR v.d <= p.e)) v
JOIN working_day f ON f.d = v.since JOIN working_day t ON t.d = v.d
UNION ALL SELECT 'CIC_VISITS_IN_TIMESCALE_PCT', d, CASE WHEN previous IS NULL THEN CASE WHEN d - s <= 7 THEN 1 ELSE 0 END
    WHEN d - previous <= 42 THEN 1 ELSE 0 END
FROM (
    SELECT v.d, c.s, lag(v.d) OVER (PARTITION BY v.care ORDER BY v.d) AS previous
    FROM care_visit v
    JOIN (SELECT care, min(s) AS s, CASE WHEN count(*) = count(e) THEN max(e) END AS e FROM care_episode GROUP BY care) c
        ON c.care = v.care
    WHERE v.d >= c.s AND (c.e IS NULL OR v.d <= c.e))
UNION ALL SELECT 'MISSING_RHI_ON_TIME_PCT', e, CASE WHEN rhi - e <= 3 THEN 1 ELSE 0 END
FROM missing WHERE is_missing AND rhi IS NOT NULL AND e IS NOT NULL;

-- Distinct-person flows: each person once per period, by their first event in it.
CREATE TEMP TABLE person_event AS
SELECT 'CP_REPEAT_PLAN_2Y_PCT' AS code, p.person, p.s AS d,
    CASE WHEN EXISTS (
        SELECT 1 FROM cp_plan earlier
        WHERE earlier.person = p.person AND earlier.s < p.s AND earlier.e IS NOT NULL
            AND earlier.e >= CAST(p.s - INTERVAL 24 MONTH AS DATE) AND earlier.e <= p.s) THEN 1 ELSE 0 END AS x
FROM cp_plan p
UNION ALL SELECT 'MISSING_CHILDREN', person, s, 0 FROM missing WHERE is_missing;

-- Measures of the period's last day D. A record is open at D when it started by D and has not ended by D.
CREATE TEMP TABLE cp_open AS
SELECT pe.d, count(DISTINCT p.person) AS n
FROM period_end pe LEFT JOIN cp_plan p ON p.s <= pe.d AND coalesce(p.e, DATE '9999-12-31') > pe.d GROUP BY pe.d;

CREATE TEMP TABLE in_care AS
SELECT DISTINCT pe.d, c.person
FROM period_end pe JOIN care_episode c ON c.s <= pe.d AND coalesce(c.e, DATE '9999-12-31') > pe.d;

CREATE TEMP TABLE care_open AS
SELECT pe.d, count(ic.person) AS n FROM period_end pe LEFT JOIN in_care ic ON ic.d = pe.d GROUP BY pe.d;

-- Distinct professionals among a child's involvements overlapping the 12 months ending D.
CREATE TEMP TABLE social_workers AS
SELECT ic.d, ic.person, count(DISTINCT i.professional) AS workers
FROM in_care ic LEFT JOIN involvement i ON i.person = ic.person AND i.s <= ic.d
    AND coalesce(i.e, DATE '9999-12-31') >= CAST(ic.d - INTERVAL 12 MONTH + INTERVAL 1 DAY AS DATE)
GROUP BY ic.d, ic.person;

CREATE TEMP TABLE population_at AS
SELECT pe.d, arg_max(p.population, p.year) AS population
FROM period_end pe LEFT JOIN population p ON make_date(p.year, 6, 30) <= pe.d GROUP BY pe.d;

CREATE TEMP TABLE workforce AS
SELECT pe.d,
    coalesce(sum(w.fte) FILTER (WHERE NOT w.agency AND w.e >= CAST(pe.d - INTERVAL 12 MONTH + INTERVAL 1 DAY AS DATE) AND w.e <= pe.d), 0) AS leavers,
    coalesce(sum(w.fte) FILTER (WHERE NOT w.agency AND w.s <= pe.d AND coalesce(w.e, DATE '9999-12-31') > pe.d), 0) AS permanent,
    coalesce(sum(w.fte) FILTER (WHERE w.agency AND w.s <= pe.d AND coalesce(w.e, DATE '9999-12-31') > pe.d), 0) AS agency,
    coalesce(sum(w.fte) FILTER (WHERE w.s <= pe.d AND coalesce(w.e, DATE '9999-12-31') > pe.d), 0) AS all_fte
FROM period_end pe CROSS JOIN (SELECT * FROM professional WHERE qualified) w GROUP BY pe.d;

-- A snapshot dataset serves period end D with its batch whose as_at is the nearest in D .. D + 7 days.
CREATE TEMP TABLE serving AS
SELECT s.dataset, pe.d, min(s.as_at) AS as_at
FROM period_end pe JOIN (
    SELECT DISTINCT 'care_leavers' AS dataset, as_at FROM care_leaver
    UNION SELECT 'ehcp_active_plans', as_at FROM ehcp_active
    UNION SELECT 'missing_education', as_at FROM missing_education) s ON s.as_at >= pe.d AND s.as_at <= pe.d + 7
GROUP BY s.dataset, pe.d;

CREATE TEMP TABLE leavers AS
SELECT sv.d, l.*, upper(l.in_touch) NOT IN ('DIED', 'RHOM') AS cohort,
    year(sv.d) - year(ps.dob) - CASE WHEN month(sv.d) * 100 + day(sv.d) < month(ps.dob) * 100 + day(ps.dob) THEN 1 ELSE 0 END AS age
FROM serving sv JOIN care_leaver l ON sv.dataset = 'care_leavers' AND l.as_at = sv.as_at LEFT JOIN person ps ON ps.person = l.person;

CREATE TEMP TABLE at_end AS
SELECT 'CP_PLANS_CURRENT' AS code, d, n AS num, NULL AS den, n AS val FROM cp_open
UNION ALL SELECT 'CP_RATE_PER_10K', c.d, c.n, p.population, CASE WHEN p.population <> 0 THEN c.n * 10000.0 / p.population END
FROM cp_open c JOIN population_at p ON p.d = c.d
UNION ALL SELECT 'CIC_CURRENT', d, n, NULL, n FROM care_open
UNION ALL SELECT 'CIC_RATE_PER_10K', c.d, c.n, p.population, CASE WHEN p.population <> 0 THEN c.n * 10000.0 / p.population END
FROM care_open c JOIN population_at p ON p.d = c.d
UNION ALL SELECT 'CIC_MULTIPLE_SOCIAL_WORKERS_12M_PCT', pe.d, coalesce(m.multiple, 0), coalesce(m.children, 0),
    CASE WHEN m.children > 0 THEN m.multiple * 100.0 / m.children END
FROM period_end pe LEFT JOIN (
    SELECT d, count(*) AS children, count(*) FILTER (WHERE workers > 1) AS multiple FROM social_workers GROUP BY d) m ON m.d = pe.d
UNION ALL SELECT 'SW_TURNOVER_12M_PCT', d, leavers, permanent, CASE WHEN permanent <> 0 THEN leavers * 100.0 / permanent END FROM workforce
UNION ALL SELECT 'SW_AGENCY_PCT', d, agency, all_fte, CASE WHEN all_fte <> 0 THEN agency * 100.0 / all_fte END FROM workforce
UNION ALL SELECT 'CL_IN_TOUCH_PCT', d, count(*) FILTER (WHERE cohort AND upper(in_touch) = 'YES'), count(*) FILTER (WHERE cohort), NULL
FROM leavers GROUP BY d
UNION ALL SELECT 'CL_NEET_18_24_PCT', d, count(*) FILTER (WHERE cohort AND age BETWEEN 18 AND 24 AND upper(activity) IN ('G4', 'G5', 'G6')),
    count(*) FILTER (WHERE cohort AND age BETWEEN 18 AND 24), NULL
FROM leavers GROUP BY d
UNION ALL SELECT 'CL_SUITABLE_ACCOMMODATION_PCT', d,
    count(*) FILTER (WHERE cohort AND (upper(accommodation_suitable) IN ('SUITABLE', '1')
        OR (length(accommodation) = 2 AND substr(accommodation, 2, 1) = '1'))),
    count(*) FILTER (WHERE cohort), NULL
FROM leavers GROUP BY d
UNION ALL SELECT 'EHCP_CURRENT_IN_BOROUGH', sv.d, count(*) FILTER (WHERE e.in_borough), NULL, NULL
FROM serving sv JOIN ehcp_active e ON sv.dataset = 'ehcp_active_plans' AND e.as_at = sv.as_at GROUP BY sv.d
UNION ALL SELECT 'EHCP_CURRENT_OUT_OF_BOROUGH', sv.d, count(*) FILTER (WHERE NOT e.in_borough), NULL, NULL
FROM serving sv JOIN ehcp_active e ON sv.dataset = 'ehcp_active_plans' AND e.as_at = sv.as_at GROUP BY sv.d
UNION ALL SELECT 'CME_CURRENT', sv.d, count(*), NULL, NULL
FROM serving sv JOIN missing_education m ON sv.dataset = 'missing_education' AND m.as_at = sv.as_at GROUP BY sv.d;

-- Every measure for every period: flows summed by month first, then over each period's months.
WITH monthly AS (
    SELECT code, CAST(date_trunc('month', d) AS DATE) AS month, count(*) AS n, sum(x) AS total
    FROM flow_event GROUP BY ALL),
flow AS (
    SELECT c.code, p.type, p.code AS period, coalesce(sum(m.n), 0) AS n, coalesce(sum(m.total), 0) AS total
    FROM period p CROSS JOIN (VALUES ('EHCP_ISSUED_WITHIN_20_WEEKS_PCT'), ('EH_REFERRALS'), ('EH_ASSESSMENTS'),
        ('EH_AVG_DAYS_REFERRAL_TO_ASSESSMENT'), ('CSC_REFERRALS'), ('CSC_REREFERRALS_12M_PCT'), ('CSC_ASSESSMENTS_45WD_PCT'),
        ('CP_VISITS_IN_TIMESCALE_PCT'), ('CIC_VISITS_IN_TIMESCALE_PCT'), ('MISSING_RHI_ON_TIME_PCT')) c(code)
    LEFT JOIN monthly m ON m.code = c.code AND m.month BETWEEN p.s AND p.e
    GROUP BY ALL),
persons AS (
    SELECT c.code, p.type, p.code AS period, count(f.person) AS n, coalesce(sum(f.x), 0) AS total
    FROM period p CROSS JOIN (VALUES ('CP_REPEAT_PLAN_2Y_PCT'), ('MISSING_CHILDREN')) c(code)
    LEFT JOIN (
        SELECT e.code, p.type, p.code AS period, e.person, arg_min(e.x, e.d) AS x
        FROM period p JOIN person_event e ON e.d BETWEEN p.s AND p.e GROUP BY ALL) f
        ON f.code = c.code AND f.type = p.type AND f.period = p.code
    GROUP BY ALL)
SELECT code, type, period, CAST(n AS DOUBLE) AS numerator, NULL::DOUBLE AS denominator, CAST(n AS DOUBLE) AS value
FROM flow WHERE code IN ('EH_REFERRALS', 'EH_ASSESSMENTS', 'CSC_REFERRALS')
UNION ALL SELECT code, type, period, total, n, CASE WHEN n > 0 THEN total / n END
FROM flow WHERE code = 'EH_AVG_DAYS_REFERRAL_TO_ASSESSMENT'
UNION ALL SELECT code, type, period, total, n, CASE WHEN n > 0 THEN total * 100.0 / n END
FROM flow WHERE code NOT IN ('EH_REFERRALS', 'EH_ASSESSMENTS', 'CSC_REFERRALS', 'EH_AVG_DAYS_REFERRAL_TO_ASSESSMENT')
UNION ALL SELECT code, type, period, n, NULL, n FROM persons WHERE code = 'MISSING_CHILDREN'
UNION ALL SELECT code, type, period, total, n, CASE WHEN n > 0 THEN total * 100.0 / n END FROM persons WHERE code = 'CP_REPEAT_PLAN_2Y_PCT'
UNION ALL SELECT a.code, p.type, p.code, a.num, a.den,
    CASE WHEN a.code LIKE '%_PCT' AND a.den IS NOT NULL THEN CASE WHEN a.den > 0 THEN a.num * 100.0 / a.den END
        WHEN a.code IN ('EHCP_CURRENT_IN_BOROUGH', 'EHCP_CURRENT_OUT_OF_BOROUGH', 'CME_CURRENT') THEN a.num ELSE a.val END
FROM period p JOIN at_end a ON a.d = p.e
UNION ALL SELECT c.code, p.type, p.code, NULL, NULL, NULL
FROM period p CROSS JOIN (VALUES ('CL_IN_TOUCH_PCT'), ('CL_NEET_18_24_PCT'), ('CL_SUITABLE_ACCOMMODATION_PCT'),
    ('EHCP_CURRENT_IN_BOROUGH'), ('EHCP_CURRENT_OUT_OF_BOROUGH'), ('CME_CURRENT')) c(code)
WHERE NOT EXISTS (SELECT 1 FROM at_end a WHERE a.code = c.code AND a.d = p.e);
