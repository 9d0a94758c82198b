package org.cancelportal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void blocksAreLinesAndCellsOfARowShareOne() {
        Element html = Jsoup.parse("""
                <h2>What happens next</h2><ul><li>You will not be charged again.</li><li>Refund: none.</li></ul>
                <dl><div><dt>Reference</dt><dd>CX-7K2M-9QRT</dd></div></dl>
                <table><tr><td>Email</td><td><strong>help@example.com</strong></td></tr></table>
                <p>Questions?<br>Write to us.</p>""").body();

        assertEquals(List.of("What happens next", "You will not be charged again.", "Refund: none.", "Reference",
                "CX-7K2M-9QRT", "Email help@example.com", "Questions?", "Write to us."), VisibleText.lines(html, List.of()));
    }

    @Test
    void onlyWhatIsShownCountsAndLinksOnlyByTheirText() {
        Element html = Jsoup.parse("""
                <p>See the <a href="https://example.com/receipt?ref=CX-1">receipt</a>.</p>
                <script>var hidden = "Are you sure?";</script><style>p { color: red }</style>
                <form><input type="hidden" name="ref" value="CX-1"><input type="text" value="typed by someone">
                <textarea>typed by someone</textarea><select><option>English</option>
                <option selected>Deutsch</option></select><input type="submit" value="Cancel now"></form>
                <p hidden>Secret</p><p style="display: none">Also secret</p>""").body();

        assertEquals(List.of("See the receipt.", "Deutsch", "Cancel now"), VisibleText.lines(html, List.of()));
    }

    @Test
    void wordsWrittenByPeopleAreLeftOutWhereTheyAreAllOfAnElement() {
        Element html = Jsoup.parse("""
                <p>Hello Anna,</p><p>We lowered the price.</p><h2>You wrote</h2>
                <p>Too   expensive&nbsp;for me</p><dl><dt>Name</dt><dd>Anna</dd></dl>""").body();

        assertEquals(List.of("Hello Anna,", "You wrote", "Name"),
                VisibleText.lines(html, List.of("We lowered the price.", "Too expensive for me", "Anna")));
    }
}
