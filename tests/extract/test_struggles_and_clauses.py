"""Words of rivalry that name no market (issue 17): workers' battles ("a battle to unionise",
"fighting to keep their jobs"); and the clauses of a sentence that tells of two rivalries ("Intel is
fighting to win back customers from AMD, and Nvidia is fighting for share against Huawei"), or adds
a backer ("..., with Epic Games backing Spotify")."""

from tests.extract.helpers import article, pairs


def test_workers_battle_to_unionise_is_no_rivalry_of_their_employers():
    text = article("Amazon workers are in a battle to unionise, and Starbucks baristas have joined the fight.")
    assert pairs(text, "competes") == set()


def test_workers_fighting_to_keep_their_jobs_make_no_rivals():
    text = article("Staff at Ford are fighting to keep their jobs as Volkswagen builds a new plant nearby.")
    assert pairs(text, "competes") == set()


def test_two_clauses_tell_two_rivalries():
    text = article(
        "Intel is fighting to win back customers from AMD, and Nvidia is fighting for share in China against Huawei."
    )
    assert pairs(text, "competes") == {frozenset(("Intel", "AMD")), frozenset(("Nvidia", "Huawei"))}


def test_a_backer_in_a_with_clause_is_no_party():
    text = article("Spotify and Apple are at war over app store rules, with Epic Games backing Spotify.")
    assert pairs(text, "competes") == {frozenset(("Spotify", "Apple"))}


def test_a_price_war_fought_to_win_customers_is_rivalry():
    text = article("Tesco is fighting to win customers from Aldi with lower prices.")
    assert pairs(text, "competes") == {frozenset(("Tesco", "Aldi"))}
