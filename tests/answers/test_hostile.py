"""Any text at all gets an answer from every entry point, never an exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answers
from tests.conftest import GAMING, PHONES, save

SYNTAX = st.sampled_from(
    ['"', "*", "NEAR(", "AND", "OR", "NOT", "-", "^", ":", "(", ")", "<!channel>", "<@U123>", "<http://x|y>", "&amp;"]
)
WORDS = st.sampled_from(
    ["sony", "Microsoft's", "CEO", "compete", "say", "/rivals", "/quotes", "/brief", "Xbox", "deal"]
)
TEXT = st.lists(st.one_of(SYNTAX, WORDS, st.text(max_size=30)), max_size=20).map(" ".join)


def make_answers(tmp_path_factory):
    from tests.conftest import open_test_store

    store = open_test_store(tmp_path_factory.mktemp("hostile") / "h.db")
    save(store, GAMING)
    save(store, PHONES)
    return Answers(store)


def test_hostile_text_is_always_answered(tmp_path_factory):
    answers = make_answers(tmp_path_factory)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        text=st.one_of(TEXT, st.text(max_size=300), st.just("x" * 4000), st.just("\u202eynos\u202c \U0001f3ae" * 50))
    )
    def check(text):
        for result in (
            answers.ask(text),
            answers.brief(text),
            answers.quotes(text),
            answers.rivals(text),
            answers.command("rivals", text),
        ):
            assert result.kind in {"brief", "quotes", "rivals", "known", "help"}

    check()
