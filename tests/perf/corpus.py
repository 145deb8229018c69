"""A generated library of news articles for benchmarks: `make_corpus(root, n, seed=0)`.

Articles of 300-1,000 words on a US-China beat: real people, organisations and places, dates
from 2019 to 2024, a dozen sources, sentences built from news phrasing, and a long tail of
rarer words drawn by a Zipf law so the vocabulary grows with the corpus as real text does.
Some articles quote names in Chinese. The same seed gives the same library.

Files are written in the library's own article format (library.articlefile) straight into
`articles/`, then the catalogue is built once: adding 10,000 articles one by one through
Library.add would rewrite the catalogue 10,000 times.

    python tests/perf/corpus.py DIR [N]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from library.articlefile import dump_article
from library.model import Article, Block
from library.store import Library

PEOPLE = [
    "Xi Jinping", "Joe Biden", "Antony Blinken", "Wang Yi", "Janet Yellen", "Li Qiang", "Gina Raimondo",
    "Jake Sullivan", "Qin Gang", "Tsai Ing-wen", "Lai Ching-te", "Kurt Campbell", "Katherine Tai",
    "Liu He", "He Lifeng", "Nancy Pelosi", "Kevin McCarthy", "Fumio Kishida", "Yoon Suk Yeol",
    "Ferdinand Marcos Jr.", "Lloyd Austin", "Li Shangfu", "Dong Jun", "Xie Feng", "Nicholas Burns",
    "Ursula von der Leyen", "Olaf Scholz", "Emmanuel Macron", "Narendra Modi", "Anthony Albanese",
]
ORGS = [
    "the State Department", "the Commerce Department", "the Pentagon", "the People's Liberation Army",
    "the Chinese Communist Party", "the Foreign Ministry", "the World Trade Organization", "Huawei",
    "TSMC", "Nvidia", "the Federal Reserve", "the People's Bank of China", "the National Security Council",
    "the European Commission", "the Politburo", "Congress", "the Treasury", "SMIC", "ByteDance", "Apple",
]
PLACES = [
    "Beijing", "Washington", "Taipei", "Hong Kong", "Shanghai", "the South China Sea", "Tokyo", "Manila",
    "Seoul", "Brussels", "Xinjiang", "Tibet", "the Taiwan Strait", "Shenzhen", "Guangzhou", "Singapore",
    "San Francisco", "Bali", "Hanoi", "New Delhi", "Canberra", "Kyiv", "Moscow", "Jakarta", "Geneva",
]
SOURCES = [
    "Reuters", "Associated Press", "South China Morning Post", "Nikkei Asia", "The Diplomat", "Financial Times",
    "Caixin", "Pacific Ledger", "Harbour Review", "Straits Observer", "Global Affairs Weekly", "Lowy Interpreter",
]
AUTHORS = [
    "Mei Lin", "James Carter", "Sofia Bélanger", "Hiroshi Tanaka", "Priya Nair", "Tom Okafor", "Chen Wei",
    "Laura Fischer", "Daniel Kim", "Ana García", "Owen Hughes", "Zhang Hua", "",
]
TOPICS = [
    "export controls", "advanced semiconductors", "tariffs on steel", "the status of Taiwan", "human rights",
    "climate cooperation", "fentanyl trafficking", "the trade deficit", "rare earth exports", "military talks",
    "student visas", "data security", "the Belt and Road Initiative", "debt relief", "electric vehicles",
    "solar panels", "the yuan exchange rate", "treasury bonds", "maritime claims", "artificial intelligence",
    "supply chains", "investment screening", "sanctions on officials", "the Hong Kong security law",
]
VERBS = [
    "said", "warned", "argued", "told reporters", "insisted", "noted", "acknowledged", "signalled",
    "announced", "suggested", "denied", "confirmed", "stressed",
]
TEMPLATES = [
    "{person} {verb} that {topic} would remain at the centre of talks in {place}.",
    "Officials in {place} {verb} that {org} was reviewing its approach to {topic}.",
    "The meeting between {person} and {person2} in {place} lasted {num} hours, according to {org}.",
    "Analysts {verb} that the dispute over {topic} had hardened since {year}.",
    "{org} {verb} on {weekday} that it would tighten rules on {topic}.",
    "In {place}, {person} {verb} the two sides had agreed to keep channels open on {topic}.",
    "Trade between the two countries fell {num} percent in {month}, {org} {verb}.",
    "Critics of {org} {verb} that the policy on {topic} did little to reassure allies in {place}.",
    "{person} arrived in {place} on {weekday} for {num} days of meetings on {topic}.",
    "The statement from {org} made no mention of {topic}, a silence several diplomats in {place} found telling.",
    "Investors in {place} watched for signs that {topic} could unsettle markets again.",
    "Asked about {topic}, {person} {verb} that {place} would not be drawn into a new cold war.",
]
CJK = ["习近平", "王毅", "台湾", "北京", "布林肯", "中美关系", "出口管制"]
SYLLABLES = ["ka", "lo", "mi", "ten", "ar", "vo", "ris", "pel", "dun", "sha", "qui", "bre", "tor", "nel",
             "fa", "gu", "zen", "ol", "ump", "ster", "ion", "ca", "de", "ly", "ment", "ive", "pro", "con"]
COMMON = ("the of and to in a that for on with as was by at from is it be have has but not are "
          "government officials policy economic talks security trade relations president minister "
          "week year country countries state public growth market markets foreign military allies "
          "pressure plan plans measures response agreement statement visit summit spokesman report "
          "people leaders national global regional senior former new more than after before over "
          "while since could would should may also still only even its their this these those").split()


class _Writer:
    def __init__(self, seed: int, words: tuple[int, int] = (300, 1000)):
        self.rng = random.Random(seed)
        self.words = words
        rng = self.rng
        self.tail = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(40_000)})
        rng.shuffle(self.tail)
        total = 0.0
        self.cumulative = []
        for rank in range(len(self.tail)):
            total += 1 / (rank + 1) ** 1.1
            self.cumulative.append(total)

    def sentence(self, when: dt.date, focus: dict) -> str:
        """A templated news sentence about this article's focus, or a filler one."""
        rng = self.rng
        if rng.random() < 0.4:
            people = rng.sample(focus["people"], 2)
            return rng.choice(TEMPLATES).format(
                person=people[0], person2=people[1], verb=rng.choice(VERBS), topic=rng.choice(focus["topics"]),
                place=rng.choice(focus["places"]), org=rng.choice(focus["orgs"]), num=rng.randint(2, 40),
                year=rng.randint(2015, when.year), month=when.strftime("%B"), weekday=when.strftime("%A"),
            )
        words = [rng.choice(COMMON) if rng.random() < 0.6 else w
                 for w in rng.choices(self.tail, cum_weights=self.cumulative, k=rng.randint(8, 22))]
        return " ".join(words).capitalize() + "."

    def article(self, number: int) -> Article:
        rng = self.rng
        when = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        target = rng.randint(*self.words)
        focus = {
            "people": rng.sample(PEOPLE, rng.randint(2, 5)), "topics": rng.sample(TOPICS, rng.randint(1, 3)),
            "places": rng.sample(PLACES, rng.randint(1, 4)), "orgs": rng.sample(ORGS, rng.randint(1, 3)),
        }
        blocks: list[Block] = []
        words = 0
        while words < target:
            kind = rng.choices(("paragraph", "heading", "quote", "bullet"), (12, 1, 1, 1))[0]
            if kind == "heading":
                text = rng.choice(focus["topics"]).capitalize()
            else:
                text = " ".join(self.sentence(when, focus) for _ in range(rng.randint(1, 4)))
                if kind == "paragraph" and rng.random() < 0.01:
                    text += f" 据报道，{rng.choice(CJK)}与{rng.choice(CJK)}问题再次成为焦点。"
            blocks.append(Block(kind, text))
            words += len(text.split())
        topic, place = rng.choice(focus["topics"]), rng.choice(focus["places"])
        title = f"{focus['people'][0]} {rng.choice(VERBS)} {topic} in {place} ({number})"
        return Article(
            title=title, blocks=tuple(blocks), standfirst=self.sentence(when, focus), date=when,
            source=rng.choice(SOURCES), author=rng.choice(AUTHORS), url=f"https://example.org/news/{number}",
        ).with_id()


def make_corpus(root: Path | str, n: int, seed: int = 0, words: tuple[int, int] = (300, 1000)) -> Library:
    """A library at `root` holding `n` generated articles (catalogue built). Benchmarks of the
    list alone read only the catalogue, so they may ask for short articles (`words=(20, 40)`),
    which are ten times quicker to make."""
    library = Library(root).ensure()
    writer = _Writer(seed, words)
    for number in range(n):
        article = writer.article(number)
        library.path_of(article.id).write_text(dump_article(article), encoding="utf-8")
    library = Library(root)
    library.entries()
    return library


if __name__ == "__main__":
    made = make_corpus(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    print(f"{len(made.entries())} articles in {made.root}")
