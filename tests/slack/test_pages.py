"""Button values: a question (and the stash key of the answer seen) in Slack's 2,000 characters."""

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.mrkdwn import MAX_BUTTON_VALUE, clean, length
from bot.slack.pages import ROUTES, Question, Stash, Viewed, button_value, from_value

texts = st.text(max_size=2500).map(clean)


@given(route=st.sampled_from(ROUTES), text=texts, limit=st.integers(1, 40), seen=st.booleans())
def test_a_button_value_is_json_within_the_limit_and_gives_back_its_question(route, text, limit, seen):
    stash = Stash()
    question = Question(route, text, limit)
    viewed = Viewed("the answer", 0) if seen else None
    value = button_value(question, stash, viewed)
    assert length(value) <= MAX_BUTTON_VALUE
    decoded = json.loads(value)
    assert (decoded["r"], decoded["n"]) == (route, limit)
    assert decoded.get("t", text) == text  # the text is carried whole, or stashed
    assert from_value(value, stash) == (question, viewed)


def test_stash_keys_are_unique_and_no_two_processes_share_them():
    first, second = Stash(), Stash()  # as after a restart
    keys = [first.put(n) for n in range(1000)]
    assert len(set(keys)) == 1000
    assert not set(keys) & {second.put(n) for n in range(1000)}
