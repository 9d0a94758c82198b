package org.cancelportal.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.cancelportal.cancellation.control.CancellationPolicy;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.identity.control.PasswordHashes;
import org.cancelportal.identity.entity.UserAccount;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.Operators;
import org.cancelportal.schema.control.SchemaReady;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/**
 * Fills an empty database with a few subscribers to try the portal with, dated relative to today, and prints their
 * logins. Only when cancelportal.demo-data=true (the run command and the tests set it; production never should).
 */
@ApplicationScoped
public class DemoData {

    public static final String PASSWORD = "demo1234";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DemoSettings settings;

    @Inject
    ReferenceGenerator references;

    @Inject
    CancellationPolicy policy;

    @Inject
    Clock clock;

    /** The demo operator's API key; only its hash is stored. */
    static final String OPERATOR_KEY = "demo-operator-key";

    @Inject
    Operators operators;

    private final List<String> logins = new ArrayList<>();

    @Transactional
    void load(@Observes SchemaReady ready) {
        if (!settings.isOn()) {
            return;
        }
        boolean empty = em.createQuery("select count(s) from Subscriber s", Long.class).getSingleResult() == 0;
        if (empty) {
            create();
        } else {
            logins.addAll(em.createQuery("select u.username from UserAccount u order by u.username", String.class)
                    .getResultList());
        }
        LOG.info(() -> "Demo logins (password " + PASSWORD + " for each): " + String.join(", ", logins)
                + ". Operator API key of the Demo Shop: " + OPERATOR_KEY);
    }

    private void create() {
        Plan streamingBasic = plan("streaming-basic-monthly-eur", "Streaming Basic", "9.99", "EUR", BillingPeriod.MONTHLY);
        Plan streamingPremium = plan("streaming-premium-yearly-eur", "Streaming Premium", "119.00", "EUR", BillingPeriod.YEARLY);
        Plan fitness = plan("fitness-online-monthly-eur", "Fitness Online", "19.90", "EUR", BillingPeriod.MONTHLY);
        Plan news = plan("daily-news-monthly-usd", "Daily News Digital", "12.00", "USD", BillingPeriod.MONTHLY);
        Plan cloud = plan("cloud-1tb-yearly-usd", "Cloud Storage 1 TB", "99.00", "USD", BillingPeriod.YEARLY);
        // The EU right of withdrawal: the euro plans take the portal's default period (14 days), the US plans have none
        news.setWithdrawalDays(0);
        cloud.setWithdrawalDays(0);

        Subscriber anna = subscriber("anna@example.com", "Anna Schmidt", Locale.GERMAN, "Europe/Berlin");
        active(anna, streamingBasic, 10);
        trial(anna, fitness, 5, 9);
        // a German subscriber whose trial ends within the reminder window: her reminder comes in German
        anna.placeIn("DE");

        Subscriber ben = subscriber("ben@example.com", "Ben Carter", Locale.ENGLISH, "America/New_York");
        active(ben, news, 20);
        // a yearly plan that renews in 20 days, for a subscriber in the US: the renewal reminder's window is open
        active(ben, cloud, 345);
        ben.placeIn("US");

        Subscriber chloe = subscriber("chloe@example.com", "Chloé Martin", Locale.ENGLISH, "Europe/Paris");
        Subscription chloePremium = active(chloe, streamingPremium, 150);
        cancelled(chloePremium, CancellationMode.END_OF_PERIOD, 3);
        active(chloe, streamingBasic, 3);

        Subscriber david = subscriber("david@example.com", "David Okafor", Locale.ENGLISH, "Europe/London");
        Subscription davidNews = active(david, news, 25);
        cancelled(davidNews, CancellationMode.IMMEDIATE, 12);
        active(david, cloud, 40);

        Subscriber eva = subscriber("eva@example.com", "Eva Müller", Locale.GERMAN, "Europe/Vienna");
        Subscription evaPremium = active(eva, streamingPremium, 5);
        // she asked for the service to start at once, so a withdrawal keeps back the days she used
        evaPremium.setServiceStartRequested(true);
        // Eva came through the demo operator's shop: its API knows her as cus_eva, her subscription as sub_eva
        OperatorAccount shop = operators.register("demo-shop", "Demo Shop",
                List.of("http://localhost:9080", "https://shop.example.com"), LinkSigner.hash(OPERATOR_KEY));
        operators.setContactEmail(shop.id(), "keys@shop.example.com"); // hears of every key rotation and revocation
        eva.belongToOperator(shop.id(), "cus_eva");
        evaPremium.belongToOperator(shop.id(), "sub_eva");

        staff("admin@example.com", "admin", "admin: /admin/deliveries");
        staff("product@example.com", "product", "product team: /survey/insights");
        staff("support@example.com", "support", "support");
        staff("operator@example.com", "operator", "operator");
    }

    private void staff(String email, String role, String note) {
        em.persist(new UserAccount(email, PasswordHash.OF_PASSWORD, null, Set.of(role)));
        logins.add(email + " (" + note + ")");
    }

    private Plan plan(String code, String name, String price, String currency, BillingPeriod period) {
        Plan plan = new Plan(code, name, Money.of(price, currency), period);
        em.persist(plan);
        return plan;
    }

    private Subscriber subscriber(String email, String name, Locale locale, String zone) {
        Subscriber subscriber = new Subscriber(email, name, locale, ZoneId.of(zone));
        em.persist(subscriber);
        em.flush();
        em.persist(new UserAccount(email, PasswordHash.OF_PASSWORD, subscriber.getId(),
                Set.of("subscriber")));
        logins.add(email);
        return subscriber;
    }

    /** Started {@code daysAgo} days ago at local midnight; the running period contains today. */
    private Subscription active(Subscriber subscriber, Plan plan, int daysAgo) {
        ZonedDateTime start = localMidnight(subscriber, -daysAgo);
        ZonedDateTime periodStart = start;
        ZonedDateTime periodEnd = next(periodStart, plan.getBillingPeriod());
        while (!periodEnd.toInstant().isAfter(clock.instant())) {
            periodStart = periodEnd;
            periodEnd = next(periodStart, plan.getBillingPeriod());
        }
        Subscription subscription = new Subscription(subscriber, plan, start.toInstant(), periodStart.toInstant(),
                periodEnd.toInstant());
        em.persist(subscription);
        return subscription;
    }

    private Subscription trial(Subscriber subscriber, Plan plan, int daysAgo, int daysLeft) {
        Subscription subscription = Subscription.trial(subscriber, plan, localMidnight(subscriber, -daysAgo).toInstant(),
                localMidnight(subscriber, daysLeft).toInstant());
        em.persist(subscription);
        return subscription;
    }

    private void cancelled(Subscription subscription, CancellationMode mode, int daysAgo) {
        Instant requested = clock.instant().minus(Duration.ofDays(daysAgo));
        Instant effective = mode == CancellationMode.IMMEDIATE ? requested : subscription.getCurrentPeriodEnd();
        Cancellation cancellation = new Cancellation(references.next(), subscription, requested, effective, mode,
                policy.refund(subscription, mode, requested), Channel.WEB, subscription.getSubscriber().getEmail(), null);
        em.persist(cancellation);
        if (mode == CancellationMode.IMMEDIATE) {
            subscription.end();
        } else {
            subscription.scheduleEnd();
        }
    }

    private ZonedDateTime localMidnight(Subscriber subscriber, int daysFromToday) {
        ZoneId zone = subscriber.getTimeZone();
        return LocalDate.now(clock.withZone(zone)).plusDays(daysFromToday).atStartOfDay(zone);
    }

    private static ZonedDateTime next(ZonedDateTime periodStart, BillingPeriod period) {
        return period == BillingPeriod.MONTHLY ? periodStart.plusMonths(1) : periodStart.plusYears(1);
    }

    /** One hash for every login here, all of which share the password: a hash costs as much as a sign-in. */
    private static final class PasswordHash {
        static final String OF_PASSWORD = PasswordHashes.hash(PASSWORD.toCharArray());
    }
}
