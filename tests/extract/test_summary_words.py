"""The summary's words: runs of letters, digits, apostrophes and hyphens of the lowered text,
read by splitting, the same as the pattern that defines them."""

import re

from bot.extract.summary import STOP, _stem, tokens

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'\-]*")

TEXTS = [
    "Acme's chief executive said the firm's sales rose 12% in 2024 -- its best year.",
    "'Quoted' words, --dashes-- and a'-b, x--y, -5 and 9's; e-mail co-founder's",
    "Caf\u00e9s and na\u00efve r\u00e9sum\u00e9s \u2019tis the firm\u2019s \u201cbest\u201d \u0130stanbul \u212aelvin",
    "tabs\tand\nlines\u00a0and\u2009thin spaces",
    "",
]


def test_tokens_are_the_pattern_s_words_stemmed():
    for text in TEXTS:
        words = _TOKEN.findall(text.lower().replace("\u2019", "'"))
        expected = [_stem(w) for w in words if w not in STOP and len(w) > 1]
        assert tokens(text) == [w for w in expected if w]
    assert tokens(TEXTS[0]) == ["acme", "chief", "executive", "firm", "sal", "rose", "12", "2024", "best"]
