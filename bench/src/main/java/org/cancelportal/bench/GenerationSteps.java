package org.cancelportal.bench;

import java.util.List;

/**
 * The generator's statements, in order. One draw table holds every random choice per cancellation, so the rows made
 * from it (subscriber, subscription, cancellation, invitation, answer) agree with each other. Shares, roughly:
 * 5 plans (30/20/20/15/15 %), tenure bands 22/30/20/15/13 %, channels WEB 72 %, SUPPORT 18 %, API 10 %, English 58 %
 * and German 42 %, 4 % undone, 85 % invited, and exactly {@code responses} answers among the invited; more
 * cancellations in recent months than a year ago. Ids continue after whatever the tables already hold.
 */
final class GenerationSteps {

    private GenerationSteps() {
    }

    static List<GenerationStep> all(int cancellations, int responses) {
        return List.of(
                new GenerationStep("session settings", """
                        SET LOCAL session_replication_role = replica;
                        SET LOCAL TimeZone = 'UTC';
                        SET LOCAL temp_buffers = '1GB';
                        SET LOCAL work_mem = '256MB';
                        SELECT setseed(0.4711);
                        """),
                new GenerationStep("plans", """
                        INSERT INTO plan (code, name, price_amount, currency, billing_period) VALUES
                            ('streaming-basic-monthly-eur', 'Streaming Basic', 9.99, 'EUR', 'MONTHLY'),
                            ('streaming-premium-yearly-eur', 'Streaming Premium', 119.00, 'EUR', 'YEARLY'),
                            ('fitness-online-monthly-eur', 'Fitness Online', 19.90, 'EUR', 'MONTHLY'),
                            ('daily-news-monthly-usd', 'Daily News Digital', 12.00, 'USD', 'MONTHLY'),
                            ('cloud-1tb-yearly-usd', 'Cloud Storage 1 TB', 99.00, 'USD', 'YEARLY')
                        ON CONFLICT (code) WHERE operator_id IS NULL DO NOTHING;
                        CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
                        SELECT w.no, p.id, p.code, p.price_amount, p.currency, p.billing_period,
                               CASE p.billing_period WHEN 'YEARLY' THEN 365 ELSE 30 END AS period_days
                        FROM (VALUES (1, 'streaming-basic-monthly-eur'), (2, 'daily-news-monthly-usd'),
                                     (3, 'fitness-online-monthly-eur'), (4, 'streaming-premium-yearly-eur'),
                                     (5, 'cloud-1tb-yearly-usd')) w (no, code)
                                 JOIN plan p USING (code) WHERE p.operator_id IS NULL;
                        """),
                new GenerationStep("phrases", "CREATE TEMP TABLE bench_phrase (reason, language, no, text)"
                        + " ON COMMIT DROP AS " + SurveyPhrases.valuesSql()),
                new GenerationStep("draw %,d cancellations".formatted(cancellations), """
                        CREATE TEMP TABLE bench_draw ON COMMIT DROP AS
                        WITH base AS (
                            SELECT (SELECT coalesce(max(id), 0) FROM subscriber) AS subscriber_id,
                                   (SELECT coalesce(max(id), 0) FROM subscription) AS subscription_id,
                                   (SELECT coalesce(max(id), 0) FROM cancellation) AS cancellation_id,
                                   (SELECT coalesce(max(id), 0) FROM survey_invitation) AS invitation_id,
                                   (SELECT coalesce(max(id), 0) FROM survey_response) AS response_id),
                        drawn AS (
                            -- power(random(), 1.15) puts more cancellations into recent months: a growing business.
                            SELECT g, now() - interval '6 hours'
                                          - make_interval(secs => (365 * 86400 - 6 * 3600) * power(random(), 1.15))
                                          AS requested_at,
                                   random() AS r_plan, random() AS r_band, random() AS r_days, random() AS r_hours,
                                   random() AS r_channel, random() AS r_locale, random() AS r_undone,
                                   random() AS r_mode, random() AS r_period, random() AS r_journey,
                                   random() AS r_invited, random() AS r_order, random() AS r_delay
                            FROM generate_series(1, %d) g),
                        shaped AS (
                            SELECT drawn.*,
                                   CASE WHEN r_plan < 0.30 THEN 1 WHEN r_plan < 0.50 THEN 2 WHEN r_plan < 0.70 THEN 3
                                        WHEN r_plan < 0.85 THEN 4 ELSE 5 END AS plan_no,
                                   CASE WHEN r_band < 0.22 THEN 0 WHEN r_band < 0.52 THEN 31
                                        WHEN r_band < 0.72 THEN 183 WHEN r_band < 0.87 THEN 366 ELSE 731 END AS band_from,
                                   CASE WHEN r_band < 0.22 THEN 31 WHEN r_band < 0.52 THEN 183
                                        WHEN r_band < 0.72 THEN 366 WHEN r_band < 0.87 THEN 731 ELSE 2200 END AS band_to,
                                   CASE WHEN r_channel < 0.72 THEN 'WEB' WHEN r_channel < 0.90 THEN 'SUPPORT'
                                        ELSE 'API' END AS channel,
                                   CASE WHEN r_locale < 0.45 THEN 'en' WHEN r_locale < 0.58 THEN 'en-GB'
                                        WHEN r_locale < 0.88 THEN 'de' ELSE 'de-AT' END AS locale,
                                   r_mode < 0.15 AS immediate
                            FROM drawn),
                        periods AS (
                            SELECT s.*, p.id AS plan_id, p.code AS plan_code, p.billing_period, p.currency,
                                   p.price_amount, p.period_days,
                                   s.requested_at + make_interval(secs => s.r_period * p.period_days * 86400)
                                       AS current_period_end
                            FROM shaped s JOIN bench_plan p ON p.no = s.plan_no)
                        SELECT base.subscriber_id + g AS subscriber_id, base.subscription_id + g AS subscription_id,
                               base.cancellation_id + g AS cancellation_id, base.invitation_id + g AS invitation_id,
                               base.response_id + g AS response_id,
                               requested_at, plan_id, plan_code, billing_period, currency, channel, locale,
                               split_part(locale, '-', 1) AS language,
                               -- whole days plus less than one more, so tenure_band() puts it into the drawn band
                               requested_at - make_interval(days => band_from + floor(r_days * (band_to - band_from))::INT,
                                                            secs => r_hours * 80000) AS started_at,
                               current_period_end - make_interval(days => period_days) AS current_period_start,
                               current_period_end,
                               CASE WHEN immediate THEN requested_at ELSE current_period_end END AS effective_at,
                               CASE WHEN immediate THEN 'IMMEDIATE' ELSE 'END_OF_PERIOD' END AS mode,
                               CASE WHEN immediate THEN round(price_amount * r_period::NUMERIC, 2) ELSE 0 END AS refund_amount,
                               CASE WHEN r_undone < 0.04 THEN requested_at + interval '10 minutes' * (1 + r_undone * 100)
                                   END AS undone_at,
                               -- between 5 seconds and 2 hours, mostly short: the page is one click
                               CASE WHEN channel = 'WEB'
                                    THEN requested_at - make_interval(secs => 5 * power(1440, power(r_journey, 2)))
                                   END AS journey_started_at,
                               r_undone >= 0.04 AND r_invited < 0.885 AS invited,
                               r_order,
                               least(now(), requested_at + interval '1 hour'
                                   + make_interval(secs => 5 * 86400 * power(r_delay, 3))) AS submitted_at
                        FROM periods, base;
                        """.formatted(cancellations)),
                new GenerationStep("pick %,d answered invitations".formatted(responses), """
                        CREATE TEMP TABLE bench_cut ON COMMIT DROP AS
                        SELECT r_order AS cut FROM bench_draw WHERE invited ORDER BY r_order OFFSET %d LIMIT 1;
                        """.formatted(responses - 1)),
                new GenerationStep("subscribers", """
                        INSERT INTO subscriber (id, email, name, locale, time_zone, created_at)
                        SELECT subscriber_id, 'bench-' || subscriber_id || '@example.org',
                               'Bench Subscriber ' || subscriber_id, locale,
                               CASE WHEN language = 'de' THEN 'Europe/Berlin' WHEN locale = 'en-GB' THEN 'Europe/London'
                                    ELSE 'America/New_York' END,
                               started_at
                        FROM bench_draw;
                        """),
                new GenerationStep("subscriptions", """
                        INSERT INTO subscription (id, subscriber_id, plan_id, status, started_at, current_period_start,
                                                  current_period_end)
                        SELECT subscription_id, subscriber_id, plan_id,
                               CASE WHEN undone_at IS NOT NULL THEN 'ACTIVE'
                                    WHEN effective_at > now() THEN 'CANCELLATION_SCHEDULED' ELSE 'CANCELLED' END,
                               started_at, current_period_start, current_period_end
                        FROM bench_draw;
                        """),
                new GenerationStep("cancellations", """
                        INSERT INTO cancellation (id, reference, subscription_id, requested_at, effective_at, mode,
                                                  refund_amount, refund_currency, channel, actor, undone_at, undone_by,
                                                  journey_started_at)
                        SELECT cancellation_id,
                               'BX-' || substr(lpad(upper(to_hex(cancellation_id)), 8, '0'), 1, 4) || '-'
                                   || substr(lpad(upper(to_hex(cancellation_id)), 8, '0'), 5, 4),
                               subscription_id, requested_at, effective_at, mode, refund_amount, currency, channel,
                               CASE channel WHEN 'WEB' THEN 'bench-' || subscriber_id || '@example.org'
                                            WHEN 'SUPPORT' THEN 'support@example.com' ELSE 'api:billing' END,
                               undone_at,
                               CASE WHEN undone_at IS NOT NULL THEN 'bench-' || subscriber_id || '@example.org' END,
                               journey_started_at
                        FROM bench_draw;
                        """),
                new GenerationStep("invitations", """
                        INSERT INTO survey_invitation (id, event_id, cancellation_id, subscriber_id, status, due_at,
                                                       sent_at, expires_at, responded_at)
                        SELECT invitation_id, md5('bench-event-' || cancellation_id)::UUID, cancellation_id,
                               subscriber_id, 'SENT', requested_at + interval '1 hour',
                               requested_at + interval '1 hour', requested_at + interval '1 hour 30 days',
                               CASE WHEN r_order <= cut THEN submitted_at END
                        FROM bench_draw, bench_cut
                        WHERE invited;
                        """),
                new GenerationStep("answers", """
                        INSERT INTO survey_response (id, subscriber_id, cancellation_id, anonymous, reason_code, comment,
                                                     fair_outcome, contact_consent, plan_code, billing_period,
                                                     tenure_band, channel, locale, cancelled_month, submitted_at,
                                                     updated_at, editable_until, reviewed, reviewed_at, reviewed_by)
                        WITH answered AS (
                            SELECT d.*, random() < 0.25 AS anonymous, random() AS r_reason, random() AS r_comment,
                                   random() AS r_phrase, random() AS r_more, random() AS r_extra, random() AS r_fair,
                                   random() AS r_fair_phrase, random() AS r_consent, random() AS r_reviewed
                            FROM bench_draw d, bench_cut c
                            WHERE d.invited AND d.r_order <= c.cut),
                        reasoned AS (
                            SELECT a.*,
                                   CASE WHEN r_reason < 0.28 THEN 'too_expensive' WHEN r_reason < 0.42 THEN 'missing_features'
                                        WHEN r_reason < 0.55 THEN 'switched_service' WHEN r_reason < 0.67 THEN 'unused'
                                        WHEN r_reason < 0.73 THEN 'customer_service' WHEN r_reason < 0.79 THEN 'too_complex'
                                        WHEN r_reason < 0.85 THEN 'low_quality' WHEN r_reason < 0.90 THEN 'other'
                                       END AS reason_code,
                                   r_reviewed < 0.08 AS reviewed
                            FROM answered a)
                        SELECT a.response_id,
                               CASE WHEN NOT a.anonymous THEN a.subscriber_id END,
                               CASE WHEN NOT a.anonymous THEN a.cancellation_id END,
                               a.anonymous, a.reason_code,
                               CASE WHEN a.r_comment < 0.60
                                    THEN said.text || CASE WHEN a.r_more < 0.25 THEN ' ' || added.text ELSE '' END END,
                               CASE WHEN a.r_fair < 0.35 THEN fair.text END,
                               NOT a.anonymous AND a.r_consent < 0.20,
                               a.plan_code, a.billing_period, tenure_band(a.started_at, a.requested_at), a.channel,
                               a.locale, to_char(a.requested_at, 'YYYY-MM'), a.submitted_at, a.submitted_at,
                               -- editable for 24 hours, as the hourly retention job leaves it
                               CASE WHEN a.submitted_at > now() - interval '24 hours'
                                    THEN a.submitted_at + interval '24 hours' END,
                               a.reviewed,
                               CASE WHEN a.reviewed THEN least(now(), a.submitted_at + interval '2 days') END,
                               CASE WHEN a.reviewed THEN 'product@example.com' END
                        FROM reasoned a
                                 JOIN bench_phrase said ON said.reason = coalesce(a.reason_code, '')
                                     AND said.language = a.language AND said.no = 1 + floor(a.r_phrase * %1$d)::INT
                                 JOIN bench_phrase added ON added.reason = '+'
                                     AND added.language = a.language AND added.no = 1 + floor(a.r_extra * %1$d)::INT
                                 JOIN bench_phrase fair ON fair.reason = 'fair'
                                     AND fair.language = a.language AND fair.no = 1 + floor(a.r_fair_phrase * %2$d)::INT;
                        """.formatted(SurveyPhrases.PER_REASON, SurveyPhrases.FAIR_OUTCOMES)),
                new GenerationStep("tags", """
                        INSERT INTO survey_response_tag (response_id, tag)
                        SELECT DISTINCT id, (ARRAY['pricing', 'offline-mode', 'support', 'bug', 'competitor',
                                                   'family-plan'])[1 + floor(random() * 6)::INT]
                        FROM survey_response, generate_series(1, 2)
                        WHERE id >= (SELECT min(response_id) FROM bench_draw) AND random() < 0.02;
                        """),
                new GenerationStep("replies", """
                        INSERT INTO survey_reply (response_id, author, body, written_at, sent_at)
                        SELECT id, 'product@example.com',
                               CASE WHEN locale LIKE 'de%%'
                                    THEN 'Danke für Ihre Antwort. Wir melden uns, sobald sich daran etwas ändert.'
                                    ELSE 'Thank you for your answer. We will let you know when this changes.' END,
                               least(now(), submitted_at + interval '3 days'), least(now(), submitted_at + interval '3 days')
                        FROM survey_response
                        WHERE id >= (SELECT min(response_id) FROM bench_draw) AND contact_consent AND random() < 0.05;
                        """.formatted()),
                new GenerationStep("identity sequences", """
                        SELECT setval(pg_get_serial_sequence(t, 'id'), m)
                        FROM (VALUES ('subscriber', (SELECT max(id) FROM subscriber)),
                                     ('subscription', (SELECT max(id) FROM subscription)),
                                     ('cancellation', (SELECT max(id) FROM cancellation)),
                                     ('survey_invitation', (SELECT max(id) FROM survey_invitation)),
                                     ('survey_response', (SELECT max(id) FROM survey_response))) s (t, m);
                        """),
                new GenerationStep("insights_rebuild()", "SELECT insights_rebuild()"));
    }
}
