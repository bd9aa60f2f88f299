"""The rivalry map: what it draws (the strongest pairs, counted by articles), the picture read
back (it decodes, its size, the company's name is in its pixels where the company is), the
same picture from the same store in another process, and the terminal's `newsbot map`."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys

import pytest
from PIL import Image

from bot.answers import Answers
from bot.cli import main
from bot.extract.model import Entity, Relation
from bot.map import MAX_LINKS, map_request, neighbourhood
from bot.map.draw import HEIGHT, WIDTH, draw
from storage import Store
from tests.conftest import ROOT, location_of, make_extraction, open_test_store, save
from tests.map.pixels import best_match, grey, rendered_label


def hub_article(i: int, *, partner: str, rival: str | None):
    """An article in which Acme partners with ``partner`` and competes with ``rival``."""
    sentences = [f"Acme signed a partnership with {partner}.", f"Acme competes with {rival} in chips."]
    relations = [Relation("partners", "Acme", partner, sentences[0], 0)]
    entities = [Entity("Acme", "company"), Entity(partner, "company")]
    if rival:
        relations.append(Relation("competes", "Acme", rival, sentences[1], 1))
        entities.append(Entity(rival, "company"))
    return make_extraction(f"Acme deal {i}", sentences, entities=entities, relations=relations, source=f"hub-{i}.txt")


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Store:
    """Acme: partners P0..P19 and rivals R0..R19; P0 in five articles, R0 in three, the others
    in one each; P0 competes with Zeta in two (a second step)."""
    store = open_test_store(tmp_path_factory.mktemp("map") / "hub.db")
    n = 0
    for i in range(20):
        for _ in range(5 if i == 0 else 1):
            ex = hub_article(n, partner=f"P{i}", rival=f"R{i}" if i > 0 or n < 3 else None)
            save(store, ex, published=f"2026-03-{1 + n % 28:02d}T09:00:00Z")
            n += 1
    for day in (29, 30):
        zeta = make_extraction(
            f"P0 takes on Zeta again ({day})",
            ["P0 competes with Zeta in phones."],
            entities=[Entity("P0", "company"), Entity("Zeta", "company")],
            relations=[Relation("competes", "P0", "Zeta", "P0 competes with Zeta in phones.", 0)],
            source=f"zeta-{day}.txt",
        )
        save(store, zeta, published=f"2026-04-{day}T10:00:00Z")
    return store


def test_a_map_request_is_the_word_map_and_a_company():
    assert map_request("Sony map") == ("Sony", 1)
    assert map_request("map Sony 2") == ("Sony", 2)
    assert map_request("map Sony Corporation") == ("Sony Corporation", 1)
    assert map_request("Sony map 9") == ("Sony", 2)
    assert map_request("Sony") is None
    assert map_request("map") is None and map_request("") is None and map_request("map 2") is None


def test_the_strongest_pairs_are_drawn_and_the_rest_counted(hub):
    hood = neighbourhood(Answers(hub), "acme")
    assert hood.company == "Acme"
    assert len(hood.links) == MAX_LINKS
    assert hood.left_out == 40 - MAX_LINKS  # 20 partners and 20 rivals
    strongest = hood.links[0]
    assert (strongest.b, strongest.kind, strongest.articles) == ("P0", "partners", 5)
    assert (hood.links[1].b, hood.links[1].kind, hood.links[1].articles) == ("R0", "competes", 3)
    assert all(link.hop == 1 for link in hood.links)
    assert hood.first == "2026-03-01" and hood.period.startswith("1 Mar 2026 to ")
    caption = hood.caption("/rivals Acme")
    assert "15 weaker pairs not drawn" in caption and caption.endswith("/rivals Acme")


def test_two_steps_reach_the_neighbours_pairs(hub):
    one = neighbourhood(Answers(hub), "Acme", hops=1, max_links=5)
    assert "Zeta" not in one.names
    two = neighbourhood(Answers(hub), "Acme map", hops=2, max_links=5)
    assert "Zeta" in two.names
    zeta = next(link for link in two.links if "Zeta" in (link.a, link.b))
    assert zeta.hop == 2 and zeta.kind == "competes" and zeta.last == "2026-04-30"
    assert two.last == "2026-04-30"


def test_a_name_that_is_no_company_is_said_so(hub):
    hood = neighbourhood(Answers(hub), "Zorblax")
    assert not hood.links and "No company named 'Zorblax'" in hood.note


@pytest.fixture(scope="module")
def sony(tmp_path_factory):
    from tests.conftest import GAMING, PHONES

    store = open_test_store(tmp_path_factory.mktemp("map") / "news.db")
    save(store, GAMING, published="2026-03-03T09:00:00Z")
    save(store, PHONES, published="2026-03-04T09:00:00Z")
    return store


def test_the_picture_decodes_at_its_size_and_shows_the_company_in_the_middle(sony):
    hood = neighbourhood(Answers(sony), "Sony")
    assert {(link.b, link.kind) for link in hood.links} == {
        ("Microsoft", "partners"),
        ("Microsoft", "competes"),
        ("Google", "competes"),
    }
    picture = draw(hood)
    image = Image.open(io.BytesIO(picture.png))
    image.verify()
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (picture.width, picture.height)
    pixels = grey(picture.png)
    score, (x, y) = best_match(pixels, rendered_label("Sony", centre=True))
    assert score > 0.95
    assert abs(x - WIDTH / 2) < 40 and abs(y - picture.centre[1]) < 20  # in the middle
    for name in ("Microsoft", "Google"):
        assert best_match(pixels, rendered_label(name, centre=False))[0] > 0.95, name
    # a name not on the map is not found: the check can fail
    assert best_match(pixels, rendered_label("Nokia", centre=True))[0] < 0.8
    assert best_match(pixels, rendered_label("Apple", centre=False))[0] < 0.8


def test_the_picture_of_a_large_neighbourhood_keeps_its_labels(hub):
    picture = draw(neighbourhood(Answers(hub), "Acme", hops=2))
    pixels = grey(picture.png)
    assert best_match(pixels, rendered_label("Acme", centre=True))[0] > 0.95
    assert best_match(pixels, rendered_label("P0", centre=False))[0] > 0.95


DRAW = """
import hashlib, sys
from bot.answers import Answers
from bot.map import neighbourhood
from bot.map.draw import draw
from storage import open_store
print(hashlib.sha256(draw(neighbourhood(Answers(open_store(sys.argv[1])), "Acme", hops=2)).png).hexdigest())
"""


def test_the_same_store_gives_the_same_picture_in_any_process(hub):
    here = hashlib.sha256(draw(neighbourhood(Answers(hub), "Acme", hops=2)).png).hexdigest()
    for seed in ("1", "2"):  # another process, another hash seed: sets iterate in another order
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", DRAW, location_of(hub)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        )
        assert done.stdout.strip() == here


def test_newsbot_map_writes_the_png_and_prints_its_caption(sony, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    out = tmp_path / "sony.png"
    assert main(["--db", location_of(sony), "--env-file", "/nonexistent", "map", "Sony", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Sony: 2 rivals and 1 partner" in said and "3 Mar 2026" in said and '"/rivals Sony"' in said
    assert Image.open(out).size == (WIDTH, HEIGHT)
    assert main(["--db", location_of(sony), "--env-file", "/nonexistent", "map", "Zorblax", "-o", str(out)]) == 1
    assert "No company named 'Zorblax'" in capsys.readouterr().err


def test_a_digit_int_cannot_read_is_no_hop_count():
    assert map_request("0\x85\u00b9") is None  # a superscript one is a digit to str.isdigit, not to int
    assert map_request("map Sony \u00b2").hops == 1
