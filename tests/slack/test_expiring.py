"""What the app remembers for a while: answered events (Seen) and answers kept for buttons (Stash)."""

from bot.slack.dedupe import Seen
from bot.slack.expiring import Expiring
from bot.slack.pages import Stash


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_an_entry_expires_after_its_ttl():
    clock = Clock()
    kept = Expiring(ttl=10, size=5, clock=clock)
    assert kept.add("a", 1)
    clock.now = 9.9
    assert kept.get("a") == 1
    clock.now = 10
    assert kept.get("a") is None


def test_the_oldest_go_first_when_full_and_reading_never_drops_anything():
    clock = Clock()
    kept = Expiring(ttl=100, size=2, clock=clock)
    kept.add("a", 1)
    kept.add("b", 2)
    assert (kept.get("a"), kept.get("b")) == (1, 2)  # full: reading keeps both
    kept.add("c", 3)
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == (None, 2, 3)


def test_adding_a_kept_key_changes_nothing():
    kept = Expiring(ttl=100, size=2, clock=Clock())
    assert kept.add("a", 1) and not kept.add("a", 2)
    assert kept.get("a") == 1


def test_seen_is_true_once_per_key_until_it_expires():
    clock = Clock()
    seen = Seen(ttl=60, size=100, clock=clock)
    assert seen.first_time("event:Ev1") and not seen.first_time("event:Ev1")
    clock.now = 61
    assert seen.first_time("event:Ev1")


def test_the_stash_gives_back_what_it_keeps_under_a_fresh_key():
    stash = Stash(ttl=60, size=2, clock=Clock())
    first, second = stash.put("one"), stash.put("two")
    assert first != second and (stash.get(first), stash.get(second)) == ("one", "two")
    assert stash.get(None) is None and stash.get("unknown") is None


def test_stash_keys_are_random_so_one_cannot_be_named_from_another():
    """Workspaces share one stash: from the keys a workspace's buttons carry, the next or the
    last (another workspace's answer) cannot be worked out."""
    stash = Stash()
    keys = [stash.put(i) for i in range(50)]
    assert len(set(keys)) == 50 and min(len(k) for k in keys) >= 12
    assert len({k[:4] for k in keys}) > 40  # no shared prefix with a counter after it
