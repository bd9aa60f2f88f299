"""Relations told of companies a sentence names only by referring back (issue 17): "the two",
"the pair", "both firms", "the companies", "they", "the German automaker", "rival X"; and the
references that stay unresolved (a third company between, people, two companies before "the
company", a customer)."""

from tests.extract.helpers import article, pairs


def test_the_two_without_a_noun_are_the_two_companies_named_together_before():
    text = article(
        "Samsung and LG both unveiled new televisions on Monday.", "The two have been rivals since the 1990s."
    )
    assert pairs(text, "competes") == {frozenset(("Samsung", "LG"))}


def test_the_pair_with_a_third_company_competing_against_both():
    text = article(
        "In Mexico, Samsung and LG both sell phones.",
        "And the pair are already competing against each other (and Apple) in Mexico City.",
    )
    assert {frozenset(("Apple", "Samsung")), frozenset(("Apple", "LG"))} <= pairs(text, "competes")


def test_the_companies_teaming_up_against_common_rivals():
    text = article(
        "Microsoft and Oracle say their new service will give Oracle customers access to Azure.",
        "The new offering expands on previous work by Oracle.",
        "The companies are effectively teaming up against their common competitors, the biggest of them being "
        "Amazon and Google.",
    )
    assert {frozenset((a, b)) for a in ("Microsoft", "Oracle") for b in ("Amazon", "Google")} <= pairs(text, "competes")


def test_they_after_an_opening_phrase_are_the_companies_that_open_the_sentence_before():
    text = article(
        "Just Eat and Takeaway.com said they are in the advanced stages of merging.",
        "Together, as one of the largest delivery companies, they'll be able to better compete against Deliveroo.",
    )
    assert {frozenset(("Just Eat", "Deliveroo")), frozenset(("Takeaway.com", "Deliveroo"))} <= pairs(text, "competes")


def test_a_described_company_inside_the_sentence_is_the_one_named_before():
    text = article(
        "Mercedes is focused on battery technology.",
        "In addition to building eight plants, the German automaker said it has partnered with Panasonic.",
    )
    assert pairs(text, "partners") == {frozenset(("Mercedes", "Panasonic"))}
    text = article(
        "Telefonica reported results on Monday.",
        "Yesterday's announcement saw the Spanish telco join forces with Huawei on research.",
    )
    assert pairs(text, "partners") == {frozenset(("Telefonica", "Huawei"))}


def test_the_company_in_the_first_sentence_is_the_one_of_the_headline():
    text = article("The company said it has partnered with Microsoft on cloud gaming.", title="Samsung profits rise")
    assert pairs(text, "partners") == {frozenset(("Samsung", "Microsoft"))}


def test_a_rival_opening_the_sentence_is_the_rival_of_the_company_before():
    text = article(
        "Samsung reported higher profits on Tuesday, helped by Apple orders.", "Rival LG said its profits fell."
    )
    assert pairs(text, "competes") == {frozenset(("Samsung", "LG"))}


def test_a_reference_reads_only_its_own_clause():
    text = article(
        "Telefonica reported results on Monday.",
        "The deal saw the Spanish telco join forces with Huawei; a separate agreement with rival ZTE was vaguer.",
    )
    assert frozenset(("Telefonica", "Huawei")) in pairs(text, "partners")
    assert frozenset(("Telefonica", "ZTE")) not in pairs(text, "competes")


def test_no_reference_across_a_third_company_named_between():
    text = article(
        "Samsung and LG reported results on Tuesday.",
        "Apple said sales of its phones rose.",
        "The two companies have also signed a partnership with Microsoft.",
    )
    assert not any("Samsung" in p or "LG" in p for p in pairs(text, "partners"))


def test_the_two_people_are_no_two_companies():
    text = article(
        "Apple's Tim Cook and Microsoft's Satya Nadella met in Seoul on Monday.",
        "The two have been rivals since college.",
    )
    assert pairs(text, "competes") == set()


def test_the_company_after_two_named_together_is_nobody():
    text = article(
        "Samsung and LG reported results on Tuesday.",
        "Mobile sales fell sharply.",
        "The Korean company said it has partnered with Microsoft on cloud gaming.",
    )
    assert pairs(text, "partners") == set()


def test_the_two_companies_that_are_not_those_named_apart():
    text = article(
        "Affirm has joined the payments network of JPMorgan.",
        "Last month, Klarna, a key rival, secured a similar deal with JPMorgan.",
        "The competition between the two providers is intensifying.",
    )
    assert frozenset(("Klarna", "JPMorgan")) not in pairs(text, "competes")


def test_a_customer_referred_back_to_is_no_partner():
    text = article(
        "Samsung reported higher profits on Tuesday.",
        "The company counts Microsoft among its biggest customers.",
    )
    assert pairs(text, "partners") == set()


def test_they_after_a_clause_with_its_own_subject_are_not_the_companies_before():
    text = article(
        "Samsung and LG unveiled new phones on Monday.",
        "Analysts say that, as prices fall, they will compete with Apple.",
    )
    assert pairs(text, "competes") == set()
