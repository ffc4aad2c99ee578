"""Deterministic, offline generator of synthetic news articles for benchmarks (stdlib only).

    python bench/corpus.py --n 2000 --seed 7 --out /tmp/corpus.jsonl

Each article picks a beat and one of the beat's four story types, fills a context of invented
people, companies, places and numbers, and assembles 4-10 paragraphs (250-700 words) from the
beat's sentence templates. Templates use ``[a|b|c]`` for inline alternatives, ``[=label:a|b]`` for
alternatives that pick the same index wherever the label recurs in one article (so a headline and
its lead agree), and ``{slot}`` for context values; incidental numbers (``{pct}``, ``{n_mid}``, ...)
are drawn afresh at each use.
In TEMPLATES a line ``kind@02: text`` is only used by stories 0 and 2 of its beat; untagged lines
suit every story of the beat (and the hard negatives placed in it).

About 12% of articles are retrieval hard negatives: they name the SEC, Gary Gensler, Binance,
Binance.US, Kraken, Coinbase, Paxos, BUSD, the CFTC, Changpeng Zhao, MIT or the ECB, but only in
invented events that have nothing to do with the stories in data/sample/. All other names
(outlets, people, companies, cities, countries) are invented.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

_TEXT = Path(__file__).resolve().parent / "corpus_text"
# Names, pools of slot values and the generic sentences every beat shares (corpus_text/words.json).
_WORDS = json.loads((_TEXT / "words.json").read_text(encoding="utf-8"))
OUTLETS, FIRST, LAST, CITIES, COUNTRIES = (_WORDS[k] for k in ("OUTLETS", "FIRST", "LAST", "CITIES", "COUNTRIES"))
PREFIX, SUFFIX, SECTOR, POOLS, GENERIC = (_WORDS[k] for k in ("PREFIX", "SUFFIX", "SECTOR", "POOLS", "GENERIC"))
WDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
ORDINALS = "second third fourth fifth sixth seventh eighth ninth".split()

# One template per line: "kind: text" or "kind@<story digits>: text". A story line is "title || lead".
TEMPLATES = (_TEXT / "beats.txt").read_text(encoding="utf-8")

# Hard negatives: sample-corpus names in invented events. "== name beat [mix]"; with "mix" the host
# beat's untagged lines are used too. "set:" overrides context slots; "after:" is the earliest date.
HARD_NEGATIVES = (_TEXT / "hard_negatives.txt").read_text(encoding="utf-8")
HN_SHARE = 0.12  # share of articles that are hard negatives
KINDS = ("detail", "quote", "back", "out")
_ALT = re.compile(r"\[([^\[\]]*)\]")
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with"}


def _parse(text: str) -> dict[str, dict]:
    blocks: dict[str, dict] = {}
    block: dict = {}
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("== "):
            name, arg, *flags = line[3:].split()
            mix = next((f[3:] or "*" for f in flags if f.startswith("mix")), None)  # "mix" or "mix<story>"
            block = blocks[name] = dict(arg=arg, mix=mix, stories=[], set={}, after=None,
                                        **{kind: [] for kind in KINDS})
            continue
        key, _, text = line.partition(": ")
        kind, _, tags = key.partition("@")
        if kind == "story":
            block["stories"].append(tuple(text.split(" || ")))
        elif kind in ("r1", "r2"):
            block[kind] = text.split(" ; ")
        elif kind == "set":
            block["set"] = dict(pair.split("=", 1) for pair in text.split(" ; "))
        elif kind == "after":
            block["after"] = datetime.fromisoformat(text)
        else:
            block[kind].append((tags, text))
    return blocks


BEATS = _parse(TEMPLATES)
HNS = _parse(HARD_NEGATIVES)
BEAT_NAMES = list(BEATS)
HN_NAMES = list(HNS)


def _title_case(text: str) -> str:
    words = text.split()
    return " ".join(w if (i and w in _SMALL_WORDS) or w[:1].isupper() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _millions(rng: random.Random) -> str:
    return f"${rng.choice([12, 18, 25, 40, 65, 80, 120, 150, 240, 310, 475, 620])} million"


def _billions(rng: random.Random) -> str:
    return f"${rng.randint(11, 95) / 10:.1f} billion"


# Incidental numbers: drawn afresh every time a template uses them.
FRESH = dict(
    pct=lambda r: f"{r.randint(3, 49) / 10:.1f}", pct2=lambda r: str(r.randint(4, 45)),
    n_small=lambda r: str(r.randint(2, 9)), n_mid=lambda r: str(r.randint(12, 95)),
    n_big=lambda r: f"{r.randint(12, 480) * 100:,}", money=_millions, money2=_billions,
    grant=lambda r: f"${r.randint(4, 95) / 10:.1f} million",
    price_small=lambda r: f"${r.randint(8, 45)}",
    money_small=lambda r: f"${r.randint(2, 60) * 10_000:,}", price=lambda r: f"${r.randint(19, 899)}",
    yield_=lambda r: f"{r.randint(210, 640) / 100:.2f}", level=lambda r: f"{r.randint(31, 98) / 10:.1f}",
    gust=lambda r: str(r.randint(8, 16) * 10), votes9=lambda r: r.choice(["six", "seven", "eight", "five"]),
    ordinal=lambda r: r.choice(ORDINALS), price_btc2=lambda r: f"${r.randint(160, 690) * 100:,}",
    price_k=lambda r: f"${r.randint(4, 90) * 1000 + r.choice([0, 400, 750]):,}",
)
FRESH["yield"] = FRESH.pop("yield_")


class _Context(dict):
    """Template slots; a slot not set on the article is drawn afresh from FRESH at each use."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        return FRESH[key](self.rng)


@functools.lru_cache(maxsize=None)
def _segments(template: str) -> tuple:
    """Split a template once into literal text (str) and alternative groups (tuple of str)."""
    parts = _ALT.split(template)
    return tuple(part if i % 2 == 0 else tuple(part.split("|")) for i, part in enumerate(parts) if part or i % 2)


def _pick(options: tuple, rng: random.Random, links: dict) -> str:
    """One alternative; "[=label:a|b]" groups with the same label pick the same index within an article."""
    if options[0][:1] != "=":
        return options[int(rng.random() * len(options))]  # like rng.choice, but faster
    label, _, first = options[0][1:].partition(":")
    index = links.setdefault(label, int(rng.random() * len(options)))
    return first if index == 0 else options[index]


def _expand(template: str, rng: random.Random, ctx: dict, *, sentence: bool = True) -> str:
    links = ctx.setdefault("_links", {})
    text = "".join(p if p.__class__ is str else _pick(p, rng, links) for p in _segments(template)).format_map(ctx)
    return text[:1].upper() + text[1:] if sentence else text


def _tidy(text: str) -> str:
    """Clean-ups applied once per article: spacing, "Industries's", "a 8-year"."""
    text = re.sub(r" +([,.:;])", r"\1", re.sub(r" {2,}", " ", text)).replace(",,", ",").replace("Co..", "Co.")
    if "s's" in text:
        text = re.sub(r"\b([A-Z][a-z]*s)'s\b", r"\1'", text)
    return re.sub(r"\b([Aa]) (\$?)(8\d*|11|18)\b", r"\1n \2\3", text) if re.search(r"a \$?[18]", text) else text


def _context(rng: random.Random, beat: str, when: datetime) -> _Context:
    sector = BEATS[beat]["arg"]
    city, city2 = rng.sample(CITIES, 2)
    country = rng.choice(COUNTRIES)
    football = rng.random() < 0.6
    if football:
        hi, lo = sorted(rng.sample(range(0, 6), 2), reverse=True)
    else:
        hi, lo = sorted(rng.sample(range(84, 126), 2), reverse=True)
    p1, p2, p3 = (_name(rng) for _ in range(3))
    mascots = rng.sample(POOLS["mascot"], 3)
    ctx = _Context(rng)
    ctx.update(
        city=city, city2=city2, country=country, p1=p1, p2=p2, p3=p3,
        p1_last=p1.split()[-1], p2_last=p2.split()[-1], p3_last=p3.split()[-1],
        company=f"{rng.choice(PREFIX)}{rng.choice(SUFFIX)} {rng.choice(SECTOR[sector])}",
        company2=f"{rng.choice(PREFIX)}{rng.choice(SUFFIX)} {rng.choice(SECTOR[sector])}",
        firm=f"{rng.choice(LAST)} {rng.choice(['Capital', 'Research', 'Partners', 'Advisory', 'Economics', '& Co.'])}",
        index=f"{rng.choice(['Calder', 'Meridia', 'Solvay', 'Astra', 'Corona', 'Vantage'])} {rng.choice([40, 50, 100, 200])} index",
        move=f"{rng.randint(4, 48) / 10:.1f}", big_move=str(rng.randint(6, 48)), pct3=str(rng.randint(12, 78)),
        rate=f"{rng.randint(2, 24) / 4:.2f}", bps=str(rng.choice([25, 50])), infl=f"{rng.randint(18, 96) / 10:.1f}",
        infl2=f"{rng.randint(18, 45) / 10:.1f}", unemp=f"{rng.randint(30, 95) / 10:.1f}", growth=f"{rng.randint(-8, 34) / 10:.1f}",
        deal=_billions(rng), budget=rng.choice([_billions(rng), f"${rng.randint(3, 9) * 100 + 40} million"]),
        fine=rng.choice([_millions(rng), _billions(rng)]), cost=_millions(rng), jobs=f"{rng.randint(4, 120) * 100:,}",
        population=f"{rng.randint(60, 900) * 1000:,}", capacity=f"{rng.randint(8, 60) * 1000:,}",
        crowd=f"{rng.randint(60, 600) * 100:,}", votes=f"{rng.randint(5, 8)}-{rng.randint(1, 4)}",
        wday=WDAYS[when.weekday()], prev_day=WDAYS[when.weekday() - 1],
        next_wday=WDAYS[(when.weekday() + rng.randint(2, 6)) % 7], month=MONTHS[when.month - 1],
        prev_month=MONTHS[(when.month - 2 - rng.randint(0, 3)) % 12], next_month=MONTHS[(when.month + rng.randint(0, 4)) % 12],
        year=str(when.year), prev_year=str(when.year - rng.randint(1, 6)), next_year=str(when.year + rng.randint(1, 4)),
        quarter=rng.choice(["first quarter", "second quarter", "third quarter", "fourth quarter"]),
        cbank=rng.choice(["Bank of {c}", "{c} Reserve Bank", "National Bank of {c}", "Central Bank of {c}"]).format(c=country),
        regulator=rng.choice(["{c} Financial Conduct Board", "{c} Securities Authority", "{c} Prudential Regulation Office"]).format(c=country),
        exchange=rng.choice(POOLS["exchange"]), court=f"the {city} District Court", judge=f"Judge {_name(rng)}",
        team=f"{city} {mascots[0]}", team2=f"{city2} {mascots[1]}", team3=f"{rng.choice(CITIES)} {mascots[2]}",
        league=f"{country} {'Premier League' if football else 'Basketball League'}", score=f"{hi}-{lo}",
        player=(player := _name(rng)), player_last=player.split()[-1], coach=_name(rng), assistant=_name(rng), owner=_name(rng),
        unit="goals" if football else "points", tally=str(rng.randint(2, 3) if football else rng.randint(24, 41)),
        season_total=str(rng.randint(8, 24) if football else rng.randint(310, 780)),
        position=rng.choice(["striker", "midfielder", "goalkeeper", "defender", "winger"] if football else ["point guard", "forward", "center", "shooting guard"]),
        fee=f"{rng.randint(2, 45)} million {'euros' if football else 'dollars'}", age=str(rng.randint(19, 33)),
        wins=str(rng.randint(1, 3)), games=str(rng.randint(10, 16)),
        venue=f"{rng.choice(LAST)} {rng.choice(['Park', 'Arena', 'Stadium', 'Field'])}",
        hospital=f"{city} {rng.choice(['General Hospital', 'University Hospital', 'Memorial Hospital'])}",
        illness=rng.choice(["flu", "measles", "norovirus", "whooping cough"]),
        agency=f"{city} {rng.choice(['Transit Authority', 'Regional Transport Agency'])}",
        line=f"the {rng.choice(['Green', 'Orange', 'Purple', 'Silver', 'Gold', 'Crimson'])} Line",
        project=f"the {rng.choice(LAST)} {rng.choice(['Ridge Wind Farm', 'Solar Park', 'Offshore Wind Project', 'Hills Solar and Storage Project'])}",
        university=rng.choice([f"the University of {city}", f"{city} Institute of Technology", f"{city2} University"]),
        festival=f"{city} {rng.choice(['Film Festival', 'Arts Festival', 'Book Fair', 'Music Festival'])}",
        artist=_name(rng), work=f"The {rng.choice(POOLS['adj'])} {rng.choice(POOLS['noun'])}",
        storm=f"Storm {rng.choice(FIRST)}", river=rng.choice(LAST), region=rng.choice(POOLS["region"]),
        precip=rng.choice(["snow", "rain"]), utility=f"{city} Electric", bank=f"{rng.choice(CITIES)} Savings Bank",
        price_btc=f"${rng.randint(18, 68) * 1000:,}", distance=str(rng.randint(30, 900)), homes=f"{rng.randint(30, 900) * 100:,}",
    )
    token = rng.choice(POOLS["token"])
    ctx.update(token_name=token, token=f"{token} ({token[:3].upper()})")
    for key in ("asia", "crop", "bourse", "subject", "topic", "effect", "ability", "disease", "drug", "journal", "product"):
        ctx[key] = rng.choice(POOLS[key])
    return ctx


def _finish_context(ctx: _Context) -> None:
    """Derived slots (title-cased or capitalized forms), computed after any overrides."""
    for key in ("product", "precip", "position", "disease", "illness", "effect", "ability", "subject", "asia", "crop"):
        ctx[key.capitalize()] = _title_case(ctx[key])
    ctx["disease_cap"] = ctx["disease"][:1].upper() + ctx["disease"][1:]
    ctx["journal_cap"] = ctx["journal"][:1].upper() + ctx["journal"][1:]
    for key in ("effect", "ability", "subject", "project", "line", "university"):
        titled = _title_case(ctx[key].removeprefix("the "))
        first, _, rest = titled.partition(" ")
        ctx[f"{key}_title"] = f"{first.lower()} {rest}" if first.lower() in _SMALL_WORDS else titled


class _Draw:
    """An article's random source, its slot values and its pools of unused lines."""

    def __init__(self, rng: random.Random, ctx: _Context, pools: dict[str, list[str]]) -> None:
        self.rng, self.ctx, self.pools = rng, ctx, pools

    def take(self, kind: str) -> str | None:
        """One unused line of `kind`, expanded; None when the pool is empty."""
        pool = self.pools[kind]
        return _expand(pool.pop(self.rng.randrange(len(pool))), self.rng, self.ctx) if pool else None

    def quote(self, person: str) -> list[str]:
        """A quote framed with its speaker ("p1" or "p2"), sometimes followed up."""
        ctx, rng = self.ctx, self.rng
        who, role = (ctx["p1"], ctx["r1"]) if person == "p1" else (ctx["p2"], ctx["r2"])
        q = self.take("quote")
        if q is None:
            return []
        ctx.update(who=who, role=role, q="{q}", last=who.split()[-1])
        out = [_expand(rng.choice(GENERIC["frame"]), rng, ctx).replace("{q}", q)]
        if rng.random() < 0.45:
            out.append(_expand(rng.choice(GENERIC["followup"]), rng, ctx))
        return out


def _setting(rng: random.Random) -> tuple[datetime, dict | None, dict, dict, int, _Context]:
    """When, which hard negative (if any), which beat and story, and the slot values."""
    start, end = datetime(2021, 1, 1), datetime(2025, 1, 1)
    when = start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))
    hn = HNS[rng.choice(HN_NAMES)] if rng.random() < HN_SHARE else None
    beat_name = hn["arg"] if hn else rng.choice(BEAT_NAMES)  # a hard negative's arg is its host beat
    beat = BEATS[beat_name]
    source = hn or beat
    if hn and hn["after"] and when < hn["after"]:
        when += timedelta(days=366)
    story = rng.randrange(len(source["stories"]))
    ctx = _context(rng, beat_name, when)
    for key, value in (hn["set"].items() if hn else ()):
        ctx[key] = _expand(value, rng, ctx, sentence=False)
    _finish_context(ctx)
    return when, hn, beat, source, story, ctx


def _pools(hn: dict | None, beat: dict, source: dict, story: int) -> dict[str, list[str]]:
    def usable(lines: list, as_story: str | None) -> list[str]:
        return [text for tags, text in lines if not tags or (as_story and as_story in tags)]

    pools = {kind: usable(source[kind], str(story)) for kind in KINDS}
    if hn:  # a hard negative borrows its host beat's generic lines: all kinds with "mix", else background
        for kind in KINDS:
            if hn["mix"] or kind == "back" or not pools[kind]:
                pools[kind] += usable(beat[kind], hn["mix"] if hn["mix"] != "*" else None)
    return pools


def _stream(draw: _Draw, lead_tpl: str) -> tuple[list[str], list[list[str]], list[int], set[int]]:
    """The lead, then units (lists of sentences) drawn by weight until the word target is met."""
    rng = draw.rng
    lead = [_expand(lead_tpl, rng, draw.ctx)]
    if rng.random() < 0.6 and (first := draw.take("detail")):
        lead.append(first)
    units: list[list[str]] = []
    counts: list[int] = []  # words per unit
    quotes, quote_starts = ["p1", "p2"], set()
    weights = dict(detail=6, back=2, filler=1.2, quote=1.6, reaction=0.8)
    target, words = rng.randint(258, 395), len(" ".join(lead).split())
    while words < target:
        kinds = [k for k in weights if (quotes if k == "quote" else draw.pools[k]) and (k != "quote" or draw.pools["quote"])]
        if not kinds:
            break
        kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
        unit = draw.quote(quotes.pop(0)) if kind == "quote" else [draw.take(kind)]
        if kind == "quote" and units:
            quote_starts.add(len(units))
        units.append(unit)  # type: ignore[arg-type]
        counts.append(sum(len(x.split()) for x in unit))  # type: ignore[union-attr]
        words += counts[-1]
    return lead, units, counts, quote_starts


def _paragraphs(rng: random.Random, lead: list[str], units: list[list[str]], counts: list[int], quote_starts: set[int],
                closing: list[str]) -> list[list[str]]:
    """The middle grouped into 2-8 paragraphs of similar length (a quote always opens one), at most 700 words."""
    size = sum(counts) / rng.randint(2, 8)
    paras, current, filled, limit = [lead], [], 0, size * rng.uniform(0.7, 1.3)
    for n, unit in enumerate(units):
        if current and (n in quote_starts or filled >= limit):
            paras.append(current)
            current, filled, limit = [], 0, size * rng.uniform(0.7, 1.3)
        current = current + unit
        filled += counts[n]
    if current:
        paras.append(current)
    while len(paras) > 9:  # merge the shortest neighbouring pair
        j = min(range(1, len(paras) - 1), key=lambda k: len(paras[k]) + len(paras[k + 1]))
        paras[j:j + 2] = [paras[j] + paras[j + 1]]
    if closing:
        paras[-1:] = [paras[-1] + closing] if len(paras) >= 10 else [paras[-1], closing]
    while sum(len(x.split()) for p in paras for x in p) > 700:  # trim from the longest middle paragraph
        longest = max(paras[1:-1], key=len)
        longest.pop() if len(longest) > 1 else paras.remove(longest)
    return paras


def _article(i: int, seed: int) -> dict:
    rng = random.Random(f"newsdesk-bench-corpus:{seed}:{i}")
    when, hn, beat, source, story, ctx = _setting(rng)
    draw = _Draw(rng, ctx, _pools(hn, beat, source, story))
    for key in ("r1", "r2"):
        if key not in ctx:
            roles = source.get(key) or (hn and hn.get("r2")) or beat["r2"]
            ctx[key] = _expand(rng.choice(roles), rng, ctx, sentence=False)
    title_tpl, lead_tpl = source["stories"][story]
    title = _tidy(_expand(title_tpl, rng, ctx))
    draw.pools["filler"] = rng.sample(GENERIC["filler"], 5)
    draw.pools["reaction"] = rng.sample(GENERIC["reaction"], rng.randint(1, 2))
    lead, units, counts, quote_starts = _stream(draw, lead_tpl)
    closing = [x for x in (draw.take("out"),) if x]
    body = _tidy("\n\n".join(" ".join(p) for p in _paragraphs(rng, lead, units, counts, quote_starts, closing)))
    outlet, host = rng.choice(OUTLETS)
    authors = [_name(rng) for _ in range(1 if rng.random() < 0.8 else 2)]
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower().replace("'", ""))[:8])
    # The URL ends in the last unit's index (the article number when there are none): the number
    # every generated corpus has used, so stored benchmark corpora and their results stay valid.
    suffix = len(units) - 1 if units else i
    return dict(title=title, source=outlet, url=f"https://{host}.example/{when:%Y/%m/%d}/{slug}-{suffix}",
                published_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"), authors=authors, body=body)


def generate_articles(n: int, *, seed: int = 7) -> list[dict]:
    """n articles as dicts with keys title, source, url, published_at (ISO 8601 'YYYY-MM-DDTHH:MM:SSZ'),
    authors (list of str), body (paragraphs separated by blank lines).

    Deterministic: article i depends only on (seed, i), so generate_articles(100) is a prefix of
    generate_articles(2000). URLs are unique within one seed (they end in -<i>)."""
    return [_article(i, seed) for i in range(n)]


def write_jsonl(path, articles) -> None:
    """Write one JSON article per line (UTF-8)."""
    with open(path, "w", encoding="utf-8") as f:
        for article in articles:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate synthetic news articles as JSON lines.")
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, default=None, help="output .jsonl path (default: stdout)")
    args = parser.parse_args(argv)
    articles = generate_articles(args.n, seed=args.seed)
    if args.out is None:
        try:
            sys.stdout.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
        except BrokenPipeError:  # e.g. piped into head
            sys.stderr.close()
    else:
        write_jsonl(args.out, articles)
        print(f"wrote {len(articles)} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
