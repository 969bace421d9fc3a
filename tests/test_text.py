"""explainer.text: data strings reach HTML escaped, with glossary tooltips only between escaped pieces."""

import markdown

from explainer.text import data_text, escape

from helpers import convert


def test_markup_is_escaped_and_placeholder_marks_are_dropped():
    assert escape('<b>"x" & \x02wzxhzdk:0\x03</b>') == '&lt;b&gt;"x" &amp; wzxhzdk:0&lt;/b&gt;'


def test_glossary_terms_are_wrapped_after_the_text_around_them_is_escaped():
    html = escape("a DDoS <i>", {"DDoS": 'Denial "of" <service>'})
    assert html == 'a <abbr title="Denial &quot;of&quot; &lt;service&gt;">DDoS</abbr> &lt;i&gt;'


def test_an_abbreviation_defined_on_the_page_reaches_data_text_as_a_tooltip():
    html = convert("/// actors\n///\n\n*[group]: A set of people.\n", extra_extensions=("abbr",))
    assert '<abbr title="A set of people.">group</abbr>.' in html


def test_the_same_data_string_on_a_page_is_stashed_once_and_a_new_page_starts_afresh():
    md = markdown.Markdown()
    first, again = data_text(md, "Fish & <chips>"), data_text(md, "Fish & <chips>")
    tooltip = data_text(md, "Fish & <chips>", glossary=True)
    assert first is again and tooltip is not first and len(md.htmlStash.rawHtmlBlocks) == 2
    assert str(md.htmlStash.rawHtmlBlocks[0]) == "Fish &amp; &lt;chips&gt;"
    md.reset()  # the next page
    assert data_text(md, "Fish & <chips>") == md.htmlStash.get_placeholder(0)
    assert len(md.htmlStash.rawHtmlBlocks) == 1
