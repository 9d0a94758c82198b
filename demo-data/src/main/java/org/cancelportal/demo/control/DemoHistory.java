package org.cancelportal.demo.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.schema.control.SchemaReady;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;

/**
 * A year of past cancellations and exit-survey answers, so that the insights dashboard of a fresh demo server shows
 * trends, reasons and people's own words instead of empty charts. Only when cancelportal.demo-history=true, and only
 * once. The former customers get no logins: nobody is meant to sign in as them.
 * <p>
 * The history is invented in Java from a fixed seed, so every start tells the same story relative to today, and
 * written with one set-based INSERT per table. The database's own triggers keep the insights tables in step, exactly
 * as they do for real cancellations.
 */
@ApplicationScoped
public class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());

    /** DemoData creates the plans when it observes SchemaReady at the default priority, APPLICATION + 500. */
    static final int AFTER_DEMO_DATA = Interceptor.Priority.APPLICATION + 1000;

    static final int FORMER_CUSTOMERS = 800;
    /** Any fixed value would do; with this one the draws come out close to the shares below. */
    private static final long SEED = 34;
    private static final int DAYS = 365;
    private static final String REVIEWER = "product@example.com";

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final double GERMAN_SHARE = 0.40;
    /** German speakers live in Berlin here; English speakers mostly in New York. */
    private static final double ENGLISH_IN_BERLIN_SHARE = 0.30;
    private static final double UNDONE_SHARE = 0.09; // some draws can no longer be undone: about 8% are
    private static final double INVITED_SHARE = 0.85;
    private static final double RESPONDED_SHARE = 0.35;
    private static final double ANONYMOUS_SHARE = 0.25;
    private static final double NO_REASON_SHARE = 0.10;
    private static final double COMMENT_SHARE = 0.60;
    private static final double FAIR_OUTCOME_SHARE = 0.40;
    private static final double CONTACT_SHARE = 0.40;
    private static final double REVIEWED_SHARE = 0.10;

    private static final Duration INVITATION_DELAY = Duration.ofDays(1);
    private static final Duration LINK_VALIDITY = Duration.ofDays(30);
    private static final Duration REMINDER_AFTER = Duration.ofDays(3);
    /** The story the reasons tell: a price rise about three months ago. */
    private static final int PRICE_RISE_DAYS_AGO = 90;
    /** Mid-January, when the holidays are paid for and the good intentions wear off. */
    private static final int SEASON_PEAK_DAY_OF_YEAR = 15;

    private static final List<String> CHANNELS = List.of("WEB", "SUPPORT", "API");
    private static final double[] CHANNEL_WEIGHTS = {80, 14, 6};

    /** People cancel in the evening far more than at night. */
    private static final double[] HOUR_WEIGHTS = {
            2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 5, 6, 5, 4, 4, 4, 5, 6, 8, 9, 9, 7, 4};

    private static final List<TenureBand> TENURE_BANDS = List.of(
            new TenureBand(16, 2, 30),
            new TenureBand(34, 31, 182),
            new TenureBand(22, 183, 365),
            new TenureBand(16, 366, 730),
            new TenureBand(12, 731, 1500));

    private static final String EXPENSIVE = "too_expensive";
    private static final String FEATURES = "missing_features";
    private static final String SWITCHED = "switched_service";
    private static final String UNUSED = "unused";
    private static final String SERVICE = "customer_service";
    private static final String COMPLEX = "too_complex";
    private static final String QUALITY = "low_quality";
    private static final String OTHER = "other";
    private static final String ANY = null;
    private static final List<String> REASONS =
            List.of(EXPENSIVE, FEATURES, SWITCHED, UNUSED, SERVICE, COMPLEX, QUALITY, OTHER);

    /** How many leave each plan, and why (weights in the order of REASONS). */
    private static final List<PlanProfile> PLANS = List.of(
            new PlanProfile("streaming-basic-monthly-eur", 32, 30, 10, 22, 12, 4, 3, 12, 7),
            new PlanProfile("streaming-premium-yearly-eur", 14, 34, 8, 20, 10, 5, 3, 12, 8),
            new PlanProfile("fitness-online-monthly-eur", 22, 14, 14, 8, 34, 5, 8, 9, 8),
            new PlanProfile("daily-news-monthly-usd", 20, 12, 6, 10, 38, 4, 6, 14, 10),
            new PlanProfile("cloud-1tb-yearly-usd", 12, 16, 18, 24, 8, 10, 12, 6, 6));

    // The plan part of a text matches a part of the plan code: "streaming", "basic", "yearly", "usd", ...
    private static final List<Words> COMMENTS_EN = List.of(
            new Words(EXPENSIVE, "basic", "9.99 a month for the basic plan and I still can't watch in HD? Can't justify that anymore."),
            new Words(EXPENSIVE, "streaming", "The price went up twice in one year. I like the shows, but not at that price."),
            new Words(EXPENSIVE, ANY, "Honestly it's just money. Everything got more expensive and this was the easiest thing to cut."),
            new Words(EXPENSIVE, ANY, "Too expensive for how little I used it. A cheaper plan without the extras and I'd have stayed."),
            new Words(EXPENSIVE, "fitness", "19.90 a month is more than my sports club charges. Hard to justify for an app."),
            new Words(EXPENSIVE, "news", "$12 a month for news is steep when half the articles are wire copy anyway."),
            new Words(EXPENSIVE, "cloud", "99 dollars a year for storage when my phone plan now includes 200 GB. sorry"),
            new Words(EXPENSIVE, ANY, "Lost my job in the spring, cutting every subscription I can. Nothing personal."),
            new Words(EXPENSIVE, "streaming", "we're three students sharing a flat, there's no student price so we split an account somewhere else"),
            new Words(FEATURES, "streaming", "No offline mode. I'm on a train two hours a day with no signal, that's a dealbreaker."),
            new Words(FEATURES, "streaming", "Family sharing please!! Paying for three separate accounts is ridiculous."),
            new Words(FEATURES, "cloud", "There's no way to share a folder with my family without giving them my password."),
            new Words(FEATURES, "fitness", "I wanted short workouts without equipment and a timer I can actually follow. Neither really works."),
            new Words(FEATURES, "news", "No way to save articles for later and read them offline. I read on the subway."),
            new Words(FEATURES, ANY, "I couldn't find a way to export my data. That should be a button."),
            new Words(SWITCHED, "streaming", "Moved to a competitor because they have the football this season."),
            new Words(SWITCHED, ANY, "My partner already pays for something similar, we don't need two."),
            new Words(SWITCHED, "cloud", "Switched to the storage that came with my new laptop."),
            new Words(SWITCHED, "fitness", "Joined a real gym around the corner, that's all."),
            new Words(SWITCHED, "news", "I get my news from the local paper's app now, it comes with the print edition."),
            new Words(UNUSED, "news", "Honestly I stopped reading after the first few weeks. My fault, not yours."),
            new Words(UNUSED, ANY, "Forgot I even had this until I saw it on my credit card statement."),
            new Words(UNUSED, "fitness", "Used it for three weeks in January. You know how it goes."),
            new Words(UNUSED, "streaming", "Nothing new I wanted to watch since spring. Might be back for the next season."),
            new Words(UNUSED, ANY, "We had a baby this year, there's no time for anything. Maybe later."),
            new Words(SERVICE, ANY, "I called the support hotline three times about a double charge and waited 40 minutes each time."),
            new Words(SERVICE, ANY, "Asked a simple question by email and got a copy-paste answer to a different question."),
            new Words(SERVICE, ANY, "The chat bot kept sending me in circles. I just wanted to talk to a person."),
            new Words(COMPLEX, "streaming", "Way too many settings. I never found where to switch the subtitles to English."),
            new Words(COMPLEX, "cloud", "The desktop sync kept asking me to resolve conflicts I didn't understand."),
            new Words(COMPLEX, ANY, "My mother couldn't get the login to work on her tablet and I live too far away to help."),
            new Words(QUALITY, "fitness", "The app crashes every time I start a workout on my Android phone. Reinstalled it twice."),
            new Words(QUALITY, "streaming", "The picture goes blurry every evening around 8, on a 100 Mbit line."),
            new Words(QUALITY, "news", "So many typos and clickbait headlines lately. It used to be better."),
            new Words(QUALITY, "cloud", "Lost a folder of photos after a sync. Got them back, but I don't trust it anymore."),
            new Words(OTHER, ANY, "Moving abroad and the service isn't available there."),
            new Words(OTHER, ANY, "I only needed it for one project."),
            new Words(ANY, ANY, "Just tidying up my subscriptions, nothing wrong with the service."),
            new Words(ANY, ANY, "It was ok. Just not for me anymore."));

    private static final List<Words> COMMENTS_DE = List.of(
            new Words(EXPENSIVE, "basic", "9,99 im Monat für das Basis-Abo ist mir inzwischen einfach zu viel."),
            new Words(EXPENSIVE, "streaming", "Schon wieder eine Preiserhöhung. Die Serien sind gut, aber so gut auch nicht."),
            new Words(EXPENSIVE, ANY, "Alles wird teurer, irgendwo muss ich sparen. Das hier war am leichtesten zu kündigen."),
            new Words(EXPENSIVE, ANY, "Für das, was ich genutzt habe, zu teuer. Ein kleineres Paket hätte mich gehalten."),
            new Words(EXPENSIVE, "fitness", "19,90 € im Monat für eine App? Mein Sportverein kostet weniger."),
            new Words(EXPENSIVE, "news", "12 Dollar im Monat für Nachrichten, die ich woanders umsonst lese, das passt nicht."),
            new Words(EXPENSIVE, "usd", "Abgerechnet in Dollar, dazu jedes Mal Auslandseinsatzgebühr bei meiner Bank. Nein danke."),
            new Words(EXPENSIVE, ANY, "bin student und es gibt keinen studentenrabatt, schade"),
            new Words(EXPENSIVE, "premium", "Fast 120 Euro im Jahr für Premium, das ist für uns als Familie zu viel."),
            new Words(FEATURES, "streaming", "Kein Offline-Modus. Ich pendle jeden Tag mit dem Zug, da habe ich kaum Netz."),
            new Words(FEATURES, "streaming", "Es fehlt ein Familienkonto. Die Kinder bringen ständig meine Empfehlungen durcheinander."),
            new Words(FEATURES, "cloud", "Man kann keinen Ordner mit der Familie teilen, ohne gleich das Passwort herauszugeben."),
            new Words(FEATURES, "fitness", "Kaum Kurse auf Deutsch, nur mit Untertiteln. Beim Training liest man keine Untertitel."),
            new Words(FEATURES, "news", "Mir fehlt eine Merkliste und eine Vorlesefunktion für unterwegs."),
            new Words(FEATURES, ANY, "Es gibt keinen Export meiner Daten. Das hätte ich erwartet."),
            new Words(SWITCHED, "streaming", "Bin zur Konkurrenz gewechselt, die zeigen die Bundesliga."),
            new Words(SWITCHED, ANY, "Mein Mann hat schon ein ähnliches Abo, zwei brauchen wir nicht."),
            new Words(SWITCHED, "cloud", "Ich nutze jetzt den Speicher, der bei meinem Mailanbieter dabei ist."),
            new Words(SWITCHED, "fitness", "Gehe wieder ins Studio um die Ecke, da ist wenigstens jemand, der einen antreibt."),
            new Words(SWITCHED, "news", "Lese jetzt die Regionalzeitung, da ist das Digitalabo beim Print dabei."),
            new Words(UNUSED, "news", "Ehrlich gesagt habe ich nach ein paar Wochen kaum noch reingeschaut."),
            new Words(UNUSED, ANY, "Hatte vergessen, dass ich das überhaupt noch habe. Ist mir auf der Kreditkartenabrechnung aufgefallen."),
            new Words(UNUSED, "fitness", "Im Januar motiviert, im Februar nicht mehr. Liegt an mir, nicht an euch."),
            new Words(UNUSED, "streaming", "Zur Zeit läuft nichts, was mich interessiert. Vielleicht zur nächsten Staffel wieder."),
            new Words(UNUSED, ANY, "Wir haben ein Baby bekommen, für so etwas bleibt gerade keine Zeit."),
            new Words(SERVICE, ANY, "Dreimal bei der Hotline angerufen wegen einer doppelten Abbuchung, jedes Mal über 30 Minuten Warteschleife."),
            new Words(SERVICE, ANY, "Meine E-Mail an den Support wurde nach zwei Wochen mit einem Textbaustein beantwortet, der gar nicht passte."),
            new Words(SERVICE, ANY, "Der Chatbot versteht einen nicht, und einen Menschen erreicht man nicht."),
            new Words(COMPLEX, "streaming", "Viel zu viele Einstellungen. Ich habe nie gefunden, wo man die Untertitel umstellt."),
            new Words(COMPLEX, "cloud", "Die Synchronisation fragt ständig nach Konflikten, die ich nicht verstehe."),
            new Words(COMPLEX, ANY, "Meine Mutter kommt mit der Anmeldung auf dem Tablet nicht zurecht, und ich wohne zu weit weg, um zu helfen."),
            new Words(QUALITY, "fitness", "Die App stürzt auf meinem Handy bei jedem zweiten Training ab."),
            new Words(QUALITY, "streaming", "Abends ab acht wird das Bild matschig, obwohl die Leitung schnell genug ist."),
            new Words(QUALITY, "news", "Zu viele Tippfehler und reißerische Überschriften in letzter Zeit."),
            new Words(QUALITY, "cloud", "Nach einem Update waren Fotos weg. Sie kamen zwar wieder, aber das Vertrauen nicht."),
            new Words(OTHER, ANY, "Ich ziehe ins Ausland, dort gibt es den Dienst nicht."),
            new Words(OTHER, ANY, "Habe es nur für ein Projekt gebraucht."),
            new Words(ANY, ANY, "Ich räume einfach meine Abos auf, am Dienst liegt es nicht."),
            new Words(ANY, ANY, "War ok, passt nur gerade nicht mehr."));

    private static final List<Words> FAIR_OUTCOMES_EN = List.of(
            new Words(EXPENSIVE, ANY, "A loyalty discount after two years would have kept me."),
            new Words(EXPENSIVE, "streaming", "Keep the old price for existing customers, at least for a year."),
            new Words(EXPENSIVE, ANY, "A student price. Even 30% off would have done it."),
            new Words(FEATURES, "streaming", "Offline downloads, even if only for some titles."),
            new Words(FEATURES, ANY, "A family plan for up to four people at a fair price."),
            new Words(ANY, ANY, "Let me pause the subscription for a few months instead of cancelling."),
            new Words(QUALITY, "fitness", "Fix the crashes on Android and give me a free month for the trouble."),
            new Words(SERVICE, ANY, "A call back instead of 40 minutes on hold."),
            new Words(SERVICE, ANY, "Refund the double charge without me having to ask three times."),
            new Words(EXPENSIVE, "news", "A cheaper weekend-only plan."),
            new Words(EXPENSIVE, ANY, "Tell me before the price goes up, not after the charge."),
            new Words(ANY, ANY, "Honestly nothing, it's fine. I just don't need it anymore."),
            new Words(FEATURES, "cloud", "Shared folders that work without sharing passwords."),
            new Words(ANY, "yearly", "A monthly option instead of paying the whole year up front."),
            new Words(ANY, ANY, "This cancellation page was quick, thanks for not making it a hassle."),
            new Words(UNUSED, "news", "Let me buy single articles instead of a full subscription."),
            new Words(UNUSED, ANY, "Send me a reminder when I haven't used it for a month. I'd have cancelled earlier."),
            new Words(EXPENSIVE, ANY, "A smaller plan without the extras I never used."));

    private static final List<Words> FAIR_OUTCOMES_DE = List.of(
            new Words(EXPENSIVE, ANY, "Ein Treuerabatt nach zwei Jahren hätte mich gehalten."),
            new Words(EXPENSIVE, "streaming", "Für Bestandskunden noch ein Jahr lang den alten Preis."),
            new Words(EXPENSIVE, ANY, "Ein Studententarif, auch 30 % weniger hätten schon gereicht."),
            new Words(FEATURES, "streaming", "Downloads zum Offline-Schauen, wenigstens für einen Teil der Filme."),
            new Words(FEATURES, ANY, "Ein Familientarif für bis zu vier Personen."),
            new Words(ANY, ANY, "Die Möglichkeit, das Abo ein paar Monate zu pausieren."),
            new Words(QUALITY, "fitness", "Die Abstürze beheben und mir einen Monat gutschreiben."),
            new Words(SERVICE, ANY, "Ein Rückruf statt einer halben Stunde in der Warteschleife."),
            new Words(SERVICE, ANY, "Die doppelte Abbuchung ohne dreimaliges Nachfragen erstatten."),
            new Words(EXPENSIVE, "news", "Ein günstiges Wochenend-Abo."),
            new Words(EXPENSIVE, ANY, "Vorher Bescheid geben, wenn der Preis steigt, nicht erst mit der Abbuchung."),
            new Words(ANY, ANY, "Eigentlich nichts, alles in Ordnung. Ich brauche es nur nicht mehr."),
            new Words(FEATURES, "cloud", "Geteilte Ordner, ohne dass man Passwörter weitergeben muss."),
            new Words(ANY, "yearly", "Monatlich zahlen können statt gleich das ganze Jahr im Voraus."),
            new Words(ANY, ANY, "Die Kündigung ging schnell und ohne Tricks, danke dafür."),
            new Words(UNUSED, "news", "Einzelne Artikel kaufen können statt gleich ein Abo."),
            new Words(UNUSED, ANY, "Eine Erinnerung, wenn ich es einen Monat lang nicht genutzt habe."),
            new Words(EXPENSIVE, "usd", "Abrechnung in Euro, ohne Auslandsgebühr."),
            new Words(EXPENSIVE, ANY, "Ein kleineres Paket ohne die Extras, die ich nie genutzt habe."));

    /** All history rows at hand in every statement; ?1 is the JSON array of FormerCustomer rows. */
    private static final String HISTORY = "WITH h AS (SELECT * FROM json_to_recordset(CAST(?1 AS json)) AS r("
            + "n INT, email TEXT, name TEXT, locale TEXT, zone TEXT, plan_code TEXT, started_at TIMESTAMPTZ,"
            + " status TEXT, period_start TIMESTAMPTZ, period_end TIMESTAMPTZ, reference TEXT,"
            + " requested_at TIMESTAMPTZ, effective_at TIMESTAMPTZ, mode TEXT, refund NUMERIC, channel TEXT,"
            + " journey_started_at TIMESTAMPTZ, undone_at TIMESTAMPTZ, due_at TIMESTAMPTZ, sent_at TIMESTAMPTZ,"
            + " expires_at TIMESTAMPTZ, responded_at TIMESTAMPTZ, reminded_at TIMESTAMPTZ, anonymous BOOLEAN,"
            + " reason TEXT, comment TEXT, fair_outcome TEXT, contact_consent BOOLEAN, reviewed_at TIMESTAMPTZ,"
            + " reviewed_by TEXT)) ";

    static final String SUBSCRIBERS = HISTORY
            + "INSERT INTO subscriber (email, name, locale, time_zone, created_at)"
            + " SELECT email, name, locale, zone, started_at FROM h ORDER BY n";

    static final String SUBSCRIPTIONS = HISTORY
            + "INSERT INTO subscription (subscriber_id, plan_id, status, started_at, current_period_start,"
            + " current_period_end)"
            + " SELECT s.id, p.id, h.status, h.started_at, h.period_start, h.period_end"
            + " FROM h JOIN subscriber s ON lower(s.email) = h.email JOIN plan p ON p.code = h.plan_code AND p.operator_id IS NULL ORDER BY h.n";

    // In order of time, so that ids grow with it as they would have. (The demo plans are shared ones: an operator's
    // own plan may have the same code.)
    static final String CANCELLATIONS = HISTORY
            + "INSERT INTO cancellation (reference, subscription_id, requested_at, effective_at, mode, refund_amount,"
            + " refund_currency, channel, actor, undone_at, undone_by, journey_started_at)"
            + " SELECT h.reference, su.id, h.requested_at, h.effective_at, h.mode, h.refund, p.currency, h.channel,"
            + " h.email, h.undone_at, CASE WHEN h.undone_at IS NOT NULL THEN h.email END, h.journey_started_at"
            + " FROM h JOIN subscriber s ON lower(s.email) = h.email JOIN subscription su ON su.subscriber_id = s.id"
            + " JOIN plan p ON p.id = su.plan_id ORDER BY h.requested_at";

    // Without link hashes: the links of invented invitations need not work.
    static final String INVITATIONS = HISTORY
            + "INSERT INTO survey_invitation (event_id, cancellation_id, subscriber_id, status, due_at, sent_at,"
            + " expires_at, responded_at, reminder_sent_at)"
            + " SELECT gen_random_uuid(), c.id, su.subscriber_id, 'SENT', h.due_at, h.sent_at, h.expires_at,"
            + " CASE WHEN h.anonymous AND h.responded_at IS NOT NULL THEN h.sent_at ELSE h.responded_at END,"
            + " h.reminded_at"
            + " FROM h JOIN cancellation c ON c.reference = h.reference"
            + " JOIN subscription su ON su.id = c.subscription_id"
            + " WHERE h.sent_at IS NOT NULL ORDER BY h.sent_at";

    // The snapshot is taken from the rows themselves, as the survey page does, with the schema's own tenure bands.
    static final String ANSWERS = HISTORY
            + "INSERT INTO survey_response (subscriber_id, cancellation_id, anonymous, reason_code, comment,"
            + " fair_outcome, contact_consent, plan_code, billing_period, tenure_band, channel, locale,"
            + " cancelled_month, submitted_at, updated_at, reviewed, reviewed_at, reviewed_by)"
            + " SELECT CASE WHEN h.anonymous THEN NULL ELSE s.id END, CASE WHEN h.anonymous THEN NULL ELSE c.id END,"
            + " h.anonymous, h.reason, h.comment, h.fair_outcome, h.contact_consent AND NOT h.anonymous, p.code,"
            + " p.billing_period, tenure_band(su.started_at, c.requested_at), c.channel, s.locale,"
            + " to_char(c.requested_at AT TIME ZONE 'UTC', 'YYYY-MM'),"
            + " CASE WHEN h.anonymous THEN date_trunc('day', h.responded_at, 'UTC') ELSE h.responded_at END,"
            + " CASE WHEN h.anonymous THEN date_trunc('day', h.responded_at, 'UTC') ELSE h.responded_at END,"
            + " h.reviewed_at IS NOT NULL, h.reviewed_at, h.reviewed_by"
            + " FROM h JOIN cancellation c ON c.reference = h.reference"
            + " JOIN subscription su ON su.id = c.subscription_id"
            + " JOIN plan p ON p.id = su.plan_id JOIN subscriber s ON s.id = su.subscriber_id"
            + " WHERE h.responded_at IS NOT NULL ORDER BY h.responded_at";

    @PersistenceContext
    EntityManager em;

    @Inject
    DemoSettings settings;

    @Inject
    Clock clock;

    @Transactional
    void load(@Observes @Priority(AFTER_DEMO_DATA) SchemaReady ready) {
        if (!settings.history() || alreadyLoaded()) {
            return;
        }
        Map<String, Plan> plans = demoPlans();
        if (plans.size() < PLANS.size()) {
            LOG.warning("No demo history: it needs the demo plans, which cancelportal.demo-data=true creates");
            return;
        }
        long started = System.nanoTime();
        List<FormerCustomer> history = new Invention(clock.instant(), plans).formerCustomers();
        String rows = json(history);
        write(SUBSCRIBERS, rows);
        write(SUBSCRIPTIONS, rows);
        int cancellations = write(CANCELLATIONS, rows);
        write(INVITATIONS, rows);
        int answers = write(ANSWERS, rows);
        long undone = history.stream().filter(row -> row.cancellation().undoneAt() != null).count();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Demo history: added " + cancellations + " past cancellations (" + undone + " undone) and "
                + answers + " survey answers in " + millis + " ms");
    }

    /** The history's subscribers are its mark: a restart finds them and adds nothing. */
    private boolean alreadyLoaded() {
        return !em.createNativeQuery("SELECT 1 FROM subscriber WHERE email LIKE 'history-%@example.com' LIMIT 1")
                .getResultList().isEmpty();
    }

    private Map<String, Plan> demoPlans() {
        Map<String, Plan> plans = new HashMap<>();
        em.createQuery("select p from Plan p where p.operatorId is null and p.code in :codes", Plan.class)
                .setParameter("codes", PLANS.stream().map(PlanProfile::code).toList())
                .getResultList()
                .forEach(plan -> plans.put(plan.getCode(), plan));
        return plans;
    }

    private int write(String sql, String rows) {
        return NativeSql.query(em, sql, rows).executeUpdate();
    }

    private static String json(List<FormerCustomer> history) {
        StringBuilder out = new StringBuilder(history.size() * 700).append('[');
        for (FormerCustomer row : history) {
            if (out.length() > 1) {
                out.append(',');
            }
            row.appendJson(out);
        }
        return out.append(']').toString();
    }

    /** Invents the whole history from one fixed seed, so every start draws the same year, relative to now. */
    private static final class Invention {

        private final Random seeds = new Random(SEED);
        private Random random;
        private final Instant now;
        private final Map<String, Plan> plans;
        /** Index: days ago; value: the weight of that day and all later ones. */
        private final double[] cumulativeDayWeight = new double[DAYS];

        Invention(Instant now, Map<String, Plan> plans) {
            this.now = now;
            this.plans = plans;
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            double sum = 0;
            for (int daysAgo = 0; daysAgo < DAYS; daysAgo++) {
                sum += dayWeight(daysAgo, today.minusDays(daysAgo));
                cumulativeDayWeight[daysAgo] = sum;
            }
        }

        List<FormerCustomer> formerCustomers() {
            List<FormerCustomer> history = new ArrayList<>(FORMER_CUSTOMERS);
            for (int n = 1; n <= FORMER_CUSTOMERS; n++) {
                // A source of its own for each person: what happens to one never shifts the draws of the next, so
                // the totals stay much the same whatever day the server starts on.
                random = new Random(seeds.nextLong());
                history.add(formerCustomer(n));
            }
            return history;
        }

        private FormerCustomer formerCustomer(int n) {
            String locale = random.nextDouble() < GERMAN_SHARE ? "de" : "en";
            ZoneId zone = locale.equals("de") || random.nextDouble() < ENGLISH_IN_BERLIN_SHARE ? BERLIN : NEW_YORK;
            PlanProfile profile = profile(zone);
            Plan plan = plans.get(profile.code());
            Instant requested = requestedAt(zone, daysAgo(n));
            int tenureDays = tenureDays();
            ZonedDateTime start = LocalDate.ofInstant(requested, zone).minusDays(tenureDays).atStartOfDay(zone);
            Cancelled cancellation = cancellation(plan, start, requested, tenureDays);
            Invitation invitation = cancellation.undoneAt() == null ? invitation(requested) : null;
            Answer answer = invitation != null && invitation.respondedAt() != null
                    ? answer(profile, locale, requested, invitation.respondedAt()) : null;
            return new FormerCustomer(n, locale, zone, plan, start, state(plan, start, cancellation), cancellation,
                    invitation, answer);
        }

        /** People mostly buy the plans priced in the currency of where they live. */
        private PlanProfile profile(ZoneId zone) {
            String homeCurrency = zone.equals(BERLIN) ? "EUR" : "USD";
            double[] weights = PLANS.stream().mapToDouble(profile -> profile.share()
                    * (currency(plans.get(profile.code())).equals(homeCurrency) ? 2.0 : 1.0)).toArray();
            return PLANS.get(weighted(weights));
        }

        /**
         * One cancellation in each equal slice of the year's weight, at a random point of its slice: with so few of
         * them, independent draws would drown the trend in noise. Customer numbers grow with time.
         */
        private int daysAgo(int n) {
            double slice = cumulativeDayWeight[DAYS - 1] / FORMER_CUSTOMERS;
            double target = (FORMER_CUSTOMERS - n + random.nextDouble()) * slice;
            int daysAgo = 0;
            while (daysAgo < DAYS - 1 && cumulativeDayWeight[daysAgo] < target) {
                daysAgo++;
            }
            return daysAgo;
        }

        private Instant requestedAt(ZoneId zone, int daysAgo) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalTime time = LocalTime.of(weighted(HOUR_WEIGHTS), random.nextInt(60), random.nextInt(60));
            Instant requested = today.minusDays(daysAgo).atTime(time).atZone(zone).toInstant();
            // A time later today has not happened yet: that person cancelled at that time yesterday.
            return requested.isBefore(now) ? requested : requested.minus(Duration.ofDays(1));
        }

        private int tenureDays() {
            double[] shares = TENURE_BANDS.stream().mapToDouble(TenureBand::share).toArray();
            TenureBand band = TENURE_BANDS.get(weighted(shares));
            return band.minDays() + random.nextInt(band.maxDays() - band.minDays() + 1);
        }

        private Cancelled cancellation(Plan plan, ZonedDateTime start, Instant requested, int tenureDays) {
            String channel = CHANNELS.get(weighted(CHANNEL_WEIGHTS));
            // Cancelling at once (with the refund the default policy gives) mostly happens soon after signing up.
            double immediateShare = tenureDays < 31 ? 0.25 : 0.05;
            CancellationMode mode = random.nextDouble() < immediateShare
                    ? CancellationMode.IMMEDIATE : CancellationMode.END_OF_PERIOD;
            int period = periodAt(start, plan.getBillingPeriod(), requested);
            ZonedDateTime periodStart = periodStart(start, plan.getBillingPeriod(), period);
            ZonedDateTime periodEnd = periodStart(start, plan.getBillingPeriod(), period + 1);
            Instant effective = mode == CancellationMode.IMMEDIATE ? requested : periodEnd.toInstant();
            BigDecimal refund = mode == CancellationMode.IMMEDIATE
                    ? proratedRefund(plan, periodStart, periodEnd, requested)
                    : Money.zero(plan.getPrice().currency()).amount();
            Instant journeyStarted = channel.equals("WEB") ? requested.minusSeconds(journeySeconds()) : null;
            Instant undone = mode == CancellationMode.END_OF_PERIOD ? undoneAt(requested, effective) : null;
            return new Cancelled(requested, effective, mode.name(), refund, channel, journeyStarted, undone,
                    periodStart.toInstant(), periodEnd.toInstant());
        }

        /** As CancellationPolicy's default (PRORATED) counts: unused calendar days, the day of cancelling included. */
        private static BigDecimal proratedRefund(Plan plan, ZonedDateTime periodStart, ZonedDateTime periodEnd,
                                                 Instant requested) {
            LocalDate today = LocalDate.ofInstant(requested, periodStart.getZone());
            long periodDays = ChronoUnit.DAYS.between(periodStart.toLocalDate(), periodEnd.toLocalDate());
            long daysLeft = ChronoUnit.DAYS.between(today, periodEnd.toLocalDate());
            long unusedDays = Math.max(0, Math.min(periodDays, daysLeft));
            return plan.getPrice().fraction(unusedDays, periodDays).amount();
        }

        /** Most people are through in a minute; some read the terms first; a few leave the tab open for hours. */
        private long journeySeconds() {
            double draw = random.nextDouble();
            if (draw < 0.72) {
                return 10 + random.nextInt(81);
            } else if (draw < 0.90) {
                return 90 + random.nextInt(8 * 60);
            } else if (draw < 0.97) {
                return 10 * 60 + random.nextInt(50 * 60);
            }
            return 65 * 60 + random.nextInt(4 * 60 * 60);
        }

        /** Undo is only possible before the cancellation takes effect, and must lie in the past. */
        private Instant undoneAt(Instant requested, Instant effective) {
            if (random.nextDouble() >= UNDONE_SHARE) {
                return null;
            }
            Instant undone = requested.plus(Duration.ofMinutes(20 * 60 + random.nextInt(32 * 60)));
            return undone.isBefore(effective) && undone.isBefore(now) ? undone : null;
        }

        /**
         * What the subscription looks like today. An undone cancellation leaves it running, renewed up to now;
         * otherwise it is scheduled to end only while the end is still ahead, so the completion job has nothing to
         * catch up on at start-up.
         */
        private SubscriptionState state(Plan plan, ZonedDateTime start, Cancelled cancellation) {
            if (cancellation.undoneAt() != null) {
                int current = periodAt(start, plan.getBillingPeriod(), now);
                return new SubscriptionState("ACTIVE", periodStart(start, plan.getBillingPeriod(), current).toInstant(),
                        periodStart(start, plan.getBillingPeriod(), current + 1).toInstant());
            }
            String status = cancellation.effectiveAt().isAfter(now) ? "CANCELLATION_SCHEDULED" : "CANCELLED";
            return new SubscriptionState(status, cancellation.periodStart(), cancellation.periodEnd());
        }

        private Invitation invitation(Instant requested) {
            if (random.nextDouble() >= INVITED_SHARE) {
                return null;
            }
            Instant due = requested.plus(INVITATION_DELAY);
            Instant sent = due.plusSeconds(5 + random.nextInt(115));
            if (sent.isAfter(now)) {
                return null; // a SCHEDULED one would be sent for real, by the survey's dispatcher
            }
            Instant responded = null;
            if (random.nextDouble() < RESPONDED_SHARE) {
                Instant at = sent.plus(responseDelay());
                responded = at.isBefore(now) ? at : null;
            }
            return new Invitation(due, sent, sent.plus(LINK_VALIDITY), responded, remindedAt(sent, responded));
        }

        /**
         * As a reminder after three days would have been, and at the latest now: a server configured to remind must
         * never mail an invented person (the integration tests' server reminds after seconds).
         */
        private Instant remindedAt(Instant sent, Instant responded) {
            Instant due = sent.plus(REMINDER_AFTER);
            if (responded != null && responded.isBefore(due)) {
                return null;
            }
            return due.isBefore(now) ? due : now;
        }

        /** Most answer from the email the same day or the next; some only after a few days. */
        private Duration responseDelay() {
            double draw = random.nextDouble();
            if (draw < 0.45) {
                return Duration.ofMinutes(10 + random.nextInt(12 * 60));
            } else if (draw < 0.85) {
                return Duration.ofMinutes(12 * 60 + random.nextInt(3 * 24 * 60));
            }
            return Duration.ofMinutes(4 * 24 * 60 + random.nextInt(8 * 24 * 60));
        }

        private Answer answer(PlanProfile profile, String locale, Instant requested, Instant responded) {
            boolean anonymous = random.nextDouble() < ANONYMOUS_SHARE;
            String reason = random.nextDouble() < NO_REASON_SHARE ? null : reason(profile, requested);
            boolean german = locale.equals("de");
            String comment = random.nextDouble() < COMMENT_SHARE
                    ? words(german ? COMMENTS_DE : COMMENTS_EN, reason, profile.code()) : null;
            String fairOutcome = random.nextDouble() < FAIR_OUTCOME_SHARE
                    ? words(german ? FAIR_OUTCOMES_DE : FAIR_OUTCOMES_EN, reason, profile.code()) : null;
            boolean contactConsent = !anonymous && random.nextDouble() < CONTACT_SHARE;
            return new Answer(anonymous, reason, comment, fairOutcome, contactConsent, reviewedAt(responded));
        }

        /** Since the price rise, "too expensive" is given two to three times as often as before. */
        private String reason(PlanProfile profile, Instant requested) {
            double[] weights = Arrays.stream(profile.reasonWeights()).asDoubleStream().toArray();
            long daysAgo = Duration.between(requested, now).toDays();
            if (daysAgo < PRICE_RISE_DAYS_AGO) {
                double sinceRise = (PRICE_RISE_DAYS_AGO - daysAgo) / (double) PRICE_RISE_DAYS_AGO;
                weights[REASONS.indexOf(EXPENSIVE)] *= 2.0 + sinceRise;
            }
            return REASONS.get(weighted(weights));
        }

        /** What someone leaving this plan might write: mostly about their reason, sometimes about something else. */
        private String words(List<Words> texts, String reason, String planCode) {
            double[] weights = texts.stream().mapToDouble(words -> words.weight(reason, planCode)).toArray();
            return texts.get(weighted(weights)).text();
        }

        /** A product person has gone through a few answers. */
        private Instant reviewedAt(Instant responded) {
            if (random.nextDouble() >= REVIEWED_SHARE) {
                return null;
            }
            Instant at = responded.plus(Duration.ofHours(2 + random.nextInt(70)));
            return at.isBefore(now) ? at : null;
        }

        private int weighted(double[] weights) {
            double draw = random.nextDouble() * Arrays.stream(weights).sum();
            int last = 0;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    last = i;
                    draw -= weights[i];
                    if (draw < 0) {
                        return i;
                    }
                }
            }
            return last; // only reached through rounding
        }
    }

    /** A little more cancelling every month, and a bump around mid-January. */
    private static double dayWeight(int daysAgo, LocalDate day) {
        double trend = 1 + 0.5 * (DAYS - daysAgo) / DAYS;
        int fromPeak = Math.abs(day.getDayOfYear() - SEASON_PEAK_DAY_OF_YEAR);
        fromPeak = Math.min(fromPeak, 365 - fromPeak);
        double season = 1 + 0.9 * Math.exp(-0.5 * Math.pow(fromPeak / 20.0, 2));
        return trend * season;
    }

    /** Index of the billing period that contains the instant, counted from the start of the subscription. */
    private static int periodAt(ZonedDateTime start, BillingPeriod billing, Instant at) {
        int period = 0;
        while (!periodStart(start, billing, period + 1).toInstant().isAfter(at)) {
            period++;
        }
        return period;
    }

    /** Counted from the first start, so that a start on the 31st does not drift to the 28th after February. */
    private static ZonedDateTime periodStart(ZonedDateTime start, BillingPeriod billing, int period) {
        return billing == BillingPeriod.MONTHLY ? start.plusMonths(period) : start.plusYears(period);
    }

    private static String currency(Plan plan) {
        return plan.getPrice().currency().getCurrencyCode();
    }

    private record TenureBand(double share, int minDays, int maxDays) {
    }

    private record PlanProfile(String code, double share, int... reasonWeights) {
    }

    /** A text in one language; reason and plan (a part of the plan code) say whom it fits, null meaning anyone. */
    private record Words(String reason, String plan, String text) {

        double weight(String chosenReason, String planCode) {
            if (plan != null && !planCode.contains(plan)) {
                return 0;
            } else if (reason == null || chosenReason == null) {
                return 1;
            }
            return reason.equals(chosenReason) ? 8 : 0;
        }
    }

    private record SubscriptionState(String status, Instant periodStart, Instant periodEnd) {
    }

    private record Cancelled(Instant requestedAt, Instant effectiveAt, String mode, BigDecimal refund, String channel,
                             Instant journeyStartedAt, Instant undoneAt, Instant periodStart, Instant periodEnd) {
    }

    private record Invitation(Instant dueAt, Instant sentAt, Instant expiresAt, Instant respondedAt,
                              Instant remindedAt) {
    }

    private record Answer(boolean anonymous, String reason, String comment, String fairOutcome,
                          boolean contactConsent, Instant reviewedAt) {
    }

    /** One invented former customer and what happened around their cancellation; null parts did not happen. */
    private record FormerCustomer(int n, String locale, ZoneId zone, Plan plan, ZonedDateTime start,
                                  SubscriptionState subscription, Cancelled cancellation, Invitation invitation,
                                  Answer answer) {

        String email() {
            return "history-" + n + "@example.com";
        }

        void appendJson(StringBuilder out) {
            JsonObject row = new JsonObject(out)
                    .put("n", n)
                    .put("email", email())
                    .put("name", "Former customer " + n)
                    .put("locale", locale)
                    .put("zone", zone.getId())
                    .put("plan_code", plan.getCode())
                    .put("started_at", start.toInstant())
                    .put("status", subscription.status())
                    .put("period_start", subscription.periodStart())
                    .put("period_end", subscription.periodEnd())
                    .put("reference", String.format("CX-HIST-%04d", n))
                    .put("requested_at", cancellation.requestedAt())
                    .put("effective_at", cancellation.effectiveAt())
                    .put("mode", cancellation.mode())
                    .put("refund", cancellation.refund())
                    .put("channel", cancellation.channel())
                    .put("journey_started_at", cancellation.journeyStartedAt())
                    .put("undone_at", cancellation.undoneAt());
            if (invitation != null) {
                row.put("due_at", invitation.dueAt())
                        .put("sent_at", invitation.sentAt())
                        .put("expires_at", invitation.expiresAt())
                        .put("responded_at", invitation.respondedAt())
                        .put("reminded_at", invitation.remindedAt());
            }
            if (answer != null) {
                row.put("anonymous", answer.anonymous())
                        .put("reason", answer.reason())
                        .put("comment", answer.comment())
                        .put("fair_outcome", answer.fairOutcome())
                        .put("contact_consent", answer.contactConsent())
                        .put("reviewed_at", answer.reviewedAt())
                        .put("reviewed_by", answer.reviewedAt() == null ? null : REVIEWER);
            }
            row.end();
        }
    }

    /** Just enough JSON for json_to_recordset: a missing key reads as NULL there. */
    private static final class JsonObject {

        private final StringBuilder out;
        private boolean first = true;

        JsonObject(StringBuilder out) {
            this.out = out.append('{');
        }

        JsonObject put(String name, Object value) {
            if (value == null) {
                return this;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(name);
            out.append(':');
            if (value instanceof Number || value instanceof Boolean) {
                out.append(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
            } else {
                quote(value.toString());
            }
            return this;
        }

        void end() {
            out.append('}');
        }

        private void quote(String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
