"""A seeded generator of news-like test corpora whose vocabulary grows like real text's."""

from __future__ import annotations

import random
from pathlib import Path

ACTORS = [
    "China",
    "the United States",
    "the EU",
    "Huawei",
    "Beijing",
    "Washington",
    "Japan",
    "India",
    "Russia",
    "the UN",
    "Brussels",
    "ZTE",
    "Canada",
    "Australia",
    "Kenya",
]
TOPICS = [
    "telecommunications",
    "surveillance",
    "trade",
    "cybersecurity",
    "semiconductors",
    "infrastructure",
    "privacy",
    "espionage",
    "investment",
    "diplomacy",
    "data protection",
    "sanctions",
    "export controls",
    "artificial intelligence",
    "public opinion",
]
VERBS = [
    "expanded",
    "restricted",
    "criticised",
    "funded",
    "challenged",
    "welcomed",
    "banned",
    "negotiated",
    "reviewed",
    "defended",
    "questioned",
    "supported",
]
HEDGES = ["reportedly", "allegedly", "possibly", "apparently", "perhaps", "likely"]
BOOSTERS = ["clearly", "certainly", "undoubtedly", "in fact", "obviously"]
VAGUE = ["critics argue", "some say", "experts say", "observers believe", "reports suggest"]
NAMED = [
    "according to the World Bank",
    "a Pew Research survey found",
    "the Commerce Department said",
    "Reuters reported",
    "the minister stated",
]
TEMPLATES = [
    "{actor} {verb} its policy on {topic} in {year}.",
    "{Hedge}, {actor} {verb} {n} contracts worth ${money} billion.",
    "{Vague} that the {topic} deal could enable {rare} practices.",
    "{Named}, {pct}% of respondents view {topic} as a {adj} threat.",
    "The debate over {topic} is {booster} {adj}, and {actor} knows it.",
    "Is there a middle ground on {topic}?",
    "Officials in {actor2} {verb} the {rare} framework after talks with {actor}.",
    "{actor} did not {base} the {topic} rules, {vague}.",
    "By {year}, {n} countries had imposed {adj} limits on {topic} and {rare} systems.",
    "Analysts describe the {rare} {topic} market as {adj} but fragile.",
]
# Subordinate clauses appended to most sentences: news sentences run to ~20 words, not ~10.
CLAUSES = [
    "while {actor2} weighed {n} proposals on {topic} and {rare} oversight",
    "as officials in {actor2} reviewed the {adj} costs of {topic}",
    "although {vague} the {rare} rules remain {adj} for smaller firms",
    "after {named} that spending on {topic} rose {pct}% in {year}",
    "because the {rare} program had {verb} earlier plans for {topic}",
    "even as {actor2} {verb} a {adj} plan to expand {topic} across the region",
]
ADJS = [
    "serious",
    "growing",
    "modest",
    "complex",
    "strategic",
    "fragile",
    "significant",
    "controversial",
    "lasting",
    "uncertain",
]
BASES = ["confirm", "accept", "publish", "enforce", "explain"]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "tan",
    "ver",
    "sol",
    "dra",
    "pen",
    "qui",
    "zor",
    "bel",
    "nu",
    "rix",
    "tal",
    "mo",
    "shen",
    "gar",
    "vi",
]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def rare_word(rng: random.Random) -> str:
    """A made-up word: new vocabulary appears at a realistic rate as the corpus grows."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_sentence(rng: random.Random, rare_pool: list[str]) -> str:
    """One sentence from a random template with random slot fillers."""
    if rng.random() < 0.3 or not rare_pool:
        rare_pool.append(rare_word(rng))
    # Zipf-like reuse: recent and early coinages recur, most appear a few times.
    rare = (
        rare_pool[min(int(rng.paretovariate(1.2)) - 1, len(rare_pool) - 1)]
        if rng.random() < 0.5
        else rng.choice(rare_pool)
    )
    hedge, vague = rng.choice(HEDGES), rng.choice(VAGUE)
    template = rng.choice(TEMPLATES)
    if template.endswith(".") and rng.random() < 0.8:
        template = template[:-1] + ", " + rng.choice(CLAUSES) + "."
    return template.format(
        actor=rng.choice(ACTORS),
        actor2=rng.choice(ACTORS),
        verb=rng.choice(VERBS),
        topic=rng.choice(TOPICS),
        year=rng.randint(1995, 2025),
        n=rng.randint(2, 150),
        money=rng.randint(1, 90),
        pct=rng.randint(5, 95),
        Hedge=_upper_first(hedge),
        Vague=_upper_first(vague),
        vague=vague,
        Named=_upper_first(rng.choice(NAMED)),
        named=rng.choice(NAMED),
        booster=rng.choice(BOOSTERS),
        adj=rng.choice(ADJS),
        rare=rare,
        base=rng.choice(BASES),
    )


def synthetic_document(rng: random.Random, *, n_words: int = 400) -> str:
    """A document of about ``n_words`` words: a heading line, then paragraphs of sentences."""
    rare_pool: list[str] = []
    title = _upper_first(f"{rng.choice(ACTORS)} and {rng.choice(TOPICS)}")
    paragraphs, words = [], 0
    while words < n_words:
        para = " ".join(synthetic_sentence(rng, rare_pool) for _ in range(rng.randint(2, 4)))
        words += len(para.split())
        paragraphs.append(para)
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(
    folder: str | Path, *, n_docs: int, seed: int = 0, n_words: int = 400, start: int = 0
) -> None:
    """Write documents ``doc_{start:05d}.txt`` ... into ``folder`` (same seed, same bytes)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n_docs):
        rng = random.Random(f"{seed}-{i}")
        (folder / f"doc_{i:05d}.txt").write_text(
            synthetic_document(rng, n_words=n_words), encoding="utf-8"
        )
