"""The advisory locks of newsbot's PostgreSQL store, as (newsbot's class, what)."""

MIGRATING = (2201, 0)  # migrations: replicas starting together migrate once
ARTICLE_WRITES = (2201, 1)  # article writes, one at a time (migration 4; also taken by its trigger)
FOLLOW_CLAIMS = (2201, 2)  # follow and digest claims of (channel, article) keys
