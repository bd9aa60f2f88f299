#!/usr/bin/env python3
"""Write the gazetteer of company names the company model reads (bot/extract/company_gazetteer.json).

    python eval/build_gazetteer.py [--out bot/extract/company_gazetteer.json]

Two lists of name keys (``company_model.gazetteer_key``: small letters, no leading "the", no
legal suffix), each sorted:

- ``core``: the business entities CORE's TRAIN split marks (CC BY 4.0, github.com/pnborchert/CORE),
  by the name it gives each and as the passage writes it; left out are the sides that are no
  company (the product of ``product_or_service_of``, the brand of ``brand_of``, the exchange of
  ``traded_on``, the regulator of ``regulated_by``);
- ``train``: the sides of the ``competes``, ``partners`` and ``acquires`` pairs of the modern
  set's TRAIN labels (never validation's), every alternative form of each.

The model reads membership as one feature among its others, weighed by training, never as a
rule: a gazetteer name that is also a word or a person's stays judged by how the article writes it.
``eval/train_companies.py`` gives each modern training article only the names of the OTHER
outlets' labels, so the weight learned is what the list is worth on outlets it was not built from.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import core  # noqa: E402
import run  # noqa: E402

from bot.extract.company_model import GAZETTEER, gazetteer_key  # noqa: E402

KINDS = ("competes", "partners", "acquires")
# the side of a CORE kind that is no company: e1 or e2, before CORE's inversion flag is applied
_NOT_COMPANY = {"product_or_service_of": "e2", "brand_of": "e1", "traded_on": "e2", "regulated_by": "e2"}


def core_names(split: str = "train") -> set[str]:
    keys = set()
    for row in core.load(core.DEFAULT_CORE, split):
        text, starts, ends = core.detokenise(row["context"])
        other = _NOT_COMPANY.get(row["relation"])
        if other and row["invert_relation"]:
            other = "e1" if other == "e2" else "e2"
        for side in ("e1", "e2"):
            if side == other:
                continue
            for name in (row[f"{side}_name"], text[starts[row[f"{side}_start"]] : ends[row[f"{side}_end"]]]):
                keys.add(gazetteer_key(name))
    return {k for k in keys if k[:1].isalnum() and any(c.isalpha() for c in k)}  # no "(the site's parent company)"


def label_names(rows: list[dict]) -> dict[str, set[str]]:
    """Each labelled side's keys, by the articles' ids that label it."""
    keys: dict[str, set[str]] = {}
    for row in rows:
        for kind in KINDS:
            for pair in row.get(kind) or []:
                for side in pair:
                    for form in str(side).split("|"):
                        if key := gazetteer_key(form):
                            keys.setdefault(key, set()).add(row["id"])
    return keys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=GAZETTEER)
    a = ap.parse_args()
    data = {
        "about": "company names for company_model.py, by eval/build_gazetteer.py: the business entities of"
        " the train split of CORE (Borchert et al., github.com/pnborchert/CORE, CC BY 4.0) and the modern"
        " set's TRAIN labels",
        "core": sorted(core_names()),
        "train": sorted(label_names(run.labels("train"))),
    }
    a.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {a.out}: {len(data['core'])} CORE names, {len(data['train'])} train label names")


if __name__ == "__main__":
    main()
