"""Getting articles into the store: reading files, extracting, storing."""
