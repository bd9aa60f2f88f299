"""The Slack app: Bolt listeners, Block Kit rendering, Socket Mode and HTTP mode (put together in
``bot.app``)."""
