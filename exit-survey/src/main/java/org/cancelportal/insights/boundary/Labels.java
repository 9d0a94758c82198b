package org.cancelportal.insights.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cancelportal.insights.control.Share;
import org.cancelportal.survey.boundary.InvitationEmail;

/** Words and numbers for the product team's pages, in the language of the page. */
@Named("insightsLabels")
@RequestScoped
public class Labels {

    private ResourceBundle words;
    private NumberFormat percent;
    private NumberFormat count;
    private Locale locale;

    private void ready() {
        if (words == null) {
            locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            words = ResourceBundle.getBundle(InvitationEmail.BUNDLE, locale);
            percent = NumberFormat.getPercentInstance(locale);
            count = NumberFormat.getIntegerInstance(locale);
        }
    }

    /** The label for a code in a group (reason, tenure, journey, channel, language), or the code itself. */
    public String of(String group, String code) {
        ready();
        String key = group + "." + (code == null || code.isEmpty() ? "none" : code);
        return words.containsKey(key) ? words.getString(key) : code;
    }

    public String percent(double share) {
        ready();
        return percent.format(share);
    }

    public String count(long value) {
        ready();
        return count.format(value);
    }

    public String word(String key) {
        ready();
        return words.getString(key);
    }

    /** A time span in the unit it reads best in, e.g. "5.5 days" or "40 minutes". */
    public String duration(Duration span) {
        ready();
        return TimeAmount.of(span).text(words, locale);
    }

    /** A message with its arguments, numbers and choices as the page's language writes them. */
    public String format(String key, Object... arguments) {
        ready();
        return new MessageFormat(words.getString(key), locale).format(arguments);
    }

    List<ChartRow> rows(String group, List<Share> shares) {
        long longest = shares.stream().mapToLong(Share::count).max().orElse(0);
        return shares.stream().map(share -> new ChartRow(share.key(), of(group, share.key()), share.count(),
                percent(share.share()), longest == 0 ? 0 : 100.0 * share.count() / longest)).toList();
    }
}
