"""``/brief follow NAME``, ``/brief follows``, ``/brief unfollow NAME`` (and ``newsbot follows``):
plain-text replies. A name the store knows as a company or a person is followed as one (by the
articles that name it, or a company's products); anything else as a topic (the articles whose
text holds every word of it). ``company``, ``person`` or ``topic`` before the name says which."""

from __future__ import annotations

from datetime import UTC, datetime

from storage import iso

USAGE = (
    "Usage: /brief follow NAME (a company, a person or a topic: each new article about it is posted here)"
    " | /brief follows | /brief unfollow NAME"
)
KINDS = ("company", "person", "topic")
MAX_NAME = 100
VERBS = {"follow", "follows", "following", "unfollow"}


def is_follow_command(text: str) -> bool:
    """Whether ``/brief`` text is one of the follow commands."""
    return text.split(" ", 1)[0].casefold() in VERBS if text else False


class FollowCommands:
    def __init__(self, answers, *, clock=lambda: datetime.now(UTC), on_change=None):
        self.answers = answers
        self.store = answers.store
        self.clock = clock
        self.on_change = on_change or (lambda: None)

    def handle(
        self,
        text: str,
        *,
        target: str,
        user: str | None = None,
        where: str = "here",
        team: str | None = None,
        enterprise: str | None = None,
    ) -> str:
        """One follow command for ``target`` (a channel's id, or a person's for their DM) in the
        workspace ``team`` (with many workspaces; ``enterprise``: its Enterprise Grid org); ``where``
        says where the posts go, in the replies."""
        verb, _, rest = " ".join(text.split()).partition(" ")
        verb = verb.casefold()
        if verb == "follow" and rest and rest.casefold() not in {"help", "?"}:
            return self.follow(rest, target=target, user=user, where=where, team=team, enterprise=enterprise)
        if verb in {"follows", "following"} or (verb == "follow" and not rest):
            return self.listing(target, where=where, team=team)
        if verb == "unfollow" and rest:
            return self.unfollow(rest, target=target, where=where, team=team)
        return USAGE

    def resolve(self, text: str, *, team: str | None = None) -> tuple[str, str]:
        """(kind, name) for what ``text`` asks to follow (among the names ``team`` may see)."""
        names = self.answers.for_team(team).names
        first, _, rest = text.partition(" ")
        if first.casefold() in KINDS and rest.strip():
            kind, text = first.casefold(), rest.strip()
            if kind == "topic":
                return "topic", text
            found = [n for n in names.lookup(text) if n.type == kind]
            return kind, found[0].name if found else text
        for named in names.lookup(text):
            if named.type in ("company", "person"):
                return named.type, named.name
        return "topic", text

    def follow(
        self,
        text: str,
        *,
        target: str,
        user: str | None,
        where: str = "here",
        team: str | None = None,
        enterprise: str | None = None,
    ) -> str:
        text = text.strip()
        if len(text) > MAX_NAME:
            return f"That is too long to follow ({len(text)} characters; {MAX_NAME} at most)."
        kind, name = self.resolve(text, team=team)
        what = {"company": "the company", "person": "", "topic": "the topic"}[kind]
        label = f"{what} {name}".strip()
        added = self.store.follows.add(
            target, kind, name, now=iso(self.clock()), created_by=user, team=team, enterprise=enterprise
        )
        if not added:
            return f"Already following {label} {where}."
        self.on_change()
        how = {
            "company": "that names it or one of its products",
            "person": "that names them",
            "topic": "whose text holds " + ("every word of it" if len(name.split()) > 1 else "it"),
        }[kind]
        return (
            f"Following {label} {where}: each new article {how} is posted {where} as it is stored, with its"
            f" summary and the facts it brings. /brief follows lists them; /brief unfollow {name} stops."
        )

    def unfollow(self, text: str, *, target: str, where: str = "here", team: str | None = None) -> str:
        """Stop a follow of the workspace ``team`` in ``target`` (another workspace's follows of a
        shared channel are its own)."""
        removed = self.store.follows.remove(target, text.strip(), team)
        if not removed:
            _kind, name = self.resolve(text.strip(), team=team)
            removed = self.store.follows.remove(target, name, team)
        if not removed:
            return f"Not following {text.strip()} {where}. /brief follows lists what is followed."
        self.on_change()
        return f"Stopped following {removed[0]['name']} {where}."

    def of_person(self, user: str, *, limit: int = 50, team: str | None = None) -> list[dict]:
        """What ``user`` follows (``team``: in that workspace), in their DM (``channel`` their own
        id) and in the channels where they set a follow up: ``kind``, ``name`` and ``channel`` of each."""
        return [
            {"kind": row["kind"], "name": row["name"], "channel": row["channel"]}
            for row in self.store.follows.of_person(user, limit=limit, team=team)
        ]

    def listing(self, target: str, *, where: str = "here", team: str | None = None) -> str:
        rows = self.store.follows.of_channel(target, team)
        if not rows:
            return f"Nothing is followed {where}. Follow a company, a person or a topic: /brief follow Nvidia"
        posted = self.store.follows.posts_per_follow()
        lines = [f"Followed {where}:"]
        for row in rows:
            count = posted.get((target, team or "", row["name_key"]), 0)
            lines.append(
                f"\u2022 {row['name']} ({row['kind']}), since {row['created_at'][:10]}:"
                f" {count} article{'s' if count != 1 else ''} posted"
            )
        return "\n".join(lines)
