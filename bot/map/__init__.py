"""The rivalry map: a company's neighbourhood of competitors and partners, as plain data
(``neighbourhood``) and as a picture (``draw``, which alone imports networkx and matplotlib,
when a map is asked for). Surfaces (Slack, the terminal) use both; nothing here knows them."""

from bot.map.neighbourhood import MAX_LINKS, Link, Neighbourhood, neighbourhood
from bot.map.request import MapRequest, map_request

__all__ = ["MAX_LINKS", "Link", "MapRequest", "Neighbourhood", "map_request", "neighbourhood"]
