"""Which new articles each follow wants: a company by the articles that name it or its
products, a person by the articles that name them, a topic by the articles whose text holds
every word of it (the search index, over the new articles' ids only)."""

from __future__ import annotations

from storage.follows import key as follow_key
from storage.interface import NewsStore

# (channel, workspace ('' for none)) -> [(article id, names of the follows it matched)]
Plan = dict[tuple[str, str], list[tuple[int, list[str]]]]


def plan(store: NewsStore, follows: list[dict], arrivals: list[dict]) -> Plan:
    """{(channel, team): [(article id, [follow names])]} for ``arrivals`` (in arrival order),
    each follow matched only against articles stored after it began. A channel shared by two
    workspaces is two places: each workspace's follows there are matched and posted apart."""
    if not follows or not arrivals:
        return {}
    ids = [a["article_id"] for a in arrivals]
    seq_of = {a["article_id"]: a["seq"] for a in arrivals}
    named = store.follows.names_in(ids)
    held = store.holders_of(ids)  # a workspace's own articles: for its follows alone
    by_key: dict[tuple[str, str], list[dict]] = {}
    topics: dict[str, list[dict]] = {}
    for follow in follows:
        if follow["kind"] == "topic":
            topics.setdefault(follow["name_key"], []).append(follow)
        else:
            by_key.setdefault((follow["kind"], follow["name_key"]), []).append(follow)
    wanted: dict[int, list[dict]] = {}
    for article_id in ids:
        for name, kind, owner in named.get(article_id, ()):
            keys = [(kind, follow_key(name))] if kind in ("company", "person") else []
            if kind == "product" and owner:
                keys.append(("company", follow_key(owner)))
            for k in keys:
                wanted.setdefault(article_id, []).extend(by_key.get(k, ()))
    low, high = min(ids), max(ids)
    for topic, followers in topics.items():
        for article_id in store.follows.matching_topic(topic, low, high) & set(ids):
            wanted.setdefault(article_id, []).extend(followers)
    result: Plan = {}
    for article_id in ids:  # arrival order
        by_channel: dict[tuple[str, str], list[str]] = {}
        for follow in wanted.get(article_id, ()):
            if seq_of[article_id] <= follow["after_seq"]:
                continue  # stored before the follow began
            if article_id in held and follow.get("team") not in held[article_id]:
                continue  # another workspace's article
            names = by_channel.setdefault((follow["channel"], follow.get("team") or ""), [])
            if follow["name"] not in names:
                names.append(follow["name"])
        for channel, names in by_channel.items():
            result.setdefault(channel, []).append((article_id, names))
    return result
