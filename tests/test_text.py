"""explainer.text: data strings reach HTML escaped, with glossary tooltips only between escaped pieces."""

from explainer.text import escape

from helpers import convert


def test_markup_is_escaped_and_placeholder_marks_are_dropped():
    assert escape('<b>"x" & \x02wzxhzdk:0\x03</b>') == '&lt;b&gt;"x" &amp; wzxhzdk:0&lt;/b&gt;'


def test_glossary_terms_are_wrapped_after_the_text_around_them_is_escaped():
    html = escape("a DDoS <i>", {"DDoS": 'Denial "of" <service>'})
    assert html == 'a <abbr title="Denial &quot;of&quot; &lt;service&gt;">DDoS</abbr> &lt;i&gt;'


def test_an_abbreviation_defined_on_the_page_reaches_data_text_as_a_tooltip():
    html = convert("/// actors\n///\n\n*[group]: A set of people.\n", extra_extensions=("abbr",))
    assert '<abbr title="A set of people.">group</abbr>.' in html
