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

OUTLETS = [
    ("The Granite Courier", "granitecourier"), ("Lakeshore Gazette", "lakeshoregazette"),
    ("Pinecrest Daily News", "pinecrestnews"), ("The Copperfield Observer", "copperfieldobserver"),
    ("Redwater Business Journal", "redwaterbj"), ("Atlas Newswire", "atlasnewswire"),
    ("The Morning Compass", "morningcompass"), ("Summit Valley Times", "summitvalleytimes"),
    ("Bluehaven Chronicle", "bluehavenchronicle"), ("Iron Ridge Post", "ironridgepost"),
    ("The Civic Standard", "civicstandard"), ("Fairport Dispatch", "fairportdispatch"),
    ("Westbrook Evening Star", "westbrookstar"), ("Crescent Bay Report", "crescentbayreport"),
    ("Orchard Street Journal", "orchardstreetjournal"), ("Willowmere Sentinel", "willowmeresentinel"),
    ("The Flintridge Record", "flintridgerecord"), ("Sunfield Wire", "sunfieldwire"),
]
FIRST = ("Amara Bram Celia Dmitri Esme Farid Greta Hollis Imogen Jonas Kaia Lionel Maren Nikhil Odile Pavel "
         "Quinn Rosalind Soren Talia Umar Vera Wendell Ximena Yusuf Zora Anselm Beatrix Cormac Delphine Emeka "
         "Fiona Gideon Henrike Ivo Jasmine Kenji Leona Matthias Noemi Rafael Signe Tomasz Aurelie Bogdan Chiara").split()
LAST = ("Bellamy Brightman Corrigan Danvers Ellison Fairbanks Galloway Hartigan Iverson Jablonski Kettering "
        "Sjoberg Moravec Nakashima Oduya Pemberton Quaresma Rasmussen Sandoval Thorne Underhill Valcourt "
        "Wexford Yarrow Zielinski Ashdown Blackwood Montero Dembele Everly Fitzroy Grimaldi Halvorsen Ishikawa "
        "Kovacs Lachance Mwangi Novak Okafor Petrov Renwick Stavros Tamura Varga Whitcombe Adeyemi").split()
CITIES = ("Calderwick Brimhaven Velmora Ashcombe Redmarsh Glenholt Marisport Fernhollow Quillan Saltmoor Norwick "
          "Greyhaven Oakmere Dunraven Elmstead Kilbride Larkhill Pellston Ravensmoor Tarrow").split()
COUNTRIES = "Valdoria Estmark Lorvania Kessland Ardenne Solmara Brevia Thalassa".split()
PREFIX = "Vel Lum Quor Sol Axi Nov Cir Tal Zen Orr Bry Kav Mer Pyr Sten Tor Cal Hel Ard Fen".split()
SUFFIX = "ora ex ium ant ix ara eon ova yne is".split()
SECTOR = {
    "tech": ["Systems", "Labs", "Software", "Networks", "Robotics", "Semiconductor"],
    "energy": ["Energy", "Power", "Renewables", "Utilities"],
    "health": ["Therapeutics", "Biosciences", "Pharma", "Health"],
    "transport": ["Airways", "Logistics", "Air", "Motors"],
    "general": ["Holdings", "Group", "Industries", "Brands", "Foods", "Financial"],
}
POOLS = dict(
    asia=["Thailand", "Indonesia", "Vietnam", "the Philippines", "Malaysia"],
    crop=["wheat", "soybean", "corn", "oat", "canola"],
    bourse=["a Chicago exchange", "a regional exchange in Kansas City", "a new electronic exchange"],
    subject=["a failed housing development", "a disputed land sale", "water rights", "a factory closure", "unpaid overtime"],
    topic=["Regular afternoon naps", "Living near green space", "Eating fermented foods", "Long daily commutes",
           "Screen time before bed", "Playing a musical instrument"],
    effect=["better memory in older adults", "lower blood pressure", "poorer sleep", "higher stress levels", "fewer colds"],
    ability=["climbs walls like a gecko", "heals itself after damage", "detects spoiled food", "harvests water from air"],
    disease=["type 2 diabetes", "migraine", "asthma", "chronic kidney disease", "psoriasis", "rheumatoid arthritis"],
    drug=["Corvalex", "Tenzurol", "Maxiprene", "Olvamid", "Zelquinet", "Rivastel"],
    mascot=["Rovers", "United", "Falcons", "Mariners", "Comets", "Wanderers", "Harriers", "Lions", "Foxes", "Stags"],
    adj=["Quiet", "Silver", "Last", "Hollow", "Distant", "Paper", "Burning", "Northern", "Salt", "Winter"],
    noun=["Orchard", "Season", "Lanterns", "River", "Garden", "Shore", "Machine", "Letters", "Tide", "Hours"],
    journal=["the Annals of Coastal Research", "Frontiers in Materials Letters", "the Journal of Regional Ecology",
             "Population Health Reports", "the Review of Applied Astronomy"],
    region=["Northern Lakes", "Upper Valley", "Eastern Coast", "Highland", "Southern Plains", "River Delta"],
    token=["Aurel", "Nimbus", "Quill", "Tessera", "Halo", "Vanta", "Corvid", "Lattice", "Ember", "Prism"],
    exchange=["Bitstrand", "Lodestar Exchange", "Cinder Markets", "Tradewell", "Flintcoin", "Zephyr Exchange"],
    product=["laptop", "processor", "cloud storage service", "messaging app", "smart speaker", "fitness tracker"],
)
WDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
ORDINALS = "second third fourth fifth sixth seventh eighth ninth".split()

# One template per line: "kind: text" or "kind@<story digits>: text". A story line is "title || lead".
TEMPLATES = """
== markets general
r1: chief executive of {company} ; {company}'s chief financial officer ; chairman of {company}
r2: a portfolio manager at {firm} ; chief market strategist at {firm} ; an equity analyst at {firm} ; head of trading at {firm}
story: [Stocks|Shares] [Slide|Retreat] as {company} [Warning|Forecast Cut] [Rattles|Unsettles] Investors || [Shares on the {index}|The {index}] [fell|slipped|dropped] {move}% on {wday}, [their steepest one-day decline since {prev_month}|ending a three-day rally], after {company} [cut its full-year forecast|warned that orders were slowing] and [dragged down|weighed on] other [industrial|consumer] stocks.
story: {index} [Climbs|Gains] {move}% [on Upbeat Earnings|as Inflation Fears Ease] || The {index} [rose|climbed|advanced] {move}% on {wday} as investors [cheered|welcomed] [better-than-expected quarterly results|signs that inflation is cooling] and [piled back into|returned to] [technology|industrial|consumer] stocks.
story: {company} Shares [Soar|Surge] After Takeover Offer From {company2} || Shares of {company} [jumped|surged|soared] {big_move}% in {city} trading on {wday} after the company [agreed to be acquired by {company2} for {deal}|accepted a {deal} takeover offer from {company2}].
story: Bond Yields [Jump|Climb] in {country} as Inflation [Data Surprises|Runs Hot] || Government bond yields in {country} [climbed to their highest level in {n_small} months|posted their biggest weekly gain since {prev_year}] on {wday} after [figures showed consumer prices rising {infl}% from a year earlier|annual inflation came in at {infl}%], [faster than economists had expected|well ahead of forecasts].
detail: [Foreign investors|Overseas funds] were net [buyers|sellers] of {country} shares [for a {ordinal} straight session|on the day], according to [exchange data|figures from {firm}].
detail: [The volatility index|A gauge of expected volatility] [rose|fell] to its [highest|lowest] level since {prev_month}, [a sign of|reflecting] [rising nervousness|calmer sentiment] among [traders|investors].
detail: [Dividend payers|High-dividend stocks] [lagged|outperformed] as [bond yields moved|investors reassessed the outlook for rates].
detail: [Trading volume was about {pct2}% above the 30-day average|Volume was roughly in line with the monthly average|Turnover was light], with about {n_mid}0 million shares changing hands [by the close|across the session].
detail: [Energy|Utility|Bank|Retail|Mining] stocks were among the [biggest decliners|weakest performers], while [consumer staples|health care shares|defensive sectors] held up [better|relatively well].
detail: [The index has gained about {pct2}% since the start of {year}|Since January the benchmark is up about {pct2}%|The gauge is down roughly {pct2}% for the year], [trailing|outpacing] [most|several] of its regional peers.
detail: [Currency traders also reacted|The currency moved too], with the {country} [currency|unit] [weakening|strengthening] {pct}% against the dollar [by late afternoon|in early trading].
detail: More than {n_mid} companies in the index are [due|scheduled] to report results [over the next two weeks|before the end of the month], which could keep [volatility|price swings] elevated.
detail: [Market breadth was weak|Breadth was narrow|Breadth was strong], with [decliners|advancers] outnumbering [advancers|decliners] by about [two to one|three to one] [on the main board|across the exchange].
detail: [Smaller companies|Small-cap stocks] [fared worse|did better], with a gauge of [mid-sized|smaller] firms [ending|closing] {pct}% [lower|higher].
detail: [Gold|Copper|Crude oil] [rose|fell] {pct}% [over the session|on the day], [adding to|offsetting] [moves|swings] in [mining|energy] shares.
detail@0: {company} said it now expects [revenue|sales] to [fall|decline] by as much as {pct2}% this year, [citing|blaming] [weaker orders from retailers|higher input costs|a slowdown in export markets].
detail@0: {company2}, a [rival|competitor|major supplier] of {company}, [also fell|slid in sympathy], losing {pct}% [by the close|on the day].
detail@0: Short sellers had [increased|built up] their positions in {company} in recent weeks, according to data from {firm}.
detail@01: {company} said [net income|operating profit] for the {quarter} came to {money}, [down|up] {pct2}% from a year earlier, [short of|ahead of] the average analyst estimate.
detail@1: [Chipmakers|Software companies|Carmakers] [led the gains|were the strongest performers], [with|as] {company} [rising|climbing] {pct}% after [reporting|posting] [record|stronger-than-expected] [quarterly sales|orders].
detail@1: [About|Roughly] {pct2}% of the companies that have reported so far have [beaten|topped] [profit|earnings] estimates, according to {firm}.
detail@2: [The offer|The price] [represents|amounts to] a premium of about {pct2}% to {company}'s closing price [the previous day|before the announcement].
detail@2: Options activity [picked up|spiked] [before|ahead of] the announcement, with traders [buying|snapping up] contracts that would pay off if the shares [moved sharply|jumped].
detail@2: {company}'s board [backed|recommended] the [offer|plan], and [a shareholder vote|approval from regulators] [is expected|will be needed] [by {next_month}|within months], [the company said|people familiar with the matter said].
detail@3: The yield on the [10-year|two-year] government bond [rose|climbed] to {yield}%, according to [dealer quotes|market data] compiled by {firm}.
detail@3: [Traders|Investors] [increased|raised] bets that the central bank would [raise rates again|keep rates higher for longer], [pushing|sending] [short-term|two-year] yields up [the most|sharply].
detail@3: [Core inflation, which strips out food and energy,|Inflation excluding food and energy] [rose|climbed] to {infl2}%, [the statistics office said|according to the statistics office].
detail@3: [Mortgage lenders|Banks] in {country} [began|started] raising [fixed-rate|home loan] [offers|rates] [within hours|the same day], [brokers said|according to brokers].
quote: [The market|Investors] had priced in a [lot|great deal] of good news, and today was a reminder that [earnings still matter|valuations were stretched]
quote: We are seeing [a rotation|money move] out of [growth|technology] names and into [companies with steady cash flows|more defensive areas]
quote: [One bad quarter|A single forecast] does not change the long-term picture, but it does make people [nervous|cautious]
quote@3: The bond market is [telling us|signaling] that inflation is [not beaten yet|stickier than hoped]
quote: [I would not read too much into|It is too early to draw conclusions from] a single session
quote@2: [The offer|This price] [reflects|recognizes] the value we have built, and the board believes it is [fair|in shareholders' interest]
back: Markets in {country} have been [volatile|choppy] [this year|in recent months] as investors [weigh|try to gauge] [how long interest rates will stay high|the strength of consumer spending|the outlook for corporate profits].
back: {company}, which is based in {city}, employs about {n_big} people and sells [industrial equipment|consumer electronics|packaged foods|building materials] in more than {n_mid} countries.
back: Strategists at {firm} [lowered|raised] their year-end target for the {index} [last month|earlier this month], citing [slower growth|resilient profits|lower energy costs].
back: Retail investors have accounted for a growing share of trading [in recent years|since the pandemic], according to figures from the [exchange operator|market regulator in {country}].
back: [The last time the index moved this much in a single session was in {prev_month}|A similar swing in {prev_month} was followed by weeks of choppy trading], when [worries about a slowdown|a surprise rate move] [shook|gripped] markets.
out: Investors will [next|now] turn their attention to [inflation figures|retail sales data|the central bank's next policy meeting] due [next week|on {next_wday}|later this month].
out: {company} is [scheduled|expected] to [hold its annual shareholder meeting|give an investor update] in {next_month}.
out: [Strategists|Analysts] said [further|more] swings were likely before the [earnings|reporting] season [ends|wraps up].

== central_banks general
r1: governor of the {cbank} ; the {cbank}'s governor
r2: chief economist at {firm} ; an economist at {firm} ; a former policymaker now at {firm}
story: {cbank} [Holds|Keeps] Rates at {rate}% [and Signals Patience|as Growth Slows] || The {cbank} [left its benchmark interest rate unchanged at {rate}%|held its policy rate at {rate}%] on {wday}, [saying|arguing] it needed [more evidence|more data] before deciding whether inflation was firmly on a path back to its target.
story: {cbank} [Cuts|Lowers] Key Rate by {bps} Basis Points to {rate}% || The {cbank} [cut|lowered] its [key|benchmark] rate by {bps} basis points to {rate}% on {wday}, [its first reduction in {n_small} years|the second cut this year], as [growth stalled|unemployment edged higher|consumer spending weakened] across {country}.
story: {cbank} [Raises|Lifts] Rates to {rate}% as Prices [Keep Rising|Climb] || The {cbank} [raised|lifted] interest rates by {bps} basis points to {rate}% on {wday} and [signaled|hinted] that [further increases|more tightening] could follow, after inflation in {country} [ran at|reached] {infl}% in {prev_month}.
story: {cbank} Governor [Warns|Cautions] on [=risk:Household Debt|Property Lending|Wage] Risks || {p1}, the governor of the {cbank}, [warned|cautioned] in a speech on {wday} that [=risk:household debt|commercial property lending|rapid wage growth] posed a [growing|rising] risk to [financial stability|the inflation outlook] in {country}.
detail: [Retail sales|Consumer spending] in {country} [fell|rose] {pct}% in {prev_month} from the previous month, according to [the statistics office|official data].
detail: [Business surveys|Purchasing managers' surveys] [pointed to|suggested] [a slowdown|modest growth] in [manufacturing|services] [this quarter|in recent months], according to {firm}.
detail: [Banks|Commercial lenders] in {country} [said|reported] that demand for [mortgages|business loans] had [weakened|picked up] [over the past quarter|since {prev_month}], according to the bank's lending survey.
detail: [Consumer prices in {country} rose {infl}% in the year to {prev_month}|Annual inflation in {country} stood at {infl}% in {prev_month}], [above|well above|close to] the bank's target of 2%.
detail: [Mortgage rates have roughly doubled since the bank began tightening in {prev_year}|Borrowing costs for homeowners have climbed sharply], [squeezing|pressuring] household budgets in cities such as {city}.
detail: The bank [lowered|raised|kept] its growth forecast for {year} [to|at] {growth}%, and [now expects|projects] inflation to [average|settle at] {infl2}% [next year|in {next_year}].
detail: [Unemployment in {country} stood at {unemp}% in {prev_month}|The jobless rate was {unemp}% in {prev_month}], [little changed|up slightly|down slightly] from a year earlier.
detail: [Wage growth has slowed to about {infl2}% a year|Pay is rising about {infl2}% a year], [according to|based on] [official figures|a survey of employers by {firm}].
detail: [Home prices in {city} have fallen about {pct2}% from their peak|House prices in {city} are up about {pct2}% from a year earlier], according to [a property index compiled by {firm}|the national land registry].
detail: The bank said it would [keep shrinking|continue reducing] its holdings of government bonds [at a pace of|by about] {money2} a month.
detail: Minutes of the previous meeting showed [policymakers|committee members] divided over [how quickly to act|the risks from a weaker labor market].
detail@012: [The decision was unanimous|The decision was backed by {votes9} of the nine members of the policy committee], [according to a statement released after the meeting|the bank said].
detail@012: [Most economists surveyed by {firm} had expected the move|The move had been widely expected by economists polled by {firm}], though [a minority|several] had predicted a [different|bigger] step.
detail@012: The {country} currency [rose|fell] {pct}% against the dollar after the announcement, while [short-term bond yields|two-year yields] [dropped|jumped].
detail@3: {p1_last} said [household borrowing|lending to property developers] had [grown faster than incomes|risen about {pct2}% a year] [since {prev_year}|over the past three years].
detail@3: The bank's [next|latest] financial stability report, [due|to be published] in {next_month}, is expected to [examine|look at] [bank exposure to property|household debt] in detail.
detail@3: [Bank shares|Property stocks] [fell|slipped] {pct}% after the [speech|remarks], [as|while] investors [weighed|considered] the prospect of [tighter lending rules|new limits on mortgages].
detail@3: [The governor|{p1_last}] did not [comment directly|signal anything] on the [next rate decision|path of interest rates], [saying|noting] that policy [would depend on|would be guided by] the data.
quote: We will do what is [necessary|needed] to bring inflation back to target, [but|and] we are [mindful|aware] of the costs for households
quote: The [data|evidence] does not yet give us the confidence we need to [change course|declare victory]
quote: [Policy|Monetary policy] works with long and variable lags, and we have to be patient
quote: The bank is [clearly|plainly] more worried about [growth|jobs] than it was [three months ago|at the start of the year]
quote: [Markets|Investors] [got|heard] a more [cautious|hawkish] message than they expected
quote@3: Debt that looks [manageable|affordable] when rates are low can become a [burden|problem] [very quickly|when they rise]
back: The {cbank} [began|started] raising rates in {prev_year} after [inflation surged|prices climbed] to the highest level in [decades|a generation], [driven by|fueled by] [energy costs|food prices|a tight labor market].
back: {country}'s economy [grew|expanded] [only|just] {growth}% in the {quarter} from a year earlier, [according to|based on] [official figures|the national statistics office].
back: The bank's independence has been [debated|questioned] [in parliament|by opposition lawmakers] in recent months amid [complaints|frustration] about borrowing costs.
back: {p1} took over as governor in {prev_year} after [a career at the finance ministry|years as the bank's chief economist].
back: [Several|Many] central banks [around the world|in the region] have [begun to change course|adjusted policy] [this year|in recent months], as [inflation|price growth] [eases|slows] [unevenly|at different speeds].
back: [Households|Borrowers] in {country} [mostly|largely] [hold|have] [variable-rate|short-term fixed] mortgages, so rate changes [feed through|pass through] [quickly|fast] to [monthly payments|family budgets].
out: The {cbank} next meets in {next_month}, when it will also publish [updated forecasts|its quarterly monetary policy report].
out: [Traders|Futures markets] now [price in|expect] [one more cut|another increase|no change] before the end of {year}, according to {firm}.
out: [Economists|Analysts] said the [wording of the statement|press conference] left the door open to [further moves|a pause] [early next year|in the coming months].

== tech tech
r1: chief executive of {company} ; {company}'s president ; head of products at {company}
r2: an analyst at {firm} ; a technology analyst at {firm} ; a partner at {firm}
story: {company} [Unveils|Launches] [New|Redesigned] {Product} || {company} [unveiled|introduced|launched] [a new|its latest] {product} on {wday}, [betting that|in a wager that] [customers|businesses] will pay [more|a premium] for [faster performance|better privacy|longer battery life].
story: {company} to Cut {jobs} Jobs in [Restructuring|Cost Drive] || {company} said on {wday} that it would cut about {jobs} jobs, or roughly {pct2}% of its workforce, as it [shifts spending toward artificial intelligence|tries to reduce costs|reorganizes its hardware division].
story: {company} [Agrees to Buy|to Acquire] {company2} for {deal} || {company} [agreed to acquire|said it would buy] {company2}, a [{city2}-based|smaller] maker of [data analytics software|security tools|industrial sensors], for about {deal} [in cash|in cash and stock], the companies said on {wday}.
story: {company} [Outage|Glitch] [Disrupts|Hits] Millions of Users || Millions of users of {company}'s [email|cloud|payments|video] services were [locked out|unable to log in] for [several|about {n_small}] hours on {wday} after [a faulty software update|a configuration error|a problem at a data center in {city}].
detail: [Customer|User] numbers [grew|rose] about {pct2}% [last year|in {prev_year}] to roughly {n_big}00,000, according to the company's [annual report|latest filing].
detail: [Supply-chain problems|Shortages of components] [have eased|have lingered] [since {prev_year}|in recent months], [helping|hurting] [margins|delivery times], according to {firm}.
detail: [Developers|App makers] [building on|that rely on] {company}'s [platform|tools] [number|total] about {n_big}, the company said.
detail: [Privacy advocates|Consumer groups] in {country} [have questioned|have raised concerns about] how {company} [collects|uses] [customer data|personal information].
detail: {company} reported revenue of {money2} in the {quarter}, [up|down] {pct2}% from a year earlier, with [cloud|advertising|hardware] sales [leading|lagging].
detail: Shares of {company} [rose|fell] {pct}% in [extended|early] trading [following|after] the announcement.
detail: The company employs about {n_big} people, [most of them|many of them] at its headquarters in {city} and a research campus in {city2}.
detail: {company} has [struggled|worked] to [win over|attract] [business customers|younger users] [in recent years|since {prev_year}], according to [market research from {firm}|surveys by {firm}].
detail: [The company spent about {money2} on research and development last year|Research spending reached {money2} last year], [roughly|about] {pct2}% of revenue.
detail: [Its share of the market in {country} has slipped to about {pct2}%|Its market share in {country} has grown to about {pct2}%], according to estimates from {firm}.
detail@013: [Competitors|Rivals] including {company2} have [rolled out|announced] similar [products|features] in recent months.
detail@0: The {product} will [go on sale|become available] in {next_month}, [starting at|priced from] {price}.
detail@0: [Engineers|The company] said the {product} [uses|draws] about {pct2}% less power than [its predecessor|the previous generation] and [runs|performs] [noticeably|markedly] faster.
detail@0: [Early reviews|Reviewers given early access] [praised|welcomed] the [design|build quality] but [questioned|raised doubts about] the price.
detail@1: The cuts will [fall mostly on|affect mainly] [sales and marketing|middle management|hardware teams] and [are expected|are due] to be completed [by the end of the {quarter}|within {n_small} months].
detail@1: {company} said it would [record|take] [restructuring charges|severance costs] of about {money} [over the next two quarters|this year].
detail@1: [Affected employees|Departing staff] will [receive|get] [at least|about] {n_small} months of [pay|severance] and [help finding new jobs|extended health coverage], the company said.
detail@2: The [deal|acquisition] is expected to close [by the end of {year}|in {next_month}], subject to [regulatory approval|shareholder approval|antitrust review] in {country}.
detail@2: {company2} [was founded|started] in {prev_year} and [has about|employs roughly] {n_mid}0 people, [most of them|many of them] engineers.
detail@2: The price values {company2} at about {n_small}{n_small} times its annual [revenue|sales], [a rich multiple|a premium] [by industry standards|for the sector].
detail@3: {company} said [no customer data|no personal information] had been [lost|exposed] and that [the faulty change|the root cause] had been [reversed|identified].
detail@3: [Businesses|Small businesses] that [rely|depend] on the service [reported|said they had] [missed orders|lost sales] during the outage, [according to posts on social media|in complaints to a consumer group].
detail@3: [Reports of problems|Complaints] [peaked at|reached] about {n_big} [an hour|per hour] on [an outage-tracking website|a site that monitors service disruptions].
quote@0: [This is|We think this is] the most significant [product|launch] we have done in [a decade|years]
quote@1: These are [difficult|hard] decisions, and they affect [colleagues|people] who have [worked hard|contributed a great deal]
quote: [Customers|Buyers] are [more careful|pickier] with their budgets, and every [feature|dollar] has to earn its place
quote@2: The [deal|purchase] gives them [talent|technology] they would have taken years to build on their own
quote@3: An outage of this length [damages trust|is a serious matter] for a company that [sells reliability|runs critical services]
quote: [The industry|Tech] is [resetting|adjusting] after years of [easy money|rapid growth], and [nobody|no company] is [immune|exempt]
quote@3: [We apologize|We are sorry] to everyone [affected|who was affected], and we will [learn from this|publish a full review]
back: {company} was founded in {city} in the [1990s|early 2000s] and [grew|expanded] quickly during the [pandemic|boom in remote work].
back: The technology industry has [shed|cut] tens of thousands of jobs since {prev_year} as [growth slowed|interest rates rose] and investors [demanded|pushed for] higher profits.
back: Regulators in {country} have [stepped up|increased] scrutiny of [large technology deals|data handling by tech companies] [in recent years|since {prev_year}].
back: Spending on [artificial intelligence|data centers] has [surged|soared] as companies [race|rush] to [build|train] larger models.
back: [Cloud|Online] services [have become|are now] [critical|essential] infrastructure for [hospitals|banks|retailers], [raising|increasing] the stakes when they fail.
out: {company} will [report|publish] its next quarterly results in {next_month}.
out: [Analysts|Industry watchers] said [rivals|competitors] were likely to [respond|follow] with [price cuts|their own announcements] before the end of the year.
out: The company said it would hold a [developer conference|product event] in {city} [later this year|in {next_month}].

== crypto tech
r1: chief executive of {exchange} ; {exchange}'s head of security ; a co-founder of {exchange}
r2: a digital-asset analyst at {firm} ; head of research at {firm} ; a crypto trader in {city}
story: {token_name} [Surges|Jumps] {big_move}% as [Traders|Investors] [Pile In|Return] || The price of {token} [jumped|surged] about {big_move}% on {wday}, [making it one of the best-performing digital assets of the week|its biggest daily gain in months], after [developers announced an upgrade|a large payments firm said it would accept it|trading volumes spiked] on {exchange}.
story: Crypto Exchange {exchange} [Halts|Pauses] Withdrawals After [Hack|Theft] || Crypto exchange {exchange} [paused|suspended] customer withdrawals on {wday} after attackers [drained|stole] about {money} from one of its [hot wallets|online wallets], [saying|adding] that user balances [would be|were being] [restored|protected].
story: {exchange} [Wins|Secures] License in {country} || {exchange}, a [mid-sized|fast-growing] cryptocurrency [exchange|trading platform] based in {city}, said on {wday} that it had [received|been granted] a license to [operate|offer trading services] in {country}.
story: Bitcoin [Slides|Tumbles] Below {price_btc} as [Risk Appetite Fades|Sell-Off Deepens] || Bitcoin [fell|dropped|slid] below {price_btc} on {wday}, [extending a week-long decline|its lowest level in {n_small} weeks], as [investors pulled back from riskier assets|a large holder moved coins to exchanges|rising bond yields weighed on speculative bets].
detail: [Searches for|Online interest in] [crypto|digital assets] [rose|fell] [sharply|noticeably] [this week|in recent days], according to [data from {firm}|an analysis by {firm}].
detail: [Mining revenue|Income for bitcoin miners] [rose|fell] about {pct2}% [in {prev_month}|last month], according to {firm}, as [prices|transaction fees] [moved|changed].
detail: [Venture funding|Investment] in crypto start-ups [totaled|reached] about {money2} [last year|in {prev_year}], according to {firm}.
detail: [Surveys|A recent survey] by {firm} found that about {pct2}% of adults in {country} [had bought|owned] [crypto|a digital asset] at some point.
detail: [Trading volume across major exchanges rose to about {money2} over 24 hours|About {money2} changed hands across major exchanges in a day], according to data compiled by {firm}.
detail: [Liquidations|Forced selling] of leveraged [positions|bets] [totaled|reached] about {money} [in a single day|over the session], according to {firm}.
detail: [Ether, the second-largest cryptocurrency,|Ether] [rose|fell] {pct}% [over the same period|on the day], [while|and] [smaller tokens|most smaller tokens] [moved|swung] [more sharply|even more].
detail: [Stablecoins now account for|Dollar-linked tokens make up] about {pct2}% of trading on [large|major] exchanges, according to [estimates from {firm}|figures compiled by {firm}].
detail: Bitcoin [was trading|changed hands] at about {price_btc2} [late on {wday}|by {wday} evening], according to [price data from {firm}|industry trackers].
detail: [Funding rates on derivatives platforms|The cost of holding leveraged long positions] [rose to their highest|fell to their lowest] level in [weeks|a month], [suggesting|a sign] that [traders were turning more bullish|appetite for risk was fading].
detail@0: {token_name} has a market value of about {money2}, according to [price data from {firm}|industry trackers].
detail@0: [Developers|The project's developers] said the upgrade would [cut transaction fees|speed up settlement] by about {pct2}%.
detail@0: [Social media|Online forums] [buzzed|lit up] with [posts|discussion] about {token_name}, and [searches|interest] [for the token|in the project] [jumped|surged] [over the week|in recent days].
detail@1: {exchange} said it had [moved|shifted] most customer funds to [cold storage|offline wallets] and hired [an outside security firm|forensic investigators] to [trace|track] the [stolen coins|affected transactions].
detail@1: [Blockchain analysts said|On-chain data showed] that [funds were moved through|the coins were routed through] [several|{n_small}] [intermediary wallets|mixing services] within hours.
detail@1: Financial regulators in {country} [said|confirmed] they were [monitoring|looking into] the [incident|situation] and had [contacted|asked] {exchange} for [information|a report].
detail@12: The exchange said it [serves|has] about {n_big} [customers|registered users] and [handles|processes] roughly {money} in trades on a typical day.
detail@2: The license allows {exchange} to offer [spot trading|custody and trading] to retail customers in {country}, where [about {pct2}% of adults|a growing share of young people] [own|hold] digital assets.
detail@2: {exchange} said it would [hire|add] about {n_mid} [staff|compliance staff] in {country} and [open|set up] an office in {city2} [by {next_month}|next year].
detail@2: [Obtaining|Securing] the license [took|required] about [14|18|20] months and [involved|included] [audits|reviews] of the exchange's [reserves|custody arrangements].
detail@3: [Outflows from bitcoin investment products|Withdrawals from crypto funds] [totaled|reached] about {money} [over the week|in the past week], according to {firm}.
detail@3: [A large holder|A wallet linked to an early miner] [moved|transferred] about {n_big} bitcoin to exchanges [earlier in the week|on {wday}], [fueling|adding to] [fears|worries] of [selling|a sell-off].
detail@3: [Crypto-linked stocks|Shares of crypto miners] [also fell|followed bitcoin lower], with some [dropping|losing] more than {pct2}%.
quote: [Crypto|This market] still trades on [sentiment|momentum], and sentiment [turned|shifted] quickly this week
quote@1: Security [has to come first|is the whole business] for an exchange, and [customers will remember|users will judge us by] how we handle this
quote@2: [A license|Regulatory approval] in a market like this [opens doors|matters a lot] with banks and [payment partners|institutional clients]
quote: [People|Traders] are [taking profits|de-risking] after a [strong|long] run
quote@1: We are [committed|determined] to making every affected customer whole
quote: [Liquidity|Depth] in these markets is [thinner|shallower] than it looks, so [moves|swings] get [exaggerated|amplified]
back: Crypto markets have [swung|lurched] sharply since {prev_year}, when a series of [collapses|failures] at [lenders|trading firms] [wiped out|erased] hundreds of billions of dollars in value.
back@12: {exchange} was founded in {prev_year} and [has raised|raised] about {money} from [venture investors|backers] [including {firm}|in two funding rounds].
back@12: {country} [introduced|adopted] [a licensing regime|new rules] for crypto [firms|service providers] in {prev_year}, [requiring|obliging] them to [hold reserves|segregate customer funds] and [report|disclose] large transactions.
back: Thefts from crypto platforms [totaled|reached] [several billion dollars|billions of dollars] [last year|in {prev_year}], according to [industry estimates|blockchain analytics firms].
back: Bitcoin has [swung|moved] [widely|sharply] [this year|in recent months], [tracking|often tracking] [shifts in interest-rate expectations|moves in technology stocks].
out@1: {exchange} said it expected to [resume|restart] withdrawals [within {n_small} days|by {next_wday}] after [completing|finishing] [a review|security checks].
out: [Analysts|Traders] said they were watching [inflation data|central bank decisions|flows into exchange-traded products] for the next [move|signal].
out@0: The [upgrade|network change] is scheduled to [go live|take effect] in {next_month}.
out@2: {exchange} said it [planned|expected] to [begin onboarding|start accepting] customers in {country} [by {next_month}|within weeks].

== regulation general
r1: a spokesperson for the {regulator} ; head of enforcement at the {regulator} ; chair of the {regulator}
r2: a financial-regulation lawyer at {firm} ; a policy analyst at {firm} ; director of a consumer advocacy group in {city}
story: {regulator} Fines {company} {fine} Over [=fault:Misleading Ads|Reporting Failures|Complaint Handling] || The {regulator} fined {company} {fine} on {wday} [for|over] [=fault:misleading advertising of savings accounts|failing to report suspicious transactions|mishandling customer complaints], [saying|finding] that the failures had [affected|harmed] about {n_big} customers.
story: {regulator} Proposes [=bnpl:Affordability Checks|Registration and Fee Rules] for Buy-Now-Pay-Later Lenders || The {regulator} [proposed|unveiled] rules on {wday} that would [=bnpl:require buy-now-pay-later lenders to check whether borrowers can afford repayments|force buy-now-pay-later lenders to register and disclose fees more clearly], [bringing|putting] the fast-growing [industry|sector] under [tighter|formal] oversight.
story: {regulator} [Tightens|Raises] Capital Rules for [Midsize|Regional] Banks || The {regulator} said on {wday} that [midsize|regional] banks would have to hold [more capital|larger capital buffers] [against|to cover] [commercial property loans|potential losses], [a move|a change] [meant to|designed to] make them [sturdier|more resilient] in a downturn.
story: {regulator} [Seeks Comment|Opens Consultation] on [=disc:Climate|Cyber-Risk] Disclosures || The {regulator} [opened a consultation|asked for public comment] on {wday} on [rules|proposals] that would require [listed companies|large firms] to [=disc:disclose climate-related risks in their annual reports|report cyberattacks and other breaches promptly].
detail: [The agency's board|The regulator's board] [voted|decided] [unanimously|by a narrow margin] to [move ahead|proceed], [according to|the agency said in] [minutes published on {wday}|a statement].
detail: [The {regulator}|The agency] said it had [consulted|met with] [more than|about] {n_mid} [firms|industry groups and consumer organizations] [before|while] [drafting|preparing] the [measure|proposal].
detail: [Similar|Comparable] [rules|requirements] [already apply|were adopted] in [several|{n_small}] other countries, [according to|said] {firm}.
detail: [Smaller firms|Small businesses] [could|would] [get|receive] [more time|an extra year] to [comply|adapt], [under|according to] the [proposal|plan].
detail@123: The {regulator} [has received|received] [more than|about] {n_big} comment letters [on|about] [its recent proposals|the draft rules], according to [its website|a tally by {firm}].
detail: [Industry groups|Trade associations] said they [would|planned to] [review|study] the [details|text] [closely|carefully] [before commenting|before deciding how to respond].
detail@123: [The rule would take effect in stages over|The requirements would be phased in over] [two|three] years, [giving|to give] [firms|companies] time to [adjust|update their systems].
detail: [Consumer groups|Investor advocates] [welcomed|praised] the [step|move] but said it [did not go far enough|should have come sooner].
detail@123: [Compliance could cost the industry about {money} a year|The cost of complying would reach about {money} a year across the sector], [according to an estimate by {firm}|the agency estimated].
detail@123: [Lawyers|Compliance specialists] said [firms|companies] were likely to [need|have] to [hire staff|invest in new systems] to [meet|comply with] the [requirements|rules].
detail@0: {company} said it [had cooperated|cooperated fully] with the [investigation|inquiry] and had [already|since] [fixed|addressed] the [problems|failures] the regulator identified.
detail@0: The [penalty|fine] is [among|one of] the [largest|biggest] the regulator has imposed [this year|since {prev_year}].
detail@0: [Affected|Eligible] customers will [receive|be paid] [refunds|compensation] totaling about {money}, the {regulator} said.
detail@1: Buy-now-pay-later [loans|plans] [let shoppers split|allow shoppers to spread] purchases into [four|several] [interest-free|installment] payments, and [their use|usage] has [more than doubled|grown rapidly] [since {prev_year}|in recent years].
detail@1: [About|Roughly] {pct2}% of [users|borrowers] [missed|were late on] at least one payment [last year|in the past year], [according to a survey by {firm}|a survey by {firm} found].
detail@1: [Lenders|Providers] said [most|the vast majority] of their customers [repay on time|pay on schedule] and warned that [strict|heavy-handed] rules could [push|drive] [shoppers|borrowers] toward [costlier|more expensive] credit.
detail@2: The change would [raise|lift] capital requirements for the affected banks by about {pct2}% on average, [the regulator estimated|according to the regulator].
detail@2: [Bank shares|Shares of regional lenders] [fell|slipped] {pct}% [after the announcement|on the news].
detail@2: [About|Some] {n_mid} banks would be [covered|affected] by the [rule|change], [holding|with] combined assets of about {money2}.
detail@3: [=disc:Companies would have to describe how climate change could affect their business and|Companies would have four business days to disclose a material breach and] [report|explain] [how they manage the risk|what they are doing about it], under the [proposal|draft].
detail@3: The consultation [runs|will run] [until|through] {next_month}, after which the {regulator} [will|plans to] [publish|issue] a final rule.
detail@3: [Investors|Large asset managers] have [pressed|pushed] for [clearer|more consistent] disclosures, [saying|arguing] that [current|existing] reports are [hard to compare|patchy].
quote: [Clear rules|Clear, predictable rules] [protect|help] [consumers|investors] and [honest firms|responsible businesses] alike
quote@0: [Firms|Companies] that [cut corners|ignore the rules] should expect [consequences|to be held to account]
quote: [We support|We agree with] the goal, but the [details|timeline] will matter a great deal
quote: These are [sensible|overdue] [changes|steps] that [close|fix] [obvious|long-standing] gaps
quote: [Regulators have|The agency has] to [balance|weigh] [safety|protection] against the [cost|burden] for smaller firms
back: [Financial regulators|Regulators] [in many countries|around the world] have [tightened|stepped up] [oversight|supervision] [since the pandemic|after a run of bank failures].
back: [Writing new rules|Rulemaking] usually takes [months|a year or more] [from proposal to adoption|to finalize], with [several|multiple] rounds of [public comment|revisions].
back: Spending on lobbying by [financial firms|the finance industry] [rose to a record|reached about {money}] [last year|in {prev_year}], according to [disclosure filings|public records].
back@0: {company}, based in {city}, [has about|serves roughly] {n_big} customers and [reported|posted] revenue of {money2} last year.
out@123: The [rule|measure] is expected to [take effect|come into force] in [early|late] {next_year}.
out: [Industry groups|Opponents] said they would [consider|weigh] [a legal challenge|their options].
out: [The agency|Officials] said [further|additional] [guidance|proposals] would [follow|be published] [later this year|in {next_month}].

== courts general
r1: a lawyer for {company} ; the lead prosecutor in the case ; a spokesperson for {company}
r2: a law professor at the University of {city} ; a litigation partner at {firm} ; a former judge now at {firm}
story: Jury [Finds|Rules] {company} Liable in [=case:Patent|Contract|Product] Case || A jury in {court} found {company} liable on {wday} for [=case:infringing patents held by {company2}|breaching a supply contract with {company2}|selling defective products], [awarding|ordering] [damages of|payment of] {fine}.
story: Judge [Blocks|Halts] {city} [=rule:Zoning Rule|Parking Ordinance|Rent Cap] || {judge} of {court} [temporarily blocked|halted] a new {city} [=rule:zoning rule|parking ordinance|rent cap] on {wday}, [ruling|finding] that the city had [likely exceeded its authority|failed to follow required procedures].
story: Former {company} Executive Convicted in Fraud Case || {p3}, a former [finance chief|sales director] at {company}, was convicted of [wire fraud|securities fraud] on {wday} for [inflating revenue figures|misleading investors about orders|diverting company funds], [after a {n_small}-week trial|following a trial] in {court}.
story: Appeals Court [Revives|Reinstates] {city} Lawsuit Over {subject_title} || A state appeals court on {wday} [revived|reinstated] a lawsuit over {subject}, [sending the case back|returning the dispute] to {court} [for trial|for further proceedings].
detail: [Outside|Legal] experts said the [case|ruling] could [influence|shape] [similar disputes|other cases] [pending|now being heard] in {country}.
detail: [Reporters|Journalists] and [members of the public|onlookers] [lined up|queued] [outside|at] the courthouse [before dawn|early in the morning] to [get|secure] a seat.
detail@02: [Jury selection|Pretrial motions] [took|stretched over] [more than a week|several days], [with|as] [both sides|lawyers for each side] [questioning|screening] [potential jurors|candidates] about their [views|experience].
detail@02: [Exhibits|Documents] [shown|presented] [in court|at trial] included [internal emails|spreadsheets and meeting notes] from [{prev_year}|several years ago].
detail: [The judge|The court] [had|has] [rejected|turned down] [earlier requests|a request] [to move|to delay] the [case|proceedings], [court records show|according to court records].
detail: [Court filings show|Records filed with the court show] that the [dispute|case] has been [running|dragging on] [since {prev_year}|for {n_small} years], through [several|{n_small}] [rounds of mediation|failed settlement talks].
detail: [Legal fees on both sides have run into millions|Each side has spent several million dollars on lawyers], according to [court filings|people familiar with the case].
detail: The courtroom was [packed|full] [on {wday}|for the ruling], with [dozens of|about {n_mid}] [observers|supporters] [watching|following] [the proceedings|from the gallery].
detail: [Neither side|Lawyers for both sides] [commented|responded] [immediately|right away] [when asked about|to questions about] [a possible settlement|whether talks would resume].
detail@0: The trial lasted {n_small} weeks and included testimony from [more than|about] {n_mid} witnesses, [among them|including] [former employees|outside experts|company engineers].
detail@0: Lawyers for {company} said they would [appeal|ask the judge to set aside] the verdict, [arguing|saying] that the [damages|award] were [excessive|unsupported by the evidence].
detail@0: The jury [deliberated|debated] for about {n_small} days before [reaching|returning] its verdict.
detail@2: [Prosecutors|The government] said the scheme [ran|lasted] from {prev_year} to {year} and [cost investors|caused losses of] about {money}.
detail@2: [The defense|Defense lawyers] had [argued|contended] that {p3_last} [relied on|followed] the advice of [accountants|lawyers] and did not intend to deceive anyone.
detail@2: [Two former colleagues|Several former employees] [testified|gave evidence] for the prosecution [under|as part of] [cooperation agreements|plea deals].
detail@1: {judge} wrote in a {n_mid}-page [opinion|ruling] that the [plaintiffs|challengers] were likely to [succeed|prevail] on [at least one|several] of their claims.
detail@1: The [city|city attorney's office] said it was [reviewing|studying] the [decision|order] and [had not decided|would decide soon] whether to appeal.
detail@13: The lawsuit was [filed|brought] in {prev_year} by [a group of|about] {n_mid} [landlords|residents|small businesses|former customers].
detail@3: The [three-judge panel|appeals panel] [ruled|voted] [2-1|unanimously] and said the lower court had [applied the wrong standard|dismissed the case too early].
detail@3: The [original|lower-court] judge had [dismissed|thrown out] the case in {prev_year}, [ruling|finding] that the [plaintiffs|claimants] had [waited too long|lacked standing].
quote@02: The jury [listened carefully|saw the evidence] and [reached the right result|held them accountable]
quote: We [respectfully disagree|strongly disagree] with the [verdict|ruling] and [are confident|expect] it will be [reversed|corrected] on appeal
quote: This [decision|ruling] sends a message that [the rules apply to everyone|process matters]
quote@1: [Courts|Judges] are [reluctant|careful] to second-guess [local governments|elected officials], which makes this ruling [notable|unusual]
quote: [My client|Our client] is [disappointed|relieved] and is [considering|weighing] the next steps
back@023: {company} has [faced|been the subject of] several [lawsuits|legal challenges] [in recent years|since {prev_year}] over [its pricing|its contracts|product safety].
back@02: {court} handles a [large|heavy] share of [commercial|patent] cases in {country}, and [juries there|its judges] have [a reputation for|been known for] [large awards|moving quickly].
back@1: {city} [adopted|passed] the [=rule:zoning rule|parking ordinance|rent cap] in {prev_month} [after months of debate|over objections from business groups].
back: White-collar [prosecutions|cases] in {country} have [risen|increased] since {prev_year}, according to [court records|data from the justice ministry].
out@0: A hearing on [post-trial motions|the next steps] is scheduled for {next_month}.
out@1: The city has [30|60|90] days to [file an appeal|respond].
out@3: [Legal experts|Lawyers following the case] said the dispute could [take years|reach the country's highest court].
out@2: Sentencing is [set|scheduled] for {next_month}; {p3_last} faces [up to|as many as] {n_small}0 years in prison [on the most serious count|if sentences run consecutively].
out: [Both sides|The parties] are due back in court in {next_month}.

== city_politics general
r1: the mayor of {city} ; {city}'s mayor
r2: a political scientist at the University of {city} ; a {city} resident and neighborhood organizer ; director of the {city} Taxpayers Association
story: {city} Council [Approves|Passes] {budget} Budget [After Long Debate|in Split Vote] || The {city} City Council [approved|passed] a {budget} budget for the coming fiscal year on {wday} [night|evening], [after {n_small} hours of debate|in a {votes} vote] that [boosted|increased] spending on [housing|policing|street repairs|libraries].
story: {city} Mayor [Proposes|Unveils] Plan to [=plan:Build Housing|Fix Roads|Expand Parks] || {p1}, the mayor of {city}, [proposed|unveiled] a plan on {wday} to [=plan:build {n_big} affordable homes|repair {n_mid}0 miles of roads|open {n_small} new parks] over the next [five|ten] years, [funded by|paid for with] [a bond measure|a new development fee|state grants].
story: [Recall Effort|Petition Drive] Targets {city} Council Member || [Residents|A group of residents] in {city} began [collecting signatures|a petition drive] on {wday} to recall council member {p3}, whom they accuse of [ignoring|neglecting] [neighborhood concerns|traffic complaints|rising rents].
story: {city} Voters to Decide on [=measure:Library Tax|School Bond|Term Limits] || Voters in {city} will decide in {next_month} whether to [=measure:approve a library tax|authorize a {money} school bond|impose term limits on council members], after the council voted {votes} on {wday} to put the measure on the ballot.
detail: [The city's|{city}'s] [credit rating|bond rating] [was|had been] [affirmed|lowered] by [a ratings agency|{firm}] [last year|in {prev_month}], [citing|pointing to] [its reserves|its pension obligations].
detail: [Homelessness|The number of people sleeping outside] in {city} [rose|fell] about {pct2}% [last year|in the latest count], according to [a city survey|a county report].
detail: [A local newspaper poll|A survey by {firm}] found that {pct2}% of [residents|voters] [approved of|were satisfied with] the [council's|mayor's] [performance|work].
detail: [Rents|Average rents] in {city} [rose|climbed] about {pct2}% over the past year, according to [a survey by {firm}|figures from {firm}].
detail: [The|{city}'s] [city attorney|legal staff] [reviewed|is reviewing] [the proposal|the measure] [to ensure|to make sure] it [complies|would comply] with state law.
detail: [The city's property tax revenue rose {pct}% last year|Sales tax receipts grew {pct}% last year], [but|while] [pension costs|salaries] [climbed|increased] faster.
detail: [More than|About] {n_mid} residents [spoke|signed up to speak] at the [meeting|public hearing], [many of them|most of them] [in support|opposed].
detail: [Business groups|The local chamber of commerce] [raised concerns|warned] that [higher fees|new rules] could [slow construction|push employers to {city2}].
detail: [Turnout in {city}'s last municipal election was just {pct2}%|Only {pct2}% of registered voters cast ballots in the last city election], among the lowest in the region.
detail: [The city faces a projected deficit of about {money} next year|A deficit of about {money} is forecast over the next two years], according to [the city's budget office|a report from the city controller].
detail: [Several council members|Some council members] [complained|argued] that the [decision|measure] was being [rushed|pushed through] with too little [public input|debate].
detail@0: The budget includes {money} for [street repairs|homeless services|park maintenance|firefighter hiring] and [adds|creates] about {n_mid} city jobs.
detail@0: [Council member|Councilor] {p3} [voted against|opposed] the budget, [saying|arguing] it [relied on|depended on] [overly optimistic revenue forecasts|one-time money].
detail@0: [Police|Fire] spending [accounts for|makes up] about {pct2}% of the general fund, the largest single item.
detail@13: A [city|council] analysis [estimated|found] the measure would cost the typical homeowner about {price} a year.
detail@1: The mayor's office said the plan [had been shaped by|drew on] [dozens of|{n_mid}] community meetings held [since {prev_month}|over the past year].
detail@1: The plan [would need|requires] council approval and is [expected|likely] to face [questions|pushback] over [its cost|how it will be paid for].
detail@1: [Housing advocates|Neighborhood groups] [welcomed|praised] the [goals|ambition] but [asked|questioned] [how quickly|whether] the [projects|homes] could [actually be built|be delivered].
detail@2: [Supporters|Backers] [need|must collect] about {n_big} valid signatures [within {n_mid} days|by {next_month}] to [force|trigger] a [special election|recall vote].
detail@2: {p3_last} [called|described] the recall effort [a distraction|a waste of taxpayer money] and said [the work for constituents|work on the district's priorities] would continue.
detail@2: A recall election would cost the city about {money}, according to [the city clerk|the elections office].
detail@3: [Supporters|Backers] of the measure [have raised|said they had raised] about {money} for [a campaign|advertising], [campaign filings show|according to campaign filings].
detail@3: The measure [needs|will need] [a simple majority|two-thirds of the vote] to pass, [the city attorney said|under state law].
quote@01: This [budget|plan] [reflects|puts forward] our [priorities|values]: safe streets, [housing people can afford|clean parks] and a city that works
quote: We [cannot keep|can't keep] [patching|papering over] problems with one-time money
quote@2: [People|Residents] [feel|have felt] ignored for years, and this is how they are making themselves heard
quote@3: [Voters|Residents] should [get the final say|decide] on a question this [big|important]
quote: I [have heard|hear] from [neighbors|constituents] every week about [rent|traffic|potholes]
back: {city}, a city of about {population} people, has [faced|struggled with] [rising housing costs|a budget gap|aging infrastructure] [for years|since {prev_year}].
back: {p1} was elected mayor in {prev_year} [after campaigning on|promising] [housing|public safety|transparency].
back: The council has [nine|eleven|seven] members, [elected by district|most of them elected in {prev_year}].
back: [Neighboring|Nearby] {city2} [approved|adopted] a similar measure [last year|in {prev_year}], [with mixed results|and officials there have pointed to early gains].
out@0: The budget takes effect on [July 1|{next_month} 1], [pending|after] a final [procedural vote|review by the city attorney].
out: [The council|City staff] will [hold|schedule] [further hearings|a public workshop] in {next_month}.
out@2: [Organizers|Supporters] said they [expected|hoped] to [submit signatures|finish] [by {next_month}|within weeks].

== weather general
r1: {city}'s emergency management director ; a spokesperson for {utility} ; the mayor of {city}
r2: a meteorologist at {firm} ; a fruit grower near {city} ; a {city} resident
story: {storm} [Brings|Dumps] Heavy {Precip} on {city}, [Closing Schools|Snarling Roads] || {storm} [swept across|hit] {city} and the surrounding region on {wday}, [dropping|bringing] up to {n_small}0 centimeters of {precip} and [closing|forcing the closure of] [schools|roads|the airport] [for a second day|across the area].
story: Flooding [Forces|Prompts] Evacuations in {city} || [Authorities|Emergency officials] in {city} [ordered|urged] about {n_big} residents to leave their homes on {wday} as the {river} River [rose|climbed] [above flood stage|to its highest level in {n_mid} years] after [days of heavy rain|a week of downpours].
story: [=frost:Early|Unseasonal] Frost [Threatens|Damages] Crops Around {city} || An [=frost:early|unseasonal] frost [swept|settled] over [farms|orchards|vineyards] around {city} on {wday} [night|morning], with temperatures [falling|dropping] to minus {n_small} degrees Celsius and [growers warning|farmers fearing] [heavy losses|damage to crops].
story: [=wind:Thunderstorms|High Winds] Leave {homes} Homes Without Power in {region} Region || [=wind:Powerful thunderstorms|High winds] [tore through|raked] the {region} region on {wday}, [knocking out power to|leaving without electricity] about {homes} homes and [toppling|uprooting] trees [onto roads|across {city}].
detail: [Road|Highway] [authorities|officials] [closed|shut] [several|{n_small}] [mountain passes|roads] [as a precaution|because of the risk of landslides].
detail: [Airport|Port] operations in {city} [were|had been] [suspended|scaled back] for [several|{n_small}] hours [as conditions worsened|during the worst of the weather].
detail: [Volunteers|Neighbors] [helped|worked to] [clear|shovel] [debris|snow] and [check on|look after] [elderly residents|older neighbors] in [several|some] [districts|neighborhoods].
detail: [Emergency services|Fire crews] [responded to|answered] about {n_mid}0 calls [overnight|on {wday}], [many|most] [for|involving] [fallen trees|flooded basements|stranded drivers|burst pipes].
detail: [No deaths were reported|Officials said {n_small} people had been treated for minor injuries], [though|and] [several|a few] [cars|homes] were damaged.
detail: [Rail|Bus] services between {city} and {city2} were [suspended|cut back] and [dozens of|more than {n_mid}] flights were [canceled|delayed].
detail: [Insurers said it was too early to estimate claims|An analyst at {firm} put insured losses at about {money}], [as|while] [assessors|adjusters] [began|started] [visiting|inspecting] [damaged properties|farms and homes].
detail: [Temperatures were {n_small} degrees below the seasonal average|It was the coldest {month} night in {n_mid} years] in {city2}, [according to|said] the weather service.
detail@03: [Forecasters said wind gusts reached|Gusts peaked at] {gust} kilometers per hour [along the coast|at the airport] [on {wday} afternoon|overnight].
detail@03: [Utility crews|Power crews] [restored|reconnected] service to [about|roughly] {pct2}% of affected customers by [evening|the next morning], according to {utility}.
detail@01: [Rainfall in {city} has been about {pct2}% above normal since the start of {month}|{city} has had about {pct2}% more rain than usual this month], according to [the weather service|local records].
detail@1: [Emergency shelters|Evacuation centers] were [opened|set up] at [schools|community halls] in {city} and {city2}, [housing|taking in] about {n_mid}0 people [overnight|by {wday} evening].
detail@1: The {river} River [crested|peaked] at {level} meters [on {wday}|overnight], [according to|said] the regional water authority.
detail@1: [Sandbags|Temporary barriers] were [handed out|distributed] at {n_small} locations, and [soldiers|volunteers] [helped|worked to] [reinforce|shore up] [levees|embankments] [along the river|near the town center].
detail@2: [Growers|Fruit farmers] said it would take days to [assess|estimate] the damage, though some [reported losing|estimated losses of] [up to half|about {pct2}%] of their [blossoms|crop].
detail@2: [Some|Several] farmers [lit|used] [fires|heaters] and [sprinklers|wind machines] [overnight|through the night] to [protect|try to save] [buds|blossoms] from the cold.
detail@2: [Apricot|Cherry|Grape] prices [could|may] [rise|climb] [later in the season|this summer] if the damage [proves|turns out to be] [widespread|severe], [according to|said] {firm}.
detail@0: [Snowplows|Road crews] [worked through the night|were out overnight] [clearing|to clear] [main roads|highways], but [many|most] [side streets|residential streets] [remained|were still] [impassable|blocked] [on {wday}|by midday].
detail@0: [Schools|All schools] in {city} [were closed|stayed shut] and [officials|the city] [urged|asked] [residents|people] to [work from home|avoid unnecessary travel].
detail@3: [A|One] [large|century-old] tree [fell|crashed] onto [a house|a parked bus] in {city}, [but no one was hurt|and the occupants escaped unharmed].
detail@3: [Lightning|A lightning strike] [was blamed|was suspected] for a fire [that damaged|at] a [warehouse|barn] [outside|near] {city2}, [fire officials said|according to fire officials].
quote@01: We [have not seen|haven't seen] [water|snow] like this [in decades|since I was a child]
quote: Please stay off the roads [unless you absolutely have to travel|if it is not an emergency]
quote@03: [Crews|Our teams] are working around the clock, [but|and] some [customers|households] may be without power for [days|a while]
quote@2: [A single|One] cold night can [undo|wipe out] a whole year of work
quote: [Events like this|Storms of this strength] are [becoming|getting] more frequent, and [towns|cities] need to plan for them
back: The {region} region has [experienced|seen] [several|a string of] [severe storms|extreme weather events] since {prev_year}, [prompting|leading to] [new spending on flood defenses|a review of emergency plans].
back: {city} [sits|lies] [in a river valley|on low-lying ground near the coast] and has [a long history of|been prone to] [flooding|storm damage].
back: [Scientists|Climate researchers] [say|have said] that [warmer air holds more moisture|a warming climate is shifting weather patterns], [making|which makes] [heavy downpours|intense storms] more likely.
back@2: [Farming|Agriculture] accounts for about {pct2}% of [jobs|economic output] in the {region} region, according to [regional statistics|figures from the agriculture ministry].
out: [Forecasters|The weather service] expect [drier|calmer|milder] conditions [by {next_wday}|later in the week], [though|but] [more rain|another storm] [could|may] arrive [next week|by the weekend].
out: [Officials|The regional government] said they would [assess|survey] the damage [over the coming days|once conditions improve] and [consider|decide on] [emergency aid|disaster funding].
out@0: [Schools|Most schools] were expected to [reopen|resume classes] on {next_wday}.

== sports general
r1: {team}'s head coach ; {team}'s sporting director ; {team}'s captain
r2: a former {team2} player now working as a commentator ; a sports columnist in {city} ; a season-ticket holder from {city}
story: {team} [Beat|Edge|Overcome] {team2} {score} to [Stay Top|Keep Title Hopes Alive|End Losing Run] || {team} [beat|defeated|edged] {team2} {score} on {wday} [night|afternoon], [extending their unbeaten run to {n_small} games|a result that keeps them near the top of the {league}|ending a run of {n_small} games without a win].
story: {team} [Sign|Land] {Position} {player} [on Multi-Year Deal|From {team2}] || {team} [signed|completed the signing of] {position} {player} from {team2} on {wday}, [adding|bringing in] [experience|depth|pace] [ahead of|for] the [new season|title run] on a {n_small}-year contract.
story: {team} [Fire|Part Ways With] Coach {coach} After [Poor Start|Losing Streak] || {team} [fired|dismissed|parted ways with] [head coach|manager] {coach} on {wday} after [a run of {n_small} straight defeats|a poor start to the season] left the club [near the bottom of|in the lower half of] the {league}.
story: {player} [Scores|Stars] as {team} [Reach|Advance to] Cup Final || {player} [scored|put up] {tally} {unit} as {team} [beat|overcame] {team2} {score} on {wday} to [reach|advance to] the cup final for the first time since {prev_year}.
detail: [The club|{team}] [reported|posted] [revenue|income] of about {money} [last season|for the past year], [helped|boosted] by [sponsorship deals|a cup run].
detail: [The league|{league} officials] [have|had] [fined|warned] [clubs|several clubs] [this season|in {prev_month}] over [crowd trouble|late payments to players].
detail: [Attendance|Crowds] across the {league} [rose|are up] about {pct2}% this season, according to [league figures|the league].
detail: [Training|Preparation] [this week|before the game] [was|had been] [disrupted|affected] by [illness|bad weather|travel delays], [the club said|according to the club].
detail: [Betting markets|Bookmakers] [had made|made] {team} [favorites|slight favorites] [before the season|this season], according to {firm}.
detail: [The club was bought by a consortium led by {owner} in {prev_year}|Businessman {owner} bought the club in {prev_year}], and the new owners have [promised|pledged] to [invest heavily|spend on the squad].
detail: [Ticket sales have risen about {pct2}% this season|Season-ticket sales are up about {pct2}% from last year], [the club said|according to the club].
detail: [Injuries have hampered the club this season|A string of injuries has hurt the club this season], with [several|{n_small}] starters [sidelined|out] [for weeks|since {prev_month}].
detail: The club's [youth academy|training center] in {city} has [produced|developed] [several|{n_small}] [first-team players|internationals] [in recent years|since {prev_year}].
detail: [Broadcast revenue|Income from television rights] in the {league} [has grown|rose] about {pct2}% [since {prev_year}|over the past three years], according to {firm}.
detail@03: [A crowd of|About] {crowd} [fans|spectators] [watched|attended] the game at {venue}, [the club's largest|a season-high] [attendance|crowd] this year.
detail@03: {player} [has|now has] {season_total} {unit} this season, [the most|second most] in the {league}.
detail@03: {team} [converted|made] {pct2}% of their [shots|chances] [over the game|on the night], [against|compared with] [a season average|an average] of about {pct2}%.
detail@0: {team2} [had taken|took] an early lead [before|but] {team} [responded|hit back] [with a strong second half|late in the game].
detail@013: {team} [sit|are] {ordinal} in the {league} [with|after] {games} [games|matches] played.
detail@1: The [fee|contract] was not disclosed, but people [familiar with|close to] the [deal|talks] put it at about {fee}.
detail@1: The {position}, {age}, [spent|played] {n_small} seasons with {team2} and [was named|made] the league's all-star team [twice|last year].
detail@1: {player_last} [completed|passed] a medical [earlier in the week|on {prev_day}] and [could|is expected to] [make a debut|play] in the [next|coming] [match|game].
detail@2: [Assistant coach|Assistant] {assistant} will [lead the team|take charge] on an interim basis while the club [searches for|looks for] a [replacement|new coach].
detail@2: {team} have won only {wins} of their {games} [league games|matches] [this season|so far].
detail@2: [Supporters|Fans] had [chanted against|called for the removal of] {coach} during [the last home game|recent games], and [a group of|some] [supporters|fans] [protested|gathered] outside {venue}.
detail@3: In the final, {team} will face {team3}, who [won|beat] their semifinal [on penalties|in overtime|comfortably] a day earlier.
detail@3: [Late in the game|In the closing minutes], {player_last} struck again to [seal|secure] the win.
quote@03: [The players|The squad] [showed|had] real character [tonight|today], [especially|particularly] after [going behind|a slow start]
quote@1: [I have wanted|I've wanted] to play for this club for a long time, and I want to help us win [trophies|something big]
quote@2: [Results|Results in this league] decide everything, and [ours|they] have not been good enough
quote@3: We [take it|go] one game at a time, [but|and] the [fans|supporters] deserve a final
quote@13: [A player like that|That kind of player] can change a game [alone|single-handedly], and that is [rare|hard to find]
quote@2: [This is|It's] a [hard|sad] day for the club, [but|and] [we had to act|change was needed]
quote: [The fans|Our supporters] have been [incredible|patient] [all season|through everything], and they deserve [better|this]
back: {team} [won|last won] the {league} title in {prev_year} and have [spent heavily|invested] on players [since|over the last two seasons].
back@02: {coach} [joined|took over] in {prev_year} [after|following] [a successful spell|several seasons] at {team2}.
back: {venue}, which [holds|seats] about {capacity} [fans|people], [was renovated|reopened] in {prev_year}.
back@03: {team} and {team2} have [met|played each other] {n_mid} times [in league play|in the cup], with {team} [winning|holding the edge in] [most of them|slightly more than half].
out@03: {team} [host|visit] {team3} on {next_wday} in their next {league} [match|game].
out@3: The final [will be played|is scheduled] in {next_month} at a [neutral|yet-to-be-confirmed] venue.
out@2: The club said it [hoped|expected] to [name a new coach|appoint a permanent replacement] before {next_month}.
out@1: The club said it [was|remained] [in talks|active] [about|over] [further|more] signings before the transfer window closes.

== health health
r1: chief medical officer at {company} ; director of public health for {city} ; chief executive of {hospital}
r2: a professor of medicine at the University of {city} ; a physician at {hospital} ; president of the {country} Nurses Association
story: {company} [Drug|Treatment] {drug} [Shows Promise|Succeeds] in Late-Stage {Disease} Trial || An experimental [drug|treatment] from {company}, {drug}, [reduced|lowered] [symptoms|disease progression] by about {pct3}% in patients with {disease}, [according to|the company said, citing] results from a late-stage trial [released|published] on {wday}.
story: [Hospital|Emergency Room] Wait Times in {city} [Hit Record|Climb Again] || Patients at {hospital} waited an average of {n_small} hours [in the emergency department|to be seen] in {prev_month}, [the longest|a record] since [records began|figures were first published], [according to|based on] [data released on {wday}|a report from the health authority].
story: Health Officials [Report|Track] [Rise|Surge] in {Illness} Cases in {city} || Health officials in {city} [reported|said there had been] {n_mid}0 [confirmed|new] cases of {illness} [in the past week|since {prev_month}], [urging|and urged] residents to [get vaccinated|wash their hands often|stay home when sick].
story: {company} [Wins|Gets] Approval for {Disease} Treatment || {company} [won|received] [approval|regulatory clearance] in {country} on {wday} for {drug}, a [once-daily pill|monthly injection] for {disease}, [clearing the way|opening the door] for [a launch|sales] [later this year|in {next_month}].
detail: [Public health|Health] officials [urged|encouraged] [people|residents] to [check|keep up with] [vaccinations|routine screenings] and to [see a doctor|seek care] [early|promptly] if [symptoms|problems] [appear|worsen].
detail: [Researchers|Doctors] at {hospital} said they [were|had been] [studying|tracking] [patients'|long-term] [outcomes|recovery] [since {prev_year}|for several years].
detail: [Hospital|Health] [officials|administrators] in {city} [said|noted] that [demand|patient numbers] had [grown|risen] about {pct2}% [since {prev_year}|over five years].
detail: [Pharmacies|Clinics] in {city} [reported|said they had seen] [more|a rise in] [visits|patients] [this month|in recent weeks], according to [a local pharmacists' group|the health authority].
detail: [Insurers|The national insurer] [has|have] [not yet said|yet to say] how [costs|treatment] [will|would] be [covered|reimbursed], [a question|an issue] [that|which] [could|may] [affect|limit] [access|uptake].
detail: [Health spending in {country} rose about {pct2}% last year|The health budget in {country} grew about {pct2}% last year], according to the health ministry.
detail: [Patient groups|Advocates for patients] have [long|repeatedly] [called for|pushed for] [faster access|better access] to [treatment|care] [in rural areas|outside big cities].
detail: [A shortage of nurses|A lack of family doctors] has [worsened|deepened] since {prev_year}, with about {n_big} [posts|positions] [unfilled|vacant] [nationwide|across the country], according to [the health ministry|a union estimate].
detail: The [findings|figures] are [expected|likely] to [feed into|inform] [a review|debate] [of|on] [health funding|the health budget] [in parliament|later this year].
detail@03: [About {n_big} people in {country} live with {disease}|{disease_cap} affects an estimated {n_big} people in {country}], according to [government estimates|patient groups].
detail@03: [Shares of {company}|{company}'s shares] [rose|climbed] {pct}% [after the announcement|in morning trading].
detail@0: The trial [enrolled|included] about {n_big} patients at {n_mid} sites in {n_small} countries and [lasted|ran for] [18 months|two years].
detail@0: [The most common|Common] side effects were [nausea|headaches|fatigue], and about {pct}% of patients [dropped out|stopped treatment] because of them.
detail@0: The results [have not yet been|are yet to be] [peer-reviewed|published in a medical journal], and [full data|detailed figures] [were not released|will come later].
detail@3: The approval [was based|rests] on [two|a pair of] [trials|studies] [involving|with] about {n_big} patients.
detail@3: [The treatment|{drug}] [is expected to|will] cost about {price_k} a year before [discounts|insurance], [the company said|according to {company}].
detail@3: [Regulators|The regulator] [required|asked] {company} to [run|conduct] a [follow-up|post-approval] study [on|of] [long-term safety|heart risks].
detail@1: {hospital} said it had [opened|added] {n_mid} [beds|treatment spaces] [this winter|since {prev_month}] but that [staffing shortages|a shortage of nurses] [limited|had slowed] [progress|improvements].
detail@1: [About|Nearly] {pct2}% of patients [waited|spent] more than [four|12] hours in the [emergency department|ER], [the data showed|according to the figures].
detail@1: [Ambulances|Ambulance crews] [waited|were left waiting] [outside|at] {hospital} for [up to|as long as] {n_small} hours before handing over patients.
detail@12: The health authority said it would [spend|invest] {money} on [extra staff|new clinics|mobile units] [over the next year|by {next_year}].
detail@2: [Vaccination rates|Vaccine uptake] among [children|older adults] in {city} [fell|dropped] to {pct3}% [last year|in {prev_year}], [below|well below] the level [experts|health officials] say is needed to [prevent outbreaks|protect the community].
detail@2: [Most|Many] cases have been among [children|schoolchildren|older adults], and {n_small} people have been [admitted to|treated in] hospital.
detail@2: [Schools|Care homes] have been [asked|told] to [report|notify] [cases|outbreaks] [promptly|within a day].
quote@03: For patients [who have run out of options|with few alternatives], this could [make a real difference|be meaningful]
quote@1: [These numbers|These figures] [reflect|show] a system under [enormous|serious] strain
quote@2: [Getting vaccinated|Vaccination] [remains|is still] the [best|most effective] way to protect yourself and your family
quote@0: [We need to see|I would want to see] [longer-term data|the full results] before drawing [firm|strong] conclusions
quote@12: [Staff|Our nurses] are doing [extraordinary|remarkable] work under [difficult|very hard] conditions
quote: [Access|Getting care] should not depend on [where you live|your postcode], and right now it does
back@03: {disease_cap} affects [millions of|large numbers of] people worldwide, and [existing|current] treatments [only manage symptoms|do not work for everyone].
back@03: {company}, based in {city}, [has spent|spent] [more than|about] {money2} developing {drug} [over the past decade|since {prev_year}].
back@1: Emergency departments in {country} have [struggled|been under pressure] since the pandemic, with [staff shortages|an aging population] [adding to|driving] demand.
back@2: [Outbreaks|Case counts] [usually|typically] peak in [late winter|the colder months], [according to health officials|health officials say].
back: [Life expectancy in {country} has|Average life expectancy has] [stalled|edged up] [in recent years|since {prev_year}], according to [the statistics office|official figures].
out@03: {company} said it would [present the full results|publish detailed data] at a medical conference in {next_month}.
out@1: The health authority [is due to|will] [publish|release] its next [monthly|quarterly] figures in {next_month}.
out@2: [Officials|Health officials] said they would [hold|open] [vaccination clinics|extra clinics] [over the weekend|through {next_month}].
out: [Lawmakers|A parliamentary committee] [are expected|is expected] to [question|hear from] health officials [on the issue|about the figures] in {next_month}.

== energy energy
r1: chief executive of {company} ; {company}'s head of renewables ; a spokesperson for the grid operator
r2: an energy analyst at {firm} ; a commodities strategist at {firm} ; a spokesperson for a local environmental group
story: {company} [Approves|Green-Lights] {deal} {project_title} || {company} said on {wday} that it had [approved|given the final go-ahead for] {project}, a {deal} project that would [generate|supply] enough electricity for about {n_big} homes when it [starts operating|comes online] in {next_year}.
story: [Power|Electricity] Prices in {country} [Jump|Soar] {big_move}% [=pc:in Cold Snap|as Plants Go Offline|as Wind Output Drops] || [Wholesale|Spot] electricity prices in {country} [jumped|soared] {big_move}% [this week|on {wday}] as [=pc:a cold snap drove up demand|several plants went offline for maintenance|weak winds cut output from turbines].
story: [=fuel:Oil|Natural Gas] Prices [=dir:Climb|Slip] {move}% [=dir:on Supply Worries|on Weak Demand] || [=fuel:Oil|Natural gas] prices [=dir:rose|slipped] about {move}% on {wday} as [traders|investors] [weighed|reacted to] [=dir:supply disruptions and a surprise drop in inventories|signs of weaker demand from factories].
story: {company} to [Close|Retire] [=plant:Coal|Gas] Plant Near {city} || {company} [plans to|will] [close|retire] its [=plant:coal-fired|gas-fired] power plant near {city} by {next_year}, [ending|cutting] about {n_mid}0 jobs [and|while] [shifting|moving] toward [wind and solar|battery storage].
detail: [Heat pump|Solar panel] [sales|installations] in {country} [rose|climbed] about {pct2}% [last year|in {prev_year}], according to [an industry association|{firm}].
detail: [Carbon prices|The price of emissions permits] [rose|fell] {pct}% [this week|on {wday}], according to {firm}.
detail: [Electricity demand|Power use] in {country} [rose|grew] about {pct}% last year, [driven by|helped by] [data centers|electric vehicles and heat pumps], according to the grid operator.
detail: [New transmission lines|Grid upgrades] [needed|required] to [carry|move] power from [wind farms|the coast] to [cities|industrial areas] [face|have faced] [delays|local opposition] [of several years|in {city2}].
detail: [Investment|Spending] in [clean energy|renewables] in {country} [reached|totaled] about {money2} last year, according to {firm}.
detail: [Household bills in {country} could rise by about {pct2}% next quarter|Residential tariffs in {country} are expected to fall about {pct2}% from {next_month}], according to [estimates from {firm}|the energy regulator].
detail: The grid operator said [it had asked large industrial users to cut consumption during peak hours|reserve margins had been tight on several evenings], [and|while] [imports from neighboring countries|hydro reservoirs] [helped|were used] to [balance the system|meet demand].
detail: [Renewable sources|Wind and solar] [supplied|generated] about {pct2}% of {country}'s electricity [last year|in {prev_year}], according to [the grid operator|the energy ministry].
detail: [Environmental groups|Local residents] [have raised concerns|have objected] about [the impact on birds|noise|the view from the coast] [during planning hearings|in the consultation].
detail: [Industrial users|Heavy industry] [have complained|have warned] that high [power|energy] costs [make it hard|make it harder] to compete with [rivals abroad|foreign rivals].
detail@0: The project will [include|use] about {n_mid} [wind turbines|rows of solar panels] as well as a battery system able to store {n_small}00 megawatt-hours of electricity.
detail@0: [Construction|Building work] is expected to [create|support] about {n_big} [jobs|temporary jobs] and to [begin|start] in {next_month}.
detail@0: {company} [has signed|said it had signed] [long-term contracts|supply agreements] to sell [most of|about {pct2}% of] the output to [a data-center operator|industrial customers].
detail@3: The plant [supplied|generated] about {pct2}% of the region's electricity [last year|in {prev_year}], according to the grid operator.
detail@3: {company} said it would [retrain|offer new roles to] [most|many] of the [affected|plant's] workers at its [other sites|renewable projects].
detail@3: [Union leaders|Local officials] said the closure would [hit|hurt] [the town's economy|local businesses] and asked for [help|funding] to [attract new employers|retrain workers].
detail@2: [Benchmark|Front-month] [=fuel:crude futures settled at ${n_mid} a barrel|gas futures settled at ${pct} per million British thermal units] [on {wday}|by the end of trading].
detail@2: [=fuel:Crude inventories changed by about {n_small} million barrels|Gas in storage changed by about {pct2} billion cubic feet] [last week|in the latest week], [according to|based on] [government data|an industry survey].
detail@2: [Tanker traffic|Shipments] through [a key strait|major export routes] [slowed|were disrupted] [after|following] [a storm|maintenance at a large terminal], [traders said|according to shipping data].
detail@1: [Several|{n_small}] [nuclear|gas-fired] units were [offline|out of service] for [maintenance|repairs], [removing|taking out] about {n_small},000 megawatts of capacity.
quote@0: This [project|investment] [shows|is proof] that [clean energy|renewables] can [compete|pay] without [subsidies|special treatment]
quote@1: The [grid|system] was not built for [this much|this kind of] [demand|variability], and [we need|it needs] [more storage|more connections]
quote@2: [Markets|Traders] are [very|extremely] sensitive to any [sign|hint] of [supply trouble|weaker demand] right now
quote@3: [Closing the plant|This closure] [is the end of an era|marks a turning point] for [the town|{city}]
quote: [Families|Households] [need|want] to know [their bills|what they will pay] next winter
back: {country} has [set a goal|pledged] to [generate|get] {pct3}% of its electricity from [renewable|clean] sources by [2030|2035].
back@03: {company} [operates|runs] [power plants|wind farms] in {n_small} countries and [reported|posted] [revenue|sales] of {money2} last year.
back: [Energy|Power] prices [soared|spiked] in {prev_year} [after|amid] [supply shocks|a gas shortage], [prompting|leading to] [government support for households|emergency measures].
back: The {region} region [is home to|hosts] [several|{n_small}] [large|older] power plants [built|constructed] in the [1970s|1980s].
out: The [regulator|grid operator] is [expected|due] to [publish|release] its winter [outlook|forecast] in {next_month}.
out@0: {company} said [the first turbines|first power] could [be connected|reach the grid] [by late {next_year}|within {n_small} years].
out@12: [Analysts|Traders] said prices would [likely|probably] [stay volatile|remain elevated] [until|through] [the end of the heating season|{next_month}].

== transport transport
r1: chief executive of {company} ; head of the {agency} ; {city}'s transport commissioner
r2: a transport economist at the University of {city} ; a union representative ; a daily commuter from {city2}
story: {agency} [Approves|Unveils] Plan for {line_title} || The {agency} [approved|unveiled] plans on {wday} for {line}, a {n_mid}-station [bus rapid transit|tram|commuter rail] route [linking|connecting] downtown {city} with [the university|the northern suburbs|a new business district].
story: {company} [Adds|Launches] {n_small} New Routes From {city} || {company} said on {wday} that it would [add|launch] new routes from {city} airport [starting in|from] {next_month}, including [direct flights|services] to {city2} and [several|a handful of] holiday destinations.
story: [=mode:Rail Strike|Bus Strike] [Disrupts|Halts] Commutes in {city} || [Thousands of|Tens of thousands of] commuters in {city} [scrambled|struggled] to get to work on {wday} as a [{n_small}-day|24-hour] strike by [=mode:train drivers|bus operators] [halted|shut down] [most|nearly all] services.
story: [=bt:Bridge|Tunnel] [Closure|Repairs] to [Snarl|Disrupt] Traffic in {city} for Months || [The main|A major] [=bt:bridge|tunnel] into {city} will [close|be shut] for [repairs|renovation] for {n_small} months [starting|from] {next_month}, [officials said|the transport department said] on {wday}, [diverting|rerouting] about {n_big} vehicles a day.
detail: [Ride-hailing|Taxi] [trips|journeys] in {city} [rose|increased] about {pct2}% [last year|in {prev_year}], according to [city data|{firm}].
detail: [The national rail operator|Regional rail services] [ran|operated] about {pct3}% of trains on time [last year|in {prev_year}], [according to|based on] [official figures|the regulator].
detail: [Freight|Truck] traffic [through|around] {city} has [grown|increased] [steadily|sharply] [since {prev_year}|in recent years], [adding to|worsening] [congestion|wear on roads].
detail: [Delays|Late trains and buses] [cost|are costing] the {city} economy about {money} a year, according to [a study by {firm}|estimates from {firm}].
detail: [Passenger groups|Rider advocates] [have long|have repeatedly] [complained|pushed] about [crowded|unreliable] [services|connections] [between|linking] {city} and {city2}.
detail: [The national government|The transport ministry] [has pledged|promised] about {money2} for [public transport|road and rail] projects [across|throughout] {country} [by {next_year}|over five years].
detail: [Electric buses|Battery-powered buses] [now make up|account for] about {pct2}% of the {city} fleet, [the operator said|according to the operator].
detail: [Transit ridership in {city} has recovered to about {pct3}% of pre-pandemic levels|Public transport use in {city} is back to about {pct3}% of its pre-pandemic level], according to [the city|transit officials].
detail: [Road congestion|Traffic] in {city} [has worsened|has grown] [since {prev_year}|in recent years], with drivers [losing|spending] about {n_mid} hours a year in [jams|traffic], according to {firm}.
detail: [Fares|Ticket prices] [rose|went up] about {pct}% [in January|at the start of the year], [the first|the second] increase in [two|three] years.
detail: [Cycling|Bike-share] trips in {city} [rose|grew] about {pct2}% last year, [the city said|according to the city], as new [lanes|routes] opened.
detail@0: The project is [expected|estimated] to cost {money2} and could [open|start carrying passengers] in {next_year}, [pending|subject to] [funding|final approval] from the national government.
detail@0: [Planners|Transit officials] [estimate|forecast] the route will carry about {n_big} [passengers|riders] on a typical weekday.
detail@0: [Construction|Work on the line] would [require|mean] [closing|narrowing] [several|{n_small}] [streets|lanes] for [months|long stretches], [a prospect that has worried|which has alarmed] [shop owners|local businesses].
detail@2: The [union|drivers' union] is [demanding|seeking] a pay increase of {pct2}% [over two years|this year], [while|but] [management|the operator] has [offered|put forward] {pct}%.
detail@2: [Extra|Additional] [buses|ferries|shuttle services] [ran|were laid on] [during|throughout] the strike [to ease|to reduce] [crowding|congestion], [but|though] [queues|lines] [stretched|formed] [around|outside] [main stations|bus stops].
detail@2: [Many|Some] employers [told|asked] staff to [work from home|stay at home], and [road traffic|congestion] [rose|was heavier] [sharply|than usual] [across the city|on main routes].
detail@1: {company} [carried|flew] about {n_big} passengers [last month|in {prev_month}], [up|down] {pct2}% from a year earlier.
detail@1: The airport said [passenger numbers|traffic] had [returned to|exceeded] pre-pandemic levels [for the first time|in {prev_month}].
detail@1: [Fares on the new routes start at|Introductory fares are] {price} [one way|each way], the airline said.
detail@3: [Detours|Diversions] could [add|lengthen] [commutes|journeys] by [up to|as much as] {n_mid} minutes, [officials said|according to traffic models].
detail@3: [Engineers|Inspectors] found [corrosion|cracks] in [several|{n_small}] [support beams|joints] during a routine inspection in {prev_month}.
detail@3: The [repairs|works] are [expected|budgeted] to cost about {money} [and|, and] will be [paid for|funded] by [the national government|the city and the state].
quote@0: [This line|This route] will [transform|change] how people [get around|move through] the city
quote@2: [Workers|Our members] have [fallen behind|lost ground] as [prices|living costs] [rose|climbed], and they [deserve|need] a fair deal
quote@1: [Demand|Bookings] [has been|have been] [stronger|better] than we expected, [especially|particularly] for [leisure travel|summer routes]
quote@3: [There is|There's] no good time to close a [=bt:bridge|tunnel], but [safety|public safety] has to come first
quote: [Commuters|Passengers] are [tired of|fed up with] [delays|disruption] and [want|need] reliable service
back: {city} has [one of the|the] [longest|worst] average commutes in {country}, according to [a recent survey|figures from the transport ministry].
back@1: {company} [expanded|grew] rapidly after {prev_year} and now [operates|flies] about {n_mid} aircraft.
back@3: The [=bt:bridge|tunnel] [opened|was completed] in the [1960s|1970s] and [carries|handles] [a large share|most] of the city's [freight|commuter] traffic.
back@02: [Public transport|The transit system] in {city} is [run|operated] by the {agency}, which [carries|serves] about {n_big} passengers a day.
out@0: [Public hearings|Consultations] on the [route|plan] will [be held|take place] in {next_month}.
out@2: [Talks|Negotiations] between the union and [management|the operator] are [scheduled|set] to [resume|continue] on {next_wday}.
out@3: [Officials|The transport department] said they would [publish|release] a detailed [detour map|timetable] [before the closure|by {next_month}].
out@1: [Tickets|Bookings] for the new routes [go on sale|open] [on {next_wday}|next week], {company} said.

== science tech
r1: a professor at {university} who led the study ; lead author of the study ; a researcher at {university}
r2: a scientist at the {country} Science Council who was not involved in the research ; an independent researcher in {city2} ; a professor at the University of {city2}
story: Researchers [Discover|Identify] [=find:New Frog Species|Ancient Settlement] [Near|Outside] {city} || [Scientists|Researchers] from {university} [discovered|identified] [=find:a previously unknown species of frog|the remains of a Bronze Age settlement] [near|outside] {city}, [according to|they reported in] a study published [this week|on {wday}] in {journal}.
story: [Study|New Research] [Links|Ties] {topic} to {effect_title} || {topic} [was linked|is associated] with {effect}, according to a [large|long-term] study of about {n_big} [adults|participants] published on {wday} in {journal}.
story: [Astronomers Spot|Telescope Spots|Astronomers Detect] [=sig:Unusual Signal|Rare Object] in Galaxy {distance} Million Light-Years Away || [Astronomers|A team of astronomers] using [a ground-based telescope|a new space telescope] [detected|spotted] [=sig:an unusual radio signal|a rare object] in a galaxy about {distance} million light-years away, [a finding|results] that [could|may] [help explain|shed light on] [how stars form|the early universe].
story: {university_title} Team [Builds|Develops] [=dev:Robot|Material|Sensor] That {ability_title} || A team at {university} [has built|developed] a [=dev:robot|material|sensor] that {ability}, [a result|an advance] the researchers [say|believe] could [be used|prove useful] in [farming|medicine|disaster response].
detail: [The work|The study] [was|had been] [delayed|interrupted] [during the pandemic|by the pandemic], when [fieldwork|lab access] was [suspended|restricted] for [months|most of a year].
detail: [Computer models|Simulations] [run|used] by the team [required|needed] about {n_mid} days of [computing time|processing] on a [university|national] supercomputer.
detail: [Graduate students|Young researchers] [did|carried out] [much of|most of] the [fieldwork|lab work], [often|sometimes] [working|spending] [long hours|nights] [in difficult conditions|in the lab].
detail: [The results|The findings] [are|were] [consistent with|in line with] [some|earlier] [theoretical predictions|models], [the authors wrote|according to the paper].
detail: [Similar|Related] [work|research] is [under way|being done] at [laboratories|universities] in {city2} and [abroad|elsewhere in {country}].
detail: The [study|project] was [funded|supported] by [public and private grants|a mix of government and foundation money] totaling about {grant}.
detail: [The researchers have|The team has] [made their data public|released their code] so [other groups|independent scientists] can [check|test] the [results|findings].
detail: [Independent|Outside] [experts|researchers] said the [results|findings] were [intriguing|promising] but [cautioned|warned] that more work was needed to [confirm|replicate] them.
detail: The paper [lists|has] {n_mid} [authors|co-authors] from [{n_small} institutions|several universities] [in|across] [{n_small} countries|Europe and Asia].
detail: [Peer reviewers|The journal's reviewers] [asked|requested] [additional|extra] [analyses|experiments] before [accepting|publishing] the paper, [the authors said|{p1_last} said].
detail: [The work|The research] [took|lasted] about {n_small} years and [involved|drew on] [graduate students|researchers] from [several|{n_small}] [departments|disciplines].
detail@0: The [team|researchers] [spent|worked for] {n_small} years [collecting|analyzing] [samples|data] [from|at] {n_mid} [sites|locations] [across|in] {country}.
detail@0: [=find:Genetic tests showed that the frog is distinct from its closest relatives|Radiocarbon dating suggests the site was occupied about {n_big} years ago], [the authors wrote|according to the paper].
detail@0: [=find:The frog, about {n_small} centimeters long, lives near mountain streams and may already be endangered|The settlement held about {n_mid} houses, and the team also found pottery and tools].
detail@1: [Participants|People] with the [highest|lowest] levels were about {pct3}% more likely to [develop|report] [the condition|symptoms], [after adjusting for|accounting for] [age|income|smoking].
detail@1: [Participants were followed for|The study tracked people for] [an average of|about] {n_small} years [through|using] [questionnaires|health records].
detail@1: [The authors|The researchers] [stressed|noted] that the study showed an association, not cause and effect.
detail@2: [The signal|The object] [repeated|was observed] {n_small} times [over|during] {n_mid} days of observation, [ruling out|which ruled out] [a glitch|instrument error].
detail@2: [Radio telescopes|Observatories] in [two|three|several] countries [were used|joined the effort] to [pin down|narrow down] [where the signal came from|the object's position], [the team said|according to the team].
detail@2: [Similar|Comparable] [signals|objects] have been [reported|seen] [only a handful of times|fewer than {n_mid} times], and [their origin|what causes them] [remains|is still] [unclear|debated], [astronomers say|according to astronomers].
detail@2: [The data|The observations] [were processed|were analyzed] [using|with] [software|algorithms] [written|developed] [by the team|in-house] to [filter out|remove] [interference|noise] from [satellites|mobile phones].
detail@2: [Telescope time|Observing time] [is scarce|is limited], and the team [had to|needed to] [apply|compete] [for|to get] [additional nights|more hours] [to confirm|to follow up on] the [detection|finding].
detail@3: The [prototype|device] [weighs|measures] about {n_small}00 grams and [can operate|runs] for {n_small} hours on a single [charge|battery].
detail@3: [The team|The researchers] [has filed|have filed] for a patent and [is|are] [talking to|in discussions with] [companies|manufacturers] about [licensing|commercial use].
quote@02: [It was|This was] [one of those|a] moments where you [stop|pause] and [check everything twice|ask whether you are seeing things]
quote: [The finding|This result] [raises|opens] [more questions than it answers|a lot of new questions], which is [exactly|precisely] what good science [does|should do]
quote: We [hope|expect] this will [help|encourage] [others|other labs] to [look more closely|take a fresh look]
quote@1: [Associations|Correlations] like this are [interesting|worth noting], but [people|readers] should not change their habits based on one study
quote@0: [Nature|The natural world] still has [plenty of|many] surprises [for us|left]
quote@3: [The hard part|The challenge] now is [making it cheap enough|scaling it up] to be [useful|practical] outside the lab
back: {university} [has|runs] one of the [largest|oldest] [research programs|laboratories] in {country} [in the field|focused on the subject].
back@1: [Previous|Earlier] studies [have suggested|had hinted at] a [similar|weaker] link, [but|though] [most|many] were [smaller|shorter].
back: {journal_cap} is a peer-reviewed [journal|publication] [published|issued] [monthly|quarterly].
back@0: [The region around {city}|The area] [has been|was] [surveyed|studied] [only rarely|by few scientists] because of [difficult terrain|restricted access].
back: [Science funding|Research budgets] in {country} [have been|were] [flat|squeezed] [since {prev_year}|in recent years], [researchers|university leaders] [say|have said].
out: The team [plans|hopes] to [return|continue the work] [next year|in {next_year}] [with|using] [better equipment|a larger sample].
out@2: [Follow-up|Further] observations are [planned|scheduled] for {next_month}.
out@3: The researchers said they [were seeking|had applied for] [funding|further funding] to [develop|test] the [technology|device] further.

== culture general
r1: director of the {festival} ; director of the {city} Museum ; {artist}'s manager
r2: a film critic for a {city} newspaper ; a cultural historian at the University of {city} ; a longtime visitor from {city2}
story: {festival} [Opens|Kicks Off] With [Premiere|Screening] of '{work}' || The {festival} [opened|began] on {wday} [night|evening] with the [premiere|first screening] of "{work}," a [drama|documentary|comedy] by [director|filmmaker] {artist} about [a family of fishermen|a retired boxer|two sisters running a bakery] in {city}.
story: {artist} [Returns|Is Back] With New [=form:Album|Novel] '{work}' || {artist} released "{work}" on {wday}, the first [=form:album|novel] from the artist in {n_small} years, [drawing|earning] [strong reviews|praise from critics] and [topping|reaching the top of] [=form:streaming charts|bestseller lists] in {country}.
story: {city} Museum [Unveils|Opens] {cost} [=space:Wing|Gallery] || The {city} Museum of [Art|History] [opened|unveiled] a {cost} [=space:wing|gallery] on {wday}, [doubling|expanding] the space available for [its permanent collection|contemporary works] and [adding|including] a [sculpture garden|learning center].
story: [=venue:Concert Hall|Theater] in {city} [Saved|Rescued] by [=saver:Donor|Local Campaign] || A [historic|century-old] [=venue:concert hall|theater] in {city} [will stay open|has been saved from closure] after [=saver:a local donor|a crowdfunding campaign] [raised|contributed] {grant}, [organizers said|the owners announced] on {wday}.
detail: [Critics|Reviewers] in {country}'s [national press|main newspapers] [gave|awarded] the [work|show] [mostly positive|mixed] reviews.
detail: [Merchandise|Program] sales [brought in|raised] about {money_small}, [organizers said|according to organizers], [money|funds] that will go to [next year's edition|maintenance].
detail: [Schools|Local schools] [will|are set to] [bring|organize] [classes|student groups] to [see|visit] the [show|exhibition] as part of a [new|city-funded] [education program|outreach program].
detail: [Streaming now accounts for|Online sales make up] [most|about {pct2}%] of [revenue|income] for [artists|musicians and authors] in {country}, [according to|based on] [an industry report|figures from {firm}].
detail: [Tickets|Entry] will cost {price_small} [for adults|per person], with [discounts|reduced prices] for [students|pensioners].
detail: [Volunteers helped organize|Local volunteers played a big part in running] the [event|project], [organizers said|according to organizers], [and|while] [sponsors|local businesses] [covered|paid for] [much|part] of the cost.
detail: [The city|{city}] [contributed|put up] about {money} [toward|for] the project, [with the rest coming from|and the rest was raised from] [private donors|foundations].
detail: [Arts funding|Public funding for the arts] in {country} has [been cut|fallen] by about {pct2}% since {prev_year}, according to the culture ministry.
detail: [Attendance|Visitor numbers] at [museums|theaters] in {city} [has recovered|have climbed back] to about {pct3}% of pre-pandemic levels.
detail: [Local businesses|Restaurants and hotels] [expect|are counting on] a [boost|lift] from [visitors|the crowds], [according to|said] the {city} [tourism office|chamber of commerce].
detail: [Tickets|Passes] [sold out|were snapped up] [within hours|in days], [organizers said|according to organizers], [and|while] [a waiting list|extra dates] [was|were] [opened|added].
detail@0: [More than|About] {n_big} [tickets|passes] were sold [for the festival|in advance], [a record|up {pct2}% from last year], organizers said.
detail@0: The festival [features|includes] {n_mid} [films|performances] from {n_small} countries [over|across] {n_small} days.
detail@01: [Critics|Reviewers] [praised|singled out] [its|the] [quiet humor|performances|attention to detail], [though|but] [some|a few] found [the pacing slow|the ending abrupt].
detail@01: The [work|project] was [made|written] over {n_small} years [in|between] {city} and {city2}.
detail@1: {artist} [will|plans to] [tour|perform in] {n_mid} cities [starting|beginning] in {next_month}.
detail@2: [=space:The new wing|The new gallery] was designed by [architect|the firm of] {p3} and [uses|features] [natural light|local stone|recycled timber] throughout.
detail@2: [Admission|Entry] will be free [on Sundays|for children] [for the first year|through {next_month}], the museum said.
detail@2: [The opening exhibition|The first show in the new space] [brings together|features] about {n_mid}0 works [on loan|borrowed] from [collections|museums] in {n_small} countries.
detail@3: [=venue:The hall|The theater] [seats|holds] about {capacity} people and has hosted [touring orchestras|comedians and dance companies] since the [1920s|1930s].
detail@3: [The owners|The building's owners] had [planned|proposed] to [sell the site|convert the building into apartments] [after|because of] [years of losses|rising repair costs].
quote@01: [Stories|Films] like this [remind us|show] that [small places|ordinary lives] [can hold|have] [big|enormous] [emotions|drama]
quote@1: I [wanted|needed] to make something [honest|personal], even if it [scared me|took a long time]
quote@3: [A city|A town] is [poorer|diminished] without [places like this|spaces where people gather]
quote@2: [Museums|Galleries] have to [earn|win] their audiences again after the pandemic
quote@3: [The response|The support] [has been|was] [overwhelming|humbling]
quote: [=arts:Culture is not a luxury; it is|The arts are not a luxury; they are] part of what [makes a city livable|holds a community together]
back@0: The {festival} [was founded|began] in {prev_year} and [has grown|grew] into one of the [largest|best-known] [cultural events|festivals] in {country}.
back@1: {artist} [rose to prominence|became known] [in the 2010s|after a debut] that [sold|reached] [more than|about] {n_big} copies.
back@23: [Many|Several] [venues|cultural institutions] in {country} [closed|shut] [during|after] the pandemic and [never reopened|have not reopened].
back: {city} has [long|traditionally] [been known|been seen] as [a center|a hub] for [music|theater|the visual arts] in {country}.
out@0: The festival [runs|continues] through {next_wday} [next week|week after next], [closing|ending] with an awards ceremony.
out@2: The museum said it [plans|hopes] to [open|host] [a major exhibition|its next show] in {next_month}.
out@3: [Organizers|The owners] said [renovation|restoration] work would [begin|start] [in {next_month}|next year].
out@1: [A deluxe edition|A follow-up] is [planned|expected] [for|in] {next_month}.
"""

# Hard negatives: sample-corpus names in invented events. "== name beat [mix]"; with "mix" the host
# beat's untagged lines are used too. "set:" overrides context slots; "after:" is the earliest date.
HARD_NEGATIVES = """
== sec_money_funds regulation mix1
set: regulator=SEC ; country=the United States ; votes=[3-2|4-1]
after: 2021-05-01
story: SEC [Approves|Adopts] Rule on Money Market Fund [Liquidity|Disclosures] || The Securities and Exchange Commission [approved|adopted] a rule on {wday} requiring money market funds to [hold more liquid assets|publish their holdings more often], [a change|a measure] meant to make the funds [more resilient|sturdier] during periods of market stress.
story: SEC Votes {votes} to Tighten Money Market Fund Rules || The SEC voted {votes} on {wday} to [tighten|update] rules for money market funds, [requiring|obliging] [large|institutional] funds to [report|disclose] daily liquidity [levels|figures] to investors.
detail: Gary Gensler, the SEC chairman, said in a statement that the rule would [protect|help] ordinary savers [who use|who rely on] the funds [as a place to park cash|much like bank accounts].
detail: Money market funds hold trillions of dollars in assets, according to [industry data|figures from a fund trade group], and are used by [companies|households] to [manage|store] cash.
detail: [Fund managers|Industry groups] had [lobbied|pushed] against [parts of the proposal|an earlier draft], [arguing|saying] it would [raise costs|reduce yields] for investors.
detail: [Large|Institutional] funds would have to [report|publish] [the share of assets they can sell within a day|daily and weekly liquidity figures] on their websites, [under the rule|the SEC said].

== cftc_crop_futures regulation
set: regulator=CFTC ; country=the United States ; r1=a grain market consultant in {city}
story: CFTC [Approves|Clears] New {Crop} Futures Contract || The Commodity Futures Trading Commission [approved|cleared] a new {crop} futures contract [on {wday}|this week] for trading on {bourse}, [aimed at|designed for] [farmers|grain merchants] who want to [hedge|protect against] price swings.
story: CFTC [Holds|Hosts] Roundtable on {Crop} Market [Volatility|Margins] || The CFTC [held|hosted] a public roundtable on {wday} on [volatility|margin requirements] in {crop} futures, [hearing from|inviting] [farmers|grain traders|clearinghouse officials] about [sharp price moves|higher collateral costs].
detail@0: The contract will [settle in cash|be settled by physical delivery] and list [monthly|quarterly] contracts [starting|beginning] in {next_month}.
detail: {Crop} prices have swung by as much as {pct2}% [in a single month|this year], according to [exchange data|figures from {firm}].
detail@1: [Several|{n_small}] [participants|speakers] [urged|asked] the agency to [review|reconsider] how [margins|collateral levels] are set during [harvest|periods of stress].
detail@0: [Exchange officials|The exchange] said [the contract|the new contract] [was designed|had been designed] [with input from|after talks with] [farm groups|grain merchants and processors] [over|during] the past year.
detail@0: [Trading|The first trades] [is expected to|should] [begin|start] [within weeks|in {next_month}], [pending|after] [final technical testing|a final review of trading systems].
detail@1: [Clearinghouse officials|Representatives of clearinghouses] [defended|said] [current|existing] margin [models|practices] [were|had been] [needed|necessary] to [protect|safeguard] the [market|system] during [sharp|sudden] price [moves|swings].
detail@1: [Agency staff|CFTC staff] [said|told participants] they would [summarize|publish a summary of] the [discussion|comments] [and|before] [consider|considering] [whether|if] [further|any] [action|guidance] [is|was] needed.
detail: [Weather|Drought in growing regions|Shipping disruptions] [has|have] [added to|driven] [volatility|price swings] in [grain|farm] markets [this year|since {prev_year}], according to {firm}.
detail: [Farmers|Growers] [use|rely on] futures to [lock in|fix] prices [months|a season] [before|ahead of] harvest, [which|and that] [protects|shields] them [from|against] [a sudden drop|sharp falls] in prices.
quote: [Farmers|Growers] [need|want] [tools|ways] to [manage|handle] [risk|price swings] that [do not|don't] [tie up|lock up] [all their cash|their working capital]
quote: [A well-designed contract|Good market design] [helps|serves] [everyone|the whole chain], from the [farm|field] to the [mill|processor]
out: [The agency|The CFTC] [did not say|gave no indication] [when|whether] it would [take further action|issue guidance] [on|about] the [issue|matter].
detail: [Grain elevators|Farm cooperatives] [said|told the agency] that [higher margin calls|swings in collateral] had [strained|squeezed] their [cash|credit lines] [during the last harvest|in {prev_year}].

== ecb_cash regulation
set: r1=a spokesperson for the ECB ; regulator=ECB ; country=the euro area
story: ECB [Survey|Study] Finds Cash Used for {pct3}% of [Shop|In-Store] Purchases || [Consumers|Shoppers] in the euro area paid with cash for about {pct3}% of [purchases|in-store transactions] last year, [down from|compared with] [a much larger share|nearly three-quarters] in 2019, according to a survey published by the European Central Bank on {wday}.
story: ECB [Opens|Unveils] Frankfurt Visitor Center [=exh:on the History of the Euro|on Banknote Design|With Games on Monetary Policy] || The European Central Bank [opened|unveiled] a visitor center at its Frankfurt headquarters on {wday}, [featuring|with] [interactive exhibits|displays] [=exh:on the history of the euro|on how banknotes are designed and protected|including games in which visitors set interest rates].
detail@0: The ECB survey [polled|questioned] about {n_big} people across the [euro area|currency bloc] [about|on] [how they pay|their payment habits].
detail@0: [Card|Contactless] payments [overtook|surpassed] cash by value [years ago|some time ago], the survey found, [while|and] [mobile payments|phone-based payments] are [growing|rising] quickly.
detail@0: [Older people|Shoppers over 65] and [people in rural areas|residents of smaller towns] [still|continue to] [rely on|prefer] cash [far more|much more] than [younger people|city dwellers], the survey found.
detail@0: [Cash use|The share of cash payments] [varied|differed] [widely|sharply] [across|between] [member countries|the countries of the euro area], [from|ranging from] about {pct2}% [in some|in the most digital economies] to [more than|well over] half [in others|elsewhere].
detail@0: [The survey|The study] [also|] [found|showed] that [most|many] [people|shoppers] [kept|carried] [small amounts|a little] of cash [at home|in their wallets] [as a backup|for emergencies].
detail@0: [Younger respondents|People under 35] [were|proved] [far|much] more likely to [pay by phone|use mobile wallets], [while|and] [cash|banknotes] [remained|stayed] [popular|common] for [small purchases|payments under 20 euros].
detail@0: [The|This] [survey|study] [is|was] [conducted|carried out] [every two or three years|regularly] [and|to] [helps|help] the ECB [plan|decide] how many [banknotes|notes] to [print|produce].
detail@0: [Retailers|Shop owners] [said|told the survey team] that [card fees|the cost of accepting cards] [had risen|were rising], [while|but] [handling cash|cash handling] [also|still] [cost|costs] [money|them] [in staff time|for transport and security].
detail@0: [A majority of|Most] respondents said it was [important|very important] to [keep|have] the option of paying with cash.
detail@1: [Admission|Entry] to the center is free, and the ECB [expects|hopes for] about {n_big} visitors [a year|in the first year].
detail@1: [School groups|Visitors] can [try|take part in] [a game|an exercise] in which they [set|steer] [policy|interest rates] for an [imaginary|invented] economy.
detail@1: [Exhibits|Displays] [include|feature] [early euro banknote designs|printing plates] and [a room on|a section about] [security features|how counterfeits are detected].
detail@0: [Cash withdrawals|ATM withdrawals] [have fallen|fell] [steadily|sharply] [since the pandemic|in recent years], and [banks|lenders] have [closed|removed] [thousands of|many] cash machines [across|in] the euro area.
detail@1: The center [took|needed] about {n_small} years to [plan|design] and [build|complete], [the ECB said|according to the ECB].
detail@1: [Guided tours|Tours] [will be|are] [offered|available] in [several|{n_small}] languages [on weekdays|most days], and [groups|school classes] [can|may] [book|reserve] [in advance|online].
detail: [Central banks|Many central banks] have [expanded|stepped up] [public outreach|education programs] [in recent years|since {prev_year}] [in an effort|as they try] to [explain their work|build trust].
quote: [People|Citizens] should [understand|be able to see] [what a central bank does|how their money works], and this [helps|is a way to help]
quote@0: [Cash|Banknotes] [still matter|still play an important role] for [many people|millions of people], even as [habits|payment habits] change
back: The ECB [is based|has its headquarters] in Frankfurt and [sets|is responsible for] monetary policy for the [countries|20 countries] that use the euro.
out: [The ECB|The bank] [plans|intends] to [repeat|update] the [survey|exercise] in [two|three] years.

== mit_city_climate science mix
set: university=MIT ; university_title=MIT
story: MIT [Researchers|Engineers] [Map|Measure] Urban Heat [Street by Street|With Bus-Mounted Sensors] || Researchers at the Massachusetts Institute of Technology [built|developed] a [street-level|high-resolution] map of [urban heat|summer temperatures] in {city} [using|from] [sensors mounted on|readings collected by] [buses|delivery bikes], [according to|they reported in] a study published on {wday} in {journal}.
story: MIT Study [Models|Tracks] Coastal Flooding Risk in {city} || A team at MIT [modeled|simulated] how rising seas and storm surges [could|would] affect {city} [over the coming decades|by 2070], [finding|concluding] that about {pct3}% of its [streets|buildings] [could|might] [flood|face flooding] in a major storm.
detail@0: [Some neighborhoods|Parts of the city] were up to {n_small} degrees Celsius warmer than [others|nearby parks] on [summer afternoons|the hottest days], the MIT team found.
detail@0: The researchers said [tree planting|reflective roofs|more shade on bus stops] [could|would] [reduce|cut] [peak temperatures|the effect] [substantially|by several degrees].
detail@1: The researchers said [sea walls|restored wetlands|raised roads] [could|would] [reduce|cut] [the damage|flooding] by about {pct2}%.
detail@0: [City planners|Officials in {city}] said they would use the map to [decide|prioritize] where to [plant trees|add shade].
detail@1: [City planners|Officials in {city}] said they would use the model to [decide|prioritize] where to [invest in|build] flood defenses.
detail@1: [The model|The simulation] [combined|used] [tide records|decades of tide records] with [detailed|high-resolution] [elevation data|street maps] [for|of] {city}.

== gensler_speech regulation
set: r1=a partner at {firm} ; regulator=SEC ; country=the United States
after: 2021-05-01
story: Gensler [Urges|Calls for] [Clearer|Tougher] Audit Standards in {city} Speech || Gary Gensler, the chairman of the Securities and Exchange Commission, [told|urged] an audience of [accountants|auditors] in {city} on {wday} that [audit firms|auditors] [should|must] [do more|take greater care] to [check|verify] the [valuations|numbers] reported by [private companies|large clients].
story: Gensler Tells {city} Pension Trustees [to Scrutinize|to Watch] Private Fund Fees || SEC Chairman Gary Gensler [told|urged] [pension fund trustees|a gathering of pension trustees] in {city} on {wday} to [scrutinize|look closely at] the fees they pay to [private fund managers|outside managers], [saying|arguing] that [small differences|a few basis points] [add up|compound] over decades.
detail: [The speech|His remarks] [did not address|steered clear of] [specific companies|any individual firm] and [focused on|centered on] [disclosure|transparency] [in general|more broadly].
detail@1: [Pension funds|Public pensions] [manage|oversee] [vast sums|hundreds of billions of dollars] [on behalf of|for] [teachers|public employees], [according to|based on] [industry figures|a trade group].
detail@0: [Members of the audience|Several attendees] [asked|questioned] [whether|how] [smaller firms|small audit practices] would [cope with|afford] [any new requirements|additional work].
detail: The [conference|gathering], [organized|hosted] by a [professional association|trade group], [drew|attracted] about {n_mid}0 [attendees|participants] [over two days|this week].
detail: [Organizers|The association] said the [event|gathering] [had|has] [run|been held] [every year|annually] since the [1980s|1990s] and [usually|typically] [features|includes] [a keynote|a speech] by a [senior|leading] [regulator|official].
detail: [Attendees|Several attendees] said [afterward|later] that the [remarks|speech] [had been|were] [measured|technical] [in tone|and detailed] and [contained|included] [few|no] [surprises|new policy announcements].
detail: [Copies|A transcript] of the [speech|remarks] [were|was] [posted|published] on the SEC's website [later that day|the same afternoon].
detail: [Several|Other] [speakers|panelists] at the [conference|gathering] [discussed|focused on] [staffing shortages|hiring difficulties] in the [accounting|audit] profession and the [use|role] of [software|automation].
detail: Gensler [took questions|answered questions] from the audience for about {n_mid} minutes [after the speech|afterward], [mostly|largely] on [accounting rules|fee disclosure].
detail@0: [Audit quality|Inspections of audit firms] [has been|have been] a [recurring|frequent] [theme|topic] at [accounting|industry] conferences [this year|in recent years].
detail@1: [Private equity|Private fund] [fees|costs] [typically|often] [include|combine] [a management fee|an annual fee] and a [share of profits|performance fee], [which can be|making them] [hard to compare|difficult to track].
quote: [Transparency|Clear disclosure] [costs little|is cheap] [compared with|next to] the [damage|cost] [when|if] [numbers turn out to be wrong|investors are misled]
quote: [Trustees|Auditors] [already|increasingly] [know|understand] this, but [the details|the fine print] [still|often] [get lost|gets overlooked]
out: The [association|organizers] said [the next conference|its next meeting] would [take place|be held] in {city2} in {next_month}.

== binance_listing crypto mix
set: r1=a crypto consultant in {city} ; country={asia}
story: Binance Lists {token_name} for Users in {Asia} || Binance [listed|added] {token}, a [little-known|newer] digital token tied to a [gaming|logistics|music-streaming] project, for customers in {asia} on {wday}, [sending its price up|and the token rose] about {pct3}% in the first hour of trading.
story: Binance.US [Redesigns|Revamps] Mobile App, [Adds|Introduces] [=feat:Price Alerts|Watch Lists|Dark Mode] || Binance.US, a crypto trading platform for U.S. customers, [released|rolled out] a redesigned mobile app on {wday}, [adding|with] a [simpler|new] portfolio screen and [=feat:price alerts|customizable watch lists|a dark mode].
detail@0: The [listing|new market] [includes|comes with] trading pairs against [major stablecoins|bitcoin], and Binance said it would [waive|cut] trading fees [on the pairs|for new users] for {n_small} weeks.
detail@0: [Developers|The team] behind {token_name} said the listing would help [attract|bring in] [users|game studios] in {asia}, where [mobile gaming is popular|online payments are growing quickly].
detail@0: [Token listings|New listings] on large exchanges [often|frequently] [produce|lead to] sharp [rallies|price swings] that [fade|reverse] within days, [analysts|traders] [noted|said].
detail@1: The [update|redesign] [also|] [moves|puts] [account settings|security settings] [onto a single screen|in one place] and [adds|introduces] a new [onboarding flow|help center], [the company said|according to release notes].
detail@1: [The redesign|The new version] [took|was] about {n_small} months [to build|in development] and [was tested|had been tested] with [a group of|about] {n_big} [beta users|volunteer testers], [the company said|according to the company].
detail@1: [Older phones|Some older devices] [will|would] [no longer be supported|not receive the update], [the company said|according to a notice], [though|but] [users|customers] [can|could] [still|continue to] [trade|use the service] [through a web browser|on the website].
detail@1: [Trading apps|Brokerage apps] [have been|are] [redesigning|simplifying] their [screens|interfaces] [to attract|to win over] [newer|first-time] [investors|users], according to {firm}.
detail@0: [Listing|The listing of] {token_name} [follows|came after] a [review|due-diligence process] [of|covering] the project's [code|smart contracts] and [token distribution|team], Binance said.
detail@0: [Trading volume|Volume] in {token_name} [reached|topped] about {money} [within|in] the first [day|24 hours], [according to|based on] [data from {firm}|figures from {firm}].
detail@1: [Early user reviews|App-store reviews] were [mixed|largely positive], with [some users|several users] [praising|welcoming] the [cleaner|simpler] layout and others [reporting|complaining about] [slow loading|login glitches].

== coinbase_hub crypto
set: r1=a spokesperson for {city}'s economic development office ; r2=an economist at the University of {city}
story: Coinbase [Opens|Plans] Engineering Hub in {city} || Coinbase said on {wday} that it would open an engineering [hub|office] in {city} and [hire|recruit] about {n_mid}0 [software engineers|developers] over the next [two|three] years.
story: Coinbase to [Fund|Sponsor] Coding Program at {university_title} || Coinbase [announced|said] on {wday} that it would [fund|sponsor] a coding [program|bootcamp] at {university} for about {n_mid}0 students a year, [focused on|covering] [software security|web development].
detail@0: The [office|hub] will [focus on|work on] [wallet software|payments infrastructure|developer tools], the company said.
detail: [Local officials|{city}'s mayor] [welcomed|praised] the [announcement|decision], [saying|arguing] it showed that the city [could attract|was attracting] [technology employers|tech investment].
detail@1: [Students|Participants] will [take|complete] [a {n_small}-month|a semester-long] course and [work on|build] [projects|software] [with|alongside] [mentors|engineers] from the company.
detail@0: [The company|Coinbase] [did not disclose|declined to disclose] [how much|the cost of] the [office|hub] [would cost|lease], [but|and] said it [had signed|signed] a [five-year|multi-year] lease [for|on] [two floors|space] in [a downtown tower|a renovated warehouse].
detail@1: [The university|{university_title}] said the [program|course] [would be|is] [open|available] to [students|undergraduates] [from|in] [any|all] [department|faculty], [not only|and not just] [computer science|engineering].
detail: [Tech employers|Technology companies] have [added|created] about {n_big} jobs in {city} [since {prev_year}|over the past five years], according to {firm}.
detail: [Coinbase|The company] said [employees|staff] at the [hub|office] would [work|be expected to work] [in person|on site] [at least|about] [three|two] days a week.
detail: [Recruiters|Hiring firms] in {city} said [demand for|salaries of] [experienced engineers|software developers] had [risen|climbed] about {pct2}% [over the past year|since {prev_year}].
detail: [Office rents|Commercial rents] in {city}'s [downtown|center] have [fallen|eased] [since the pandemic|in recent years], [making|which has made] the city [attractive|more attractive] to [companies|employers] [looking|seeking] to expand.
detail: [The city|{city}] [has|is home to] [two|several] universities with [large|growing] computer science departments, [producing|turning out] about {n_big} graduates a year.
quote: [Every|Each] [employer|company] that [chooses|picks] {city} [makes it easier|helps] to [keep|hold on to] [our graduates|young talent] here
quote: [Programs like this|Partnerships like this] [help|give] students [get|build] [real-world|practical] [experience|skills] before they graduate
back: {city} has [spent|invested] [heavily|millions of dollars] [on|in] [tech incubators|business parks] [since {prev_year}|in recent years] [to|in an effort to] [diversify|broaden] its economy.
out: [Hiring|Recruitment] [is expected to|will] [begin|start] in {next_month}, the company said.

== kraken_local crypto
set: r1=a spokesperson for the {city} business council ; r2=a sports marketing consultant in {city2}
story: Kraken Opens Customer Support Center in {city} || Kraken, the cryptocurrency exchange, [opened|launched] a customer support center in {city} on {wday}, [creating|adding] about {n_mid}0 jobs [as it tries|in a bid] to [cut|shorten] response times for users in {country}.
story: Kraken [Sponsors|Backs] {city} [=sport:Rowing|Cycling] Club || Kraken [signed|agreed] a {n_small}-year sponsorship deal with the {city} [=sport:rowing|cycling] club on {wday}, [putting|placing] its logo on the club's [=sport:boats|jerseys] and [funding|paying for] [new equipment|a youth program].
detail@0: The company said [average|typical] response times to support requests had [fallen|dropped] by about {pct2}% since it [added|expanded] [staff|teams] [in the region|abroad].
detail@0: [Staff|Employees] at the center will [handle|answer] [questions|requests] in [several|{n_small}] languages, and [training|onboarding] [began|started] [last month|in {prev_month}].
detail@1: The [deal|agreement] is worth about {money_small}, according to [people familiar with it|the club], and [includes|covers] [coaching for juniors|youth programs].
detail@1: The club, [founded|formed] in the [1890s|1920s], has about {n_mid}0 members and [races|competes] [in regional events|across {country}].
detail@0: [The center|The office] [is located|sits] in [a business park|a converted factory] [near|on the edge of] [the city center|{city}'s old port], [the company said|according to the company].
detail@1: [=sport:Rowing|Cycling] [has|enjoys] a [loyal|strong] [following|fan base] in {city}, where the [annual|summer] [=sport:regatta|race] [draws|attracts] about {n_big} spectators.
detail: [Crypto firms|Exchanges] have [spent heavily|poured money] on [sports sponsorships|brand marketing] [in recent years|since {prev_year}], [though|but] [some|several] deals have [been scaled back|ended early].
detail: [The company|Kraken] said [the move|the decision] [was part of|reflected] [a wider|a broader] [effort|plan] to [build|strengthen] its [presence|operations] [outside|beyond] [its home market|the United States].
detail: [The city|{city}] [offered|provided] [no|some] [tax incentives|grants] [for|to support] the [project|investment], [officials said|according to officials].
detail: [Local officials|Business leaders] in {city} [welcomed|praised] the [investment|announcement], [saying|noting] that [few|not many] [international|foreign] companies [have|had] [set up|invested] in the area.
quote: [It is|It's] [good|welcome] news for {city}, [and|but] [people|residents] will [judge|measure] it by the [jobs|long-term commitment]
quote: [Sponsorship|Support] [at this level|like this] [makes|can make] [a real difference|a big difference] for a [small|community] club
back: {city}'s [unemployment rate|jobless rate] is about {unemp}%, [above|slightly above] the national average, according to [regional statistics|official figures].
out: [The company|Kraken] said it [might|could] [expand|grow] the [center|program] [next year|in {next_year}] [if|depending on] [demand|results].

== paxos_pilot crypto
set: r1=a spokesperson for {bank} ; r2=a payments analyst at {firm}
story: Paxos [Completes|Finishes] Settlement Pilot With {bank} || Paxos said on {wday} that it had completed a [pilot|test] with {bank} to settle [bond|equity] trades on a [shared|private] ledger, [cutting|reducing] settlement times from [two days|days] to [minutes|a few hours].
story: {bank} and Paxos [Test|Trial] Faster Securities Settlement || {bank} and Paxos [ran|carried out] a [three-month|{n_small}-month] trial of [same-day|faster] settlement for [corporate bonds|share trades], the companies said on {wday}.
detail: About {n_big} [test|simulated] transactions worth a combined {money2} were [processed|settled] during the pilot, [the companies said|according to {bank}].
detail: {bank} said it would [decide|make a decision] [by {next_month}|later this year] on whether to [use|adopt] the system [for clients|more widely].
detail: [Banks|Large banks] have [experimented|tested] with [shared ledgers|blockchain-based systems] for [years|nearly a decade], [with mixed results|though few have moved beyond trials].
detail: [Faster settlement|Shorter settlement times] [can|could] [reduce|lower] the [collateral|capital] that [brokers|banks] must [hold|set aside] [against|to cover] [trades that have not yet closed|unsettled trades], [analysts say|according to analysts].
detail: The pilot [ran|operated] [alongside|in parallel with] {bank}'s [existing|usual] systems, so [no client money|no customer assets] [was|were] [at risk|involved].
detail: [Trades|Transactions] [in|during] the pilot [were|had been] [recorded|settled] [in|using] [tokenized cash|a tokenized version of bank deposits], [the companies said|according to {bank}].
detail: [Securities|Bond] settlement [typically|usually] [takes|requires] [one or two|two] business days, [during which|and in that time] [both sides|the parties] [are exposed|remain exposed] to [the risk|the chance] that the other [fails to pay|defaults].
detail: [Other banks|Several other lenders] [watched|followed] the [pilot|test] [closely|with interest], [{bank} said|people involved said], [and|while] [some|a few] [asked|expressed interest in joining] [a second phase|future trials].
detail: [Regulators|Supervisors] in {country} [were briefed|were kept informed] [on|about] the [test|trial], [{bank} said|according to {bank}].
quote: [The technology works|The technical side works]; the [harder|bigger] question is [getting|bringing] [the whole market|other banks] [on board|along]
quote: We [wanted|needed] to [see|test] it with [real|realistic] volumes before [making any decision|deciding anything]
back: {bank}, [based|headquartered] in {city}, [manages|holds] about {money2} in client assets.
out: The [companies|firms] said they [planned|expected] to [publish|share] [a report|findings] [on|from] the [pilot|trial] in {next_month}.

== busd_regional crypto mix
story: {exchange} Adds BUSD and Other Stablecoins for {country} Users || {exchange}, a regional crypto exchange based in {city}, [added|began supporting] [several stablecoins, including BUSD and USDC,|BUSD and two other dollar-linked tokens] for customers in {country} on {wday}, [the company said|according to a notice on its website].
story: {exchange} Expands Stablecoin [Menu|Lineup], Including BUSD || Customers of {exchange} in {country} can now [deposit|trade] BUSD [alongside|as well as] other stablecoins, the exchange said on {wday}, [as it tries|in a bid] to [attract|win] [traders|merchants].
detail: {exchange} said stablecoins [accounted for|made up] about {pct2}% of trading on its platform [last month|in {prev_month}].
detail: The exchange said it would [charge no fees|waive fees] on stablecoin [deposits|conversions] [until|through] {next_month}.
detail: [Dollar-linked tokens|Stablecoins] are [widely used|popular] in {country} [for sending money abroad|as a way of holding savings in dollars], according to {firm}.
detail: {exchange} [has about|serves roughly] {n_big} customers and [was founded|started operating] in {prev_year}.

== cz_education crypto
set: r1=an organizer of the event ; r2=a computer science lecturer in {asia} ; country={asia}
story: Changpeng Zhao [Speaks|Appears] at Student Blockchain Forum in {Asia} || Changpeng Zhao, the founder of Binance, [spoke|appeared] at a [blockchain education|student technology] forum in {asia} on {wday}, [telling|encouraging] [students|young developers] to [learn|study] [programming|computer science] [before|rather than] [trading|speculating on] tokens.
story: Changpeng Zhao [Funds|Backs] Coding Scholarships in {Asia} || Changpeng Zhao, the founder of Binance, [pledged|announced] funding on {wday} for about {n_mid}0 coding scholarships for [university students|young people] in {asia}, [according to the organizers of a charity program|the organizers of an education program said].
detail@0: The [forum|event] [drew|attracted] about {n_big} [attendees|participants], [organizers said|according to organizers], [most of them|many of them] [students|under 30].
detail@1: [Scholarship recipients|Students] will [take|complete] a {n_small}-month course in [software development|data science] [taught by|run with] [local universities|instructors from {university}].
detail: [The remarks|His comments] were [livestreamed|broadcast] [online|on social media] and [watched|viewed] about {n_big} times [within hours|that day].
detail: [Universities|Colleges] in {asia} [have|had] [expanded|added] [computer science|programming] [places|courses] [in recent years|since {prev_year}] to [meet|keep up with] [demand|interest].
detail: [Zhao|Changpeng Zhao] [also|] [met|spoke with] [students|young founders] [privately|in small groups] [after|following] the [event|session], [organizers said|according to organizers].
detail: [Demand|Competition] for [software jobs|coding skills] in {asia} has [grown|risen] [sharply|quickly] [in recent years|since {prev_year}], according to {firm}.
detail: [Organizers|The program] said [applications|places] would [open|be available] to students in [several|{n_small}] [provinces|cities], with [priority|preference] for [students from low-income families|first-generation university students].
detail: [Other|Several] [speakers|panelists] [at the event|on the program] [included|were] [founders of local start-ups|university lecturers and engineers].
quote: [Students|Young people] [here|in the region] are [hungry|eager] to [learn|build things], and [they need|what they need is] [teachers|good teachers] and [opportunities|chances]
quote: [Skills|Programming skills] [last|will last] [longer|far longer] than any [market|price cycle]
out: [The organizers|The program] said the [next|second] [forum|round] would [take place|be held] in {next_month}.
"""


HN_SHARE = 0.12  # share of articles that are hard negatives

GENERIC = dict(
    frame=['"{q}," said {who}, {role}.', '"{q}," {who}, {role}, said [in an interview|by phone|in a statement].',
           '{who}, {role}, [said|told reporters]: "{q}."', '"{q}," according to {who}, {role}.',
           '[Speaking|In remarks] [on {wday}|after the announcement], {who}, {role}, said: "{q}."',
           'In [an interview|a phone interview], {who}, {role}, [put it this way|was blunt]: "{q}."'],
    followup=["{last} [added|said] that [the coming weeks|the next few months] would be [important|telling].",
              "{last} [declined|did not want] to [give|offer] [a timeline|further details] [when asked|on {wday}].",
              "[Asked about|Pressed on] [the costs|the risks], {last} said [the matter was under review|it was too early to say].",
              "{last} [said|noted] that [similar|comparable] [situations|cases] [elsewhere|in other places] had [taken|needed] [months|a long time] to [resolve|settle]."],
    reaction=["{p3}, who [lives|works] in {city}, said [the news|the decision] had [caught many people by surprise|been expected for weeks].",
              "Not everyone was [convinced|persuaded]. {p3}, [a longtime critic|who has followed the issue for years], said the [plan|move] [left important questions unanswered|came too late].",
              "Early reaction on social media was [mixed|divided], with some [users|people] [praising|welcoming] the [announcement|decision] and others [questioning its timing|asking what it would cost].",
              "[Some|Several] [observers|commentators] noted that the [announcement|news] came [only days|less than a week|about {n_small} weeks] after a [similar|related] [move|decision] in {city2}.",
              "[People close to the matter|Two people familiar with the matter] said [talks|the discussions] had [taken months|begun in {prev_month}].",
              "The [figures|details] could not be independently verified [on {wday}|immediately]."],
    # Neutral news sentences that fit any story; they widen every article's sentence supply.
    filler=["The [development|news] [comes|came] at a [sensitive|delicate|busy] time for {country}, where [a general election is due|lawmakers are debating the budget|the government is trying to revive growth] [next year|in {next_year}|this autumn].",
            "[Officials|Those involved] [stressed|said] that [many details|several details|the specifics] were still being [worked out|finalized] and could [change|shift] [in the coming weeks|before {next_month}].",
            "[Opinion|Public opinion] [appears|seems] [divided|split]: a [recent|new] survey by {firm} found that {pct2}% of [respondents|people asked] [supported|backed] [the idea|such moves], while [many others|most of the rest] [were undecided|had no view].",
            "[Local|Regional] [newspapers|broadcasters] in {city} [had reported|reported] [parts of|some of] the [plan|news] [earlier in the week|a day earlier], [citing|quoting] [unnamed sources|people briefed on the matter].",
            "[Opposition politicians|Lawmakers from the opposition] in {country} [called for|demanded] [a hearing|more scrutiny|an explanation], [arguing|saying] that [the public|taxpayers] deserved [answers|clarity].",
            "[Questions|Concerns] about [cost|timing|fairness] have [dogged|followed] [similar|comparable] [efforts|projects] [in other countries|elsewhere], according to {firm}.",
            "[A spokesperson|A representative] [declined to comment|did not respond to a request for comment] [beyond the statement|on {wday} evening].",
            "The [issue|matter] is [likely|expected] to come up at a [regional|national] [summit|conference] in {city2} in {next_month}.",
            "[For now|In the meantime], [many|most] [people|residents] in {city} [said they were|seemed to be] [waiting to see|reserving judgment on] [what happens next|how things unfold].",
            "[The figures|The numbers] [were compiled|come] from [official sources|public records] and [may|could] be [revised|updated] [later|in the coming months].",
            "[Economists|Analysts] at {firm} said the economy of {country} [was on a firmer footing|remained fragile], [with unemployment near {unemp}%|as consumer confidence improved|as exports slowed].",
            "[Inflation has|Rising prices have] [squeezed|strained] [household budgets|families] in {country} [since {prev_year}|in recent years], [shaping|coloring] [how people react to|the debate over] [news like this|such decisions].",
            "[Critics|Skeptics] [argued|said] that [the timing|the approach] [raised questions|was questionable], [while|but] [supporters|defenders] [countered|said] that [waiting|delay] [would have|could have] [cost more|made matters worse].",
            "It was [not the first time|the {ordinal} time in {n_small} years] that the [issue|question] had [drawn|attracted] [national attention|headlines] in {country}.",
            "[A senior official|One person involved], [speaking|who spoke] on condition of anonymity [because the discussions were private|because they were not authorized to speak publicly], said [further announcements|more details] [could|would] [follow|come] [within weeks|soon].",
            "The [news|development] [follows|comes after] [months of|a long period of] [speculation|uncertainty] [about|over] [what would happen|the plans].",
            "[Data|Figures] from {firm} [suggest|show] that [similar|comparable] [decisions|moves] in [neighboring countries|the region] [have had|had] [a modest|a limited|a noticeable] [effect|impact] [in the first year|over time].",
            "[Transparency advocates|Watchdog groups] [urged|called on] [those involved|officials] to [publish|release] [more information|the underlying documents] so that [the public|independent experts] [can|could] [judge|assess] the [decision|plans] for themselves.",
            "[Residents|People] in {city2}, [about|roughly] {n_mid}0 kilometers away, [are|were] [watching|following] [closely|with interest], [local officials there said|according to local officials there]."],
)
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


def _article(i: int, seed: int) -> dict:
    rng = random.Random(f"newsdesk-bench-corpus:{seed}:{i}")
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

    def usable(lines: list, as_story: str | None) -> list[str]:
        return [text for tags, text in lines if not tags or (as_story and as_story in tags)]

    pools = {kind: usable(source[kind], str(story)) for kind in KINDS}
    if hn:  # a hard negative borrows its host beat's generic lines: all kinds with "mix", else background
        for kind in KINDS:
            if hn["mix"] or kind == "back" or not pools[kind]:
                pools[kind] += usable(beat[kind], hn["mix"] if hn["mix"] != "*" else None)
    for key in ("r1", "r2"):
        if key not in ctx:
            roles = source.get(key) or (hn and hn.get("r2")) or beat["r2"]
            ctx[key] = _expand(rng.choice(roles), rng, ctx, sentence=False)

    def take(kind: str, fallback: str | None = None) -> str | None:
        pool = pools[kind] or (pools[fallback] if fallback else [])
        return _expand(pool.pop(rng.randrange(len(pool))), rng, ctx) if pool else None

    def quote(person: str) -> list[str]:
        who, role = (ctx["p1"], ctx["r1"]) if person == "p1" else (ctx["p2"], ctx["r2"])
        q = take("quote")
        if q is None:
            return []
        ctx.update(who=who, role=role, q="{q}", last=who.split()[-1])
        out = [_expand(rng.choice(GENERIC["frame"]), rng, ctx).replace("{q}", q)]
        if rng.random() < 0.45:
            out.append(_expand(rng.choice(GENERIC["followup"]), rng, ctx))
        return out

    title_tpl, lead_tpl = source["stories"][story]
    title = _expand(title_tpl, rng, ctx)
    pools["filler"] = rng.sample(GENERIC["filler"], 5)
    pools["reaction"] = rng.sample(GENERIC["reaction"], rng.randint(1, 2))
    # A stream of units (lists of sentences), drawn by weight until the word target is met.
    lead = [_expand(lead_tpl, rng, ctx)]
    if rng.random() < 0.6 and (first := take("detail")):
        lead.append(first)
    units: list[list[str]] = []
    counts: list[int] = []  # words per unit
    quotes, quote_starts = ["p1", "p2"], set()
    weights = dict(detail=6, back=2, filler=1.2, quote=1.6, reaction=0.8)
    target, words = rng.randint(258, 395), len(" ".join(lead).split())
    while words < target:
        kinds = [k for k in weights if (quotes if k == "quote" else pools[k]) and (k != "quote" or pools["quote"])]
        if not kinds:
            break
        kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
        unit = quote(quotes.pop(0)) if kind == "quote" else [take(kind)]
        if kind == "quote" and units:
            quote_starts.add(len(units))
        units.append(unit)
        counts.append(sum(len(x.split()) for x in unit))
        words += counts[-1]
    closing = [x for x in (take("out"),) if x]
    # Group the middle into 2-8 paragraphs of similar length; a quote always opens a paragraph.
    size = sum(counts) / rng.randint(2, 8)
    paras, current, filled, limit = [lead], [], 0, size * rng.uniform(0.7, 1.3)
    for i, unit in enumerate(units):
        if current and (i in quote_starts or filled >= limit):
            paras.append(current)
            current, filled, limit = [], 0, size * rng.uniform(0.7, 1.3)
        current = current + unit
        filled += counts[i]
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
    body = _tidy("\n\n".join(" ".join(p) for p in paras))
    title = _tidy(title)
    outlet, host = rng.choice(OUTLETS)
    authors = [_name(rng) for _ in range(1 if rng.random() < 0.8 else 2)]
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower().replace("'", ""))[:8])
    return dict(title=title, source=outlet, url=f"https://{host}.example/{when:%Y/%m/%d}/{slug}-{i}",
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
