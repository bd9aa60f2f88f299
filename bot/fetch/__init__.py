"""Fresh news: articles from URLs and from RSS/Atom feeds, fetched safely and stored like seeds."""
