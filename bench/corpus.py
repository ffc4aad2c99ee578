"""Deterministic, offline generator of synthetic news articles for benchmarks (stdlib only).

Articles are built compositionally: each picks a beat, fills a context of invented people,
companies, places and numbers, and assembles paragraphs from per-beat sentence templates.
Templates use ``[a|b|c]`` for inline alternatives and ``{slot}`` for context values.

Some crypto/regulation/science articles are hard negatives for retrieval: they mention names
from the sample corpus (SEC, Gensler, Binance, Kraken, Paxos, BUSD, CFTC, MIT, ECB, ...) but
only in invented events unrelated to the sample stories.

    python bench/corpus.py --n 2000 --seed 7 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
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
    ("Orchard Street Journal", "orchardstreetjournal"), ("Tidewater Sentinel", "tidewatersentinel"),
    ("The Quarry Record", "quarryrecord"), ("Sunfield Sports Wire", "sunfieldsports"),
]
FIRST = ("Adaeze Bram Celia Dmitri Esme Farid Greta Hollis Imogen Jonas Kaia Lionel Maren Nikhil Odile "
         "Pavel Quinn Rosalind Soren Talia Umar Vera Wendell Ximena Yusuf Zora Anselm Beatrix Cormac "
         "Delphine Emeka Fiona Gideon Helena Ivo Jasmine Kenji Leona Matthias Nadia Rafael Signe").split()
LAST = ("Abernathy Brightman Corrigan Danvers Ellison Fairbanks Galloway Hartigan Iverson Jablonski "
        "Kettering Lindqvist Moravec Nakashima Oduya Pemberton Quaresma Rasmussen Sandoval Thorne "
        "Underhill Valcourt Wexford Yarrow Zielinski Ashdown Blackwood Carvalho Dembele Everly Fitzroy "
        "Grimaldi Halvorsen Ishikawa Kovacs Lachance Mwangi Novak Okafor Petrov Renwick Stavros").split()
CITIES = ("Calderwick Brimhaven Velmora Ashcombe Redmarsh Glenholt Marisport Fernhollow Quillan Saltmoor "
          "Norwick Greyhaven Oakmere Dunraven Elmstead Kilbride Larkhill Pellston Ravensmoor Tarrow").split()
COUNTRIES = "Valdoria Estmark Lorvania Kessland Ardenne Solmara Brevia Thalassa".split()
PREFIX = "Vel Lum Quor Sol Axi Nov Cir Tal Zen Orr Bry Kav Mer Pyr Sten Tor Cal Hel Ard Fen".split()
SUFFIX = "ora ex ium ant ix ara eon ova yne is".split()
SECTOR = {
    "tech": ["Systems", "Labs", "Software", "Networks", "Robotics", "Semiconductor"],
    "energy": ["Energy", "Power", "Renewables", "Utilities"],
    "health": ["Therapeutics", "Biosciences", "Pharma", "Health"],
    "transport": ["Airways", "Logistics", "Rail", "Motors"],
    "general": ["Holdings", "Group", "Industries", "Brands", "Foods"],
}
WDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November December").split()

# Per-beat pools: titles, leads, details, quotes (bare quote text), background, outlook, r1 (role of
# the main actor p1), r2 (role of the outside voice p2). "sector" chooses company-name endings.
BEATS: dict[str, dict] = {
    "markets": dict(sector="general", titles=[
        "[Stocks|Shares] [Slide|Retreat] as {company} [Warning|Forecast] [Rattles|Unsettles] Investors",
        "{index} [Climbs|Gains] {pct}% on [Strong|Upbeat] Earnings From {company}",
        "Bond Yields [Jump|Climb] in {country} as Inflation Data [Surprises|Beats Forecasts]",
        "{company} Shares [Soar|Surge] After [Quarterly Results|Buyback Plan|Takeover Offer]"], leads=[
        "Shares on the {index} [fell|slipped|dropped] {pct}% on {wday}, [their steepest one-day decline since {prev_month}|ending a three-day rally], after {company} [cut its full-year forecast|warned that orders were slowing|reported weaker-than-expected revenue].",
        "The {index} [rose|climbed|advanced] {pct}% on {wday} as investors [cheered|welcomed] [better-than-expected quarterly results|a rebound in factory orders|signs that inflation is cooling] and [piled back into|returned to] [technology|industrial|consumer] stocks.",
        "Shares of {company} [jumped|surged|soared] {pct3}% in {city} trading on {wday} after the company [agreed to be acquired by {company2} for {money2}|announced a {money} share buyback|raised its outlook for the year].",
        "Government bond yields in {country} [climbed to their highest level in {n_small} months|posted their biggest weekly gain since {prev_year}] on {wday} after [figures showed consumer prices rising {pct}% from a year earlier|a stronger-than-expected jobs report]."], details=[
        "Trading volume was [about {pct2}% above|roughly in line with|slightly below] the [30-day|monthly] average, with about {n_mid} million shares changing hands [by the close|across the session].",
        "[Energy|Utility|Bank|Retail|Mining] stocks were among the [biggest decliners|worst performers], while [consumer staples|health care shares|defensive sectors] held up [better|relatively well].",
        "{company} said [revenue|net income|operating profit] for the {quarter} came to {money}, [down|up] {pct2}% from a year earlier, [short of|ahead of] the average analyst estimate.",
        "The index has [gained|lost] about {pct3}% since the start of {year}, [trailing|outpacing] [most|several] of its regional peers.",
        "[Currency traders|Foreign-exchange markets] also [reacted|moved], with the {country} currency [weakening|strengthening] {pct}% against the dollar [by late afternoon|in early trading].",
        "The yield on the [10-year|two-year] government bond [rose|fell] to {rate}%, according to [dealer quotes|market data] compiled by {firm}.",
        "More than {n_mid} companies in the index are [due|scheduled] to report results [over the next two weeks|before the end of the month], which could keep [volatility|price swings] elevated.",
        "{company2}, a [rival|competitor|major supplier] of {company}, [also fell|slid in sympathy|edged lower], losing {pct}% [by the close|on the day].",
        "Short sellers had [increased|built up] their positions in {company} in recent weeks, according to data from {firm}.",
        "Options activity [picked up|spiked] ahead of the announcement, with traders [buying|snapping up] contracts that would pay off if the shares [moved sharply|fell further]."], quotes=[
        "[The market|Investors] had priced in a [lot|great deal] of good news, and today was a reminder that [earnings still matter|valuations were stretched]",
        "We are seeing [a rotation|money move] out of [growth|technology] names and into [companies with steady cash flows|more defensive areas]",
        "[One bad quarter|A single forecast] does not change the long-term picture, but it does make people [nervous|cautious]",
        "The bond market is [telling us|signaling] that inflation is [not beaten yet|stickier than hoped]",
        "[I would not read too much into|It is too early to draw conclusions from] a single session"], background=[
        "Markets in {country} have been [volatile|choppy] [this year|in recent months] as investors [weigh|try to gauge] [how long interest rates will stay high|the strength of consumer spending|the outlook for corporate profits].",
        "{company}, which is based in {city}, employs about {n_big} people and sells [industrial equipment|consumer electronics|packaged foods|building materials] in more than {n_mid} countries.",
        "Strategists at {firm} [lowered|raised] their year-end target for the {index} [last month|earlier this month], citing [slower growth|resilient profits|lower energy costs].",
        "Retail investors have accounted for a growing share of trading [in recent years|since the pandemic], according to figures from the [exchange operator|market regulator in {country}].",
        "The last time the index [fell this much|posted a similar gain] in a single session was in {prev_month}, when [worries about a slowdown|a surprise rate move] [shook|lifted] markets."], outlook=[
        "Investors will [next|now] turn their attention to [inflation figures|retail sales data|the central bank's next policy meeting] due [next week|on {next_wday}|later this month].",
        "{company} is [scheduled|expected] to [hold its annual shareholder meeting|give an investor update] in {next_month}.",
        "[Strategists|Analysts] said [further|more] swings were likely before the [earnings|reporting] season [ends|wraps up]."],
        r1=["chief executive of {company}", "{company}'s chief financial officer"],
        r2=["a portfolio manager at {firm}", "chief market strategist at {firm}", "an equity analyst at {firm}", "head of trading at {firm}"]),
    "central_banks": dict(sector="general", titles=[
        "{cbank} [Holds|Keeps] Rates at {rate}% [and Signals Patience|as Growth Slows]",
        "{cbank} [Cuts|Lowers] Key Rate by {bps} Basis Points",
        "{cbank} [Raises|Lifts] Rates [Again|for a Third Time] as Prices [Climb|Keep Rising]",
        "{cbank} Governor [Warns|Cautions] on [Housing|Credit|Wage] Risks"], leads=[
        "The {cbank} [left its benchmark interest rate unchanged at {rate}%|held its policy rate at {rate}%] on {wday}, [saying it needed more evidence|arguing that it wanted more data] before deciding whether [inflation|price growth] was firmly on a path back to target.",
        "The {cbank} [cut|lowered] its [key|benchmark] rate by {bps} basis points to {rate}% on {wday}, [its first reduction in {n_small} years|the second cut this year], as [growth stalled|unemployment edged higher|consumer spending weakened] across {country}.",
        "The {cbank} [raised|lifted] interest rates by {bps} basis points to {rate}% on {wday} and [signaled|hinted] that [further increases|more tightening] could follow, after inflation in {country} [ran at|reached] {pct3}% in {prev_month}.",
        "{p1}, the governor of the {cbank}, [warned|cautioned] on {wday} that [household debt|commercial property lending|rapid wage growth] posed a [growing|rising] risk to [financial stability|the inflation outlook] in {country}."], details=[
        "The decision was [unanimous|backed by {n_small} of the {n_mid} members of the policy committee], [according to a statement released after the meeting|the bank said].",
        "The bank [lowered|raised] its growth forecast for {year} to {pct}%, and now expects inflation to [average|settle at] {pct2}% [next year|in {next_year}].",
        "Consumer prices in {country} rose {pct3}% in the year to {prev_month}, [above|well above|close to] the bank's target of 2%.",
        "Mortgage rates [have roughly doubled|have climbed sharply] since the bank began [tightening|raising rates], [squeezing|pressuring] household budgets in cities such as {city}.",
        "The {country} currency [rose|fell] {pct}% against the dollar after the announcement, while [short-term bond yields|two-year yields] [dropped|jumped].",
        "[Economists|Most economists] surveyed by {firm} had [expected|forecast] the [decision|move], though [a minority|several] had predicted a [larger|smaller] step.",
        "The bank said it would [keep shrinking|continue reducing] its holdings of government bonds [at a pace of|by about] {money2} a month.",
        "Minutes of the previous meeting showed [policymakers|committee members] divided over [how quickly to act|the risks from a weaker labor market]."], quotes=[
        "We will do what is [necessary|needed] to bring inflation back to target, [but|and] we are [mindful|aware] of the costs for households",
        "The [data|evidence] does not yet give us the confidence we need to [change course|declare victory]",
        "[Policy|Monetary policy] works with long and variable lags, and we have to be patient",
        "The bank is [clearly|plainly] more worried about [growth|jobs] than it was [three months ago|at the start of the year]",
        "[Markets|Investors] [got|heard] a more [cautious|hawkish] message than they expected"], background=[
        "The {cbank} [began|started] raising rates in {prev_year} after [inflation surged|prices climbed] to the highest level in [decades|a generation], [driven by|fueled by] [energy costs|food prices|a tight labor market].",
        "{country}'s economy [grew|expanded] only {pct}% in the {quarter}, [according to|based on] [official figures|the national statistics office].",
        "Unemployment in {country} stood at {pct2}% in {prev_month}, [little changed|up slightly] from a year earlier.",
        "The bank's independence has been [debated|questioned] [in parliament|by opposition lawmakers] in recent months amid [complaints|frustration] about borrowing costs.",
        "{p1} took over as governor in {prev_year} after [a career at the finance ministry|years as the bank's chief economist]."], outlook=[
        "The {cbank} next meets in {next_month}, when it will also publish [updated forecasts|its quarterly monetary policy report].",
        "[Traders|Futures markets] now [price in|expect] [one more cut|another increase|no change] before the end of {year}, according to {firm}.",
        "[Economists|Analysts] said the [wording of the statement|press conference] left the door open to [further moves|a pause]."],
        r1=["governor of the {cbank}", "deputy governor of the {cbank}"],
        r2=["chief economist at {firm}", "an economist at {firm}", "a former policymaker now at {firm}"]),
    "tech": dict(sector="tech", titles=[
        "{company} [Unveils|Launches] [New|Redesigned] [Laptop|Chip|Cloud Service|App]",
        "{company} to Cut {n_big} Jobs in [Restructuring|Cost Push]",
        "{company} [Agrees to Buy|Acquires] {company2} for {money2}",
        "{company} [Outage|Glitch] [Disrupts|Hits] Millions of Users"], leads=[
        "{company} [unveiled|introduced|launched] [a new line of laptops|its next-generation processor|a cloud storage service for small businesses|a redesigned messaging app] on {wday}, [betting that|in a wager that] [customers|businesses] will pay more for [faster performance|better privacy|longer battery life].",
        "{company} said on {wday} that it would cut about {n_big} jobs, or roughly {pct2}% of its workforce, as it [shifts spending toward artificial intelligence|tries to reduce costs|reorganizes its hardware division].",
        "{company} [agreed to acquire|said it would buy] {company2}, a [{city}-based|smaller] maker of [data analytics software|security tools|industrial sensors], for about {money2} [in cash|in cash and stock].",
        "Millions of users of {company}'s [email|cloud|payments|video] services were [locked out|unable to log in] for [several|about {n_small}] hours on {wday} after [a faulty software update|a configuration error|a problem at a data center in {city}]."], details=[
        "The company said the [new product|service] would [go on sale|become available] in {next_month}, [starting at|priced from] {price}.",
        "{company} reported revenue of {money2} in the {quarter}, [up|down] {pct}% from a year earlier, with [cloud|advertising|hardware] sales [leading|lagging] the [growth|decline].",
        "[Engineers|The company] said the [chip|system] was built on a [new|smaller] manufacturing process and used about {pct2}% less power than [its predecessor|the previous generation].",
        "The [deal|acquisition] is expected to close [by the end of {year}|in {next_month}], subject to [regulatory approval|shareholder approval|antitrust review] in {country}.",
        "The cuts will [fall mostly on|affect mainly] [sales and marketing|middle management|hardware teams] and [are expected|are due] to be completed [by the end of the {quarter}|within {n_small} months].",
        "{company} said [no customer data|no personal information] had been [lost|exposed] and that [the root cause|the faulty change] had been [reversed|identified].",
        "Shares of {company} [rose|fell] {pct}% in [extended|after-hours|early] trading [following|after] the announcement.",
        "The company employs about {n_big} people, [most of them|many of them] at its headquarters in {city} and a research campus in {city2}.",
        "[Competitors|Rivals] including {company2} have [rolled out|announced] similar [products|features] in recent months."], quotes=[
        "[This is|We think this is] the most significant [product|launch] we have done in [a decade|years]",
        "These are [difficult|hard] decisions, and they affect [colleagues|people] who have [worked hard|contributed a great deal]",
        "[Customers|Buyers] are [more careful|pickier] with their budgets, and every [feature|dollar] has to earn its place",
        "The [deal|purchase] gives them [talent|technology] they would have taken years to build on their own",
        "An outage of this length [damages trust|is a serious matter] for a company that [sells reliability|runs critical services]"], background=[
        "{company} was founded in {city} in the [1990s|early 2000s] and [grew|expanded] quickly during the [pandemic|boom in remote work].",
        "The [technology|software] industry has [shed|cut] tens of thousands of jobs since {prev_year} as [growth slowed|interest rates rose] and investors [demanded|pushed for] higher profits.",
        "Regulators in {country} have [stepped up|increased] scrutiny of [large technology deals|data handling by tech companies] [in recent years|since {prev_year}].",
        "[Spending|Investment] on [artificial intelligence|data centers] has [surged|soared], [with|as] companies racing to [build|train] larger models.",
        "{company2} [was founded|started] in {prev_year} and [has about|employs roughly] {n_mid}0 people."], outlook=[
        "{company} will [report|publish] its next quarterly results in {next_month}.",
        "[Analysts|Industry watchers] said [rivals|competitors] were likely to [respond|follow] with [price cuts|their own announcements] before the [holiday season|end of the year].",
        "The company said it would hold a [developer conference|product event] in {city} [later this year|in {next_month}]."],
        r1=["chief executive of {company}", "{company}'s president", "head of products at {company}"],
        r2=["an analyst at {firm}", "a technology analyst at {firm}", "a partner at {firm}"]),
    "crypto": dict(sector="tech", titles=[
        "{token} [Surges|Jumps] {pct3}% as [Traders|Investors] [Pile In|Return]",
        "Crypto Exchange {exchange} [Halts|Pauses] Withdrawals [After Hack|Citing Technical Fault]",
        "{exchange} [Wins|Secures] License in {country}",
        "Bitcoin [Slides|Tumbles] Below {price_btc} as [Risk Appetite Fades|Sell-Off Deepens]"], leads=[
        "The price of {token} [jumped|surged] about {pct3}% on {wday}, [making it one of the best-performing digital assets of the week|its biggest daily gain in months], after [developers announced an upgrade|a large payments firm said it would accept it|trading volumes spiked] on {exchange}.",
        "Crypto exchange {exchange} [paused|suspended] customer withdrawals on {wday} after [attackers drained about {money} from one of its hot wallets|a technical fault in its settlement system], [saying|adding] that user balances [would be|were being] [restored|protected].",
        "{exchange}, a [mid-sized|fast-growing] cryptocurrency [exchange|trading platform] based in {city}, said on {wday} that it had [received|been granted] a license to [operate|offer trading services] in {country}.",
        "Bitcoin [fell|dropped|slid] below {price_btc} on {wday}, [extending a week-long decline|its lowest level in {n_small} weeks], as [investors pulled back from riskier assets|a large holder moved coins to exchanges|rising bond yields weighed on speculative bets]."], details=[
        "Trading volume across major exchanges rose to about {money2} over 24 hours, according to data compiled by {firm}.",
        "{exchange} said it had [moved|shifted] most customer funds to [cold storage|offline wallets] and hired [an outside security firm|forensic investigators] to [trace|track] the stolen coins.",
        "The license allows {exchange} to offer [spot trading|custody and trading] to retail customers in {country}, where [about {pct2}% of adults|a growing share of young people] [own|hold] digital assets.",
        "{token} has a market value of about {money2}, [according to|based on] [price data from {firm}|industry trackers].",
        "[Liquidations|Forced selling] of leveraged [positions|bets] [totaled|reached] about {money} [in a single day|over the session], [data from {firm} showed|according to {firm}].",
        "The exchange said it [serves|has] about {n_big} [customers|registered users] and [handles|processes] roughly {money} in trades on a typical day.",
        "[Developers|The project's developers] said the upgrade would [cut transaction fees|speed up settlement] by about {pct2}%.",
        "[Blockchain analysts|On-chain data] showed that [funds were moved through|the attacker routed coins through] [several|{n_small}] [intermediary wallets|mixing services] within hours.",
        "Financial regulators in {country} [said|confirmed] they were [monitoring|looking into] the [incident|situation] and had [contacted|asked] {exchange} for [information|a report]."], quotes=[
        "[Crypto|This market] still trades on [sentiment|momentum], and sentiment [turned|shifted] quickly this week",
        "Security [has to come first|is the whole business] for an exchange, and [customers will remember|users will judge us by] how we handle this",
        "[A license|Regulatory approval] in a market like this [opens doors|matters a lot] with banks and [payment partners|institutional clients]",
        "[People|Traders] are [taking profits|de-risking] after a [strong|long] run",
        "We are [committed|determined] to making every affected customer whole"], background=[
        "Crypto markets have [swung|lurched] sharply since {prev_year}, when a series of [collapses|failures] at [lenders|trading firms] [wiped out|erased] hundreds of billions of dollars in value.",
        "{exchange} was founded in {prev_year} by {p1} and [has raised|raised] about {money} from [venture investors|backers] [including {firm}|in two funding rounds].",
        "{country} [introduced|adopted] [a licensing regime|new rules] for crypto [firms|service providers] in {prev_year}, [requiring|obliging] them to [hold reserves|segregate customer funds] and [report|disclose] large transactions.",
        "Thefts from crypto platforms [totaled|reached] several billion dollars [last year|in {prev_year}], according to [industry estimates|blockchain analytics firms].",
        "Bitcoin [remains|is still] well below [its record high|the peak it reached] in late 2021."], outlook=[
        "{exchange} said it expected to [resume|restart] withdrawals [within {n_small} days|by {next_wday}] after [completing|finishing] [a review|security checks].",
        "[Analysts|Traders] said they were watching [inflation data|central bank decisions|flows into exchange-traded products] for the next [move|signal].",
        "The [upgrade|network change] is scheduled to [go live|take effect] in {next_month}."],
        r1=["chief executive of {exchange}", "{exchange}'s head of security", "a co-founder of {exchange}"],
        r2=["a digital-asset analyst at {firm}", "head of research at {firm}", "a crypto trader in {city}"]),
    "courts": dict(sector="general", titles=[
        "Jury [Finds|Rules] {company} Liable in [Patent|Contract|Product] Case",
        "Judge [Blocks|Halts] {city} [Zoning Rule|Parking Ordinance|Rent Cap]",
        "{company} Former Executive [Sentenced|Convicted] in Fraud Case",
        "Appeals Court [Revives|Overturns] [Lawsuit|Ruling] Over {subject}"], leads=[
        "A jury in {court} found {company} liable on {wday} for [infringing patents held by {company2}|breaching a supply contract with {company2}|selling defective products], [awarding|ordering] [damages of|payment of] {money}.",
        "{judge} of {court} [temporarily blocked|halted] a new {city} [zoning rule|ordinance|rent cap] on {wday}, [ruling|finding] that the city had [likely exceeded its authority|failed to follow required procedures].",
        "{p3}, a former [finance chief|sales director] at {company}, was [sentenced to {n_small} years in prison|convicted of wire fraud] on {wday} for [inflating revenue figures|misleading investors about orders|diverting company funds].",
        "A state appeals court on {wday} [revived|reinstated] a lawsuit over {subject}, [sending the case back|returning the dispute] to {court} [for trial|for further proceedings]."], details=[
        "The trial lasted {n_small} weeks and included testimony from [more than|about] {n_mid} witnesses, [among them|including] [former employees|outside experts|company engineers].",
        "Lawyers for {company} said they would [appeal|ask the judge to set aside] the verdict, [arguing|saying] that the [damages|award] were [excessive|unsupported by the evidence].",
        "[Prosecutors|The government] said the scheme [ran|lasted] from {prev_year} to {year} and [cost investors|caused losses of] about {money}.",
        "{judge} wrote in a {n_mid}-page [opinion|ruling] that the [plaintiffs|challengers] were likely to [succeed|prevail] on [at least one|several] of their claims.",
        "The [city|city attorney's office] said it was [reviewing|studying] the [decision|order] and [had not decided|would decide soon] whether to appeal.",
        "The lawsuit was [filed|brought] in {prev_year} by [a group of|about] {n_mid} [landlords|residents|small businesses|former customers].",
        "[The defense|Defense lawyers] had [argued|contended] that {p3} [relied on|followed] the advice of [accountants|lawyers] and did not intend to deceive anyone.",
        "The [three-judge panel|appeals panel] [ruled|voted] [2-1|unanimously] and said the lower court had [applied the wrong standard|dismissed the case too early]."], quotes=[
        "The jury [listened carefully|saw the evidence] and [reached the right result|held them accountable]",
        "We [respectfully disagree|strongly disagree] with the [verdict|ruling] and [are confident|expect] it will be [reversed|corrected] on appeal",
        "This [decision|ruling] sends a message that [the rules apply to everyone|process matters]",
        "[Courts|Judges] are [reluctant|careful] to second-guess [local governments|elected officials], which makes this ruling [notable|unusual]",
        "[My client|Our client] is [disappointed|relieved] and is [considering|weighing] the next steps"], background=[
        "{company} has [faced|been the subject of] several [lawsuits|legal challenges] [in recent years|since {prev_year}] over [its pricing|its contracts|product safety].",
        "{court} handles a [large|heavy] share of [commercial|patent] cases in {country}, and [juries there|its judges] have [a reputation for|been known for] [large awards|moving quickly].",
        "{city} [adopted|passed] the [rule|ordinance] in {prev_month} [after months of debate|over objections from business groups].",
        "White-collar [prosecutions|cases] in {country} have [risen|increased] since {prev_year}, according to [court records|data from the justice ministry]."], outlook=[
        "A hearing on [post-trial motions|the next steps] is scheduled for {next_month}.",
        "[The city|Both sides] [has|have] {n_mid} days to [file an appeal|respond].",
        "[Legal experts|Lawyers following the case] said the dispute could [take years|reach the country's highest court]."],
        r1=["a lawyer for {company}", "the lead prosecutor in the case", "a spokesperson for {company}"],
        r2=["a law professor at the University of {city}", "a litigation partner at {firm}", "a former judge now at {firm}"]),
    "city_politics": dict(sector="general", titles=[
        "{city} Council [Approves|Passes] {money} Budget [After Long Debate|in Split Vote]",
        "{city} Mayor [Proposes|Unveils] Plan to [Build Housing|Fix Roads|Expand Parks]",
        "[Recall Effort|Petition Drive] Targets {city} Council Member",
        "{city} Voters to Decide on [Library Tax|School Bond|Term Limits]"], leads=[
        "The {city} City Council [approved|passed] a {money2} budget for the coming fiscal year on {wday} [night|evening], [after {n_small} hours of debate|in a {votes} vote] that [boosted|increased] spending on [housing|policing|street repairs|libraries].",
        "{p1}, the mayor of {city}, [proposed|unveiled] a plan on {wday} to [build {n_big} affordable homes|repair {n_mid}0 miles of roads|open {n_small} new parks] over the next [five|ten] years, [funded by|paid for with] [a bond measure|a new development fee|state grants].",
        "[Residents|A group of residents] in {city} began [collecting signatures|a petition drive] on {wday} to recall council member {p3}, [accusing|who they accuse] [them|the council member] of [ignoring|neglecting] [neighborhood concerns|traffic complaints|rising rents].",
        "Voters in {city} will decide in {next_month} whether to [approve a library tax|authorize a {money} school bond|impose term limits on council members], after the council voted {votes} on {wday} to put the measure on the ballot."], details=[
        "The [budget|plan] includes {money} for [street repairs|homeless services|park maintenance|firefighter hiring] and [adds|creates] about {n_mid} city jobs.",
        "[Supporters|Backers] [need|must collect] about {n_big} valid signatures [within {n_mid} days|by {next_month}] to [force|trigger] a [special election|recall vote].",
        "[Council member|Councilor] {p3} [voted against|opposed] the [plan|measure], [saying|arguing] it [relied on|depended on] [overly optimistic revenue forecasts|one-time money].",
        "The city's [property tax|sales tax] revenue [rose|grew] {pct}% last year, [but|while] [pension costs|salaries] [climbed|increased] faster.",
        "[More than|About] {n_mid} residents [spoke|signed up to speak] at the [meeting|public hearing], [many of them|most of them] [in support|opposed].",
        "A [city|council] analysis [estimated|found] the measure would cost the typical homeowner about {price} a year.",
        "The mayor's office said the plan [had been shaped by|drew on] [dozens of|{n_mid}] community meetings held [since {prev_month}|over the past year].",
        "[Business groups|The local chamber of commerce] [raised concerns|warned] that [higher fees|new rules] could [slow construction|push employers to {city2}]."], quotes=[
        "This [budget|plan] [reflects|puts] our [priorities|values]: safe streets, [housing people can afford|clean parks] and a city that works",
        "We [cannot keep|can't keep] [patching|papering over] problems with one-time money",
        "[People|Residents] [feel|have felt] ignored for years, and this is how they are making themselves heard",
        "[Voters|Residents] should [get the final say|decide] on a question this [big|important]",
        "I [have heard|hear] from [neighbors|constituents] every week about [rent|traffic|potholes]"], background=[
        "{city}, a city of about {n_big}00 people, has [faced|struggled with] [rising housing costs|a budget gap|aging infrastructure] [for years|since {prev_year}].",
        "{p1} was elected mayor in {prev_year} [after campaigning on|promising] [housing|public safety|transparency].",
        "The council has [nine|eleven|seven] members, [elected by district|most of them elected in {prev_year}].",
        "[Neighboring|Nearby] {city2} [approved|adopted] a similar measure [last year|in {prev_year}], [with mixed results|and officials there have pointed to early gains]."], outlook=[
        "The [budget|plan] takes effect on [July 1|{next_month} 1], [pending|after] a final [procedural vote|review by the city attorney].",
        "[The council|City staff] will [hold|schedule] [further hearings|a public workshop] in {next_month}.",
        "[Organizers|Supporters] said they [expected|hoped] to [submit signatures|finish] [by {next_month}|within weeks]."],
        r1=["the mayor of {city}", "{city}'s city manager", "the council president"],
        r2=["a political scientist at the University of {city}", "a {city} resident and neighborhood organizer", "director of the {city} Taxpayers Association"]),
    "weather": dict(sector="general", titles=[
        "{storm} [Brings|Dumps] [Heavy Rain|Snow] on {city}, [Closing Schools|Cutting Power]",
        "Flooding [Forces|Prompts] Evacuations in {city}",
        "[Early|Unseasonal] Frost [Threatens|Damages] Crops Around {city}",
        "[Thunderstorms|High Winds] [Knock Out Power|Topple Trees] Across {region} Region"], leads=[
        "{storm} [swept across|hit] {city} and the surrounding region on {wday}, [dropping|bringing] up to {n_small}0 centimeters of [snow|rain] and [closing|forcing the closure of] [schools|roads|the airport] [for a second day|across the area].",
        "[Authorities|Emergency officials] in {city} [ordered|urged] about {n_big} residents to leave their homes on {wday} as the {river} River [rose|climbed] [above flood stage|to its highest level in {n_mid} years] after [days of heavy rain|a week of downpours].",
        "An [early|unseasonal] frost [swept|settled] over [farms|orchards|vineyards] around {city} on {wday} [night|morning], with temperatures [falling|dropping] to minus {n_small} degrees Celsius and [growers warning|farmers fearing] [heavy losses|damage to crops].",
        "[Powerful thunderstorms|High winds] [tore through|raked] the {region} region on {wday}, [knocking out power to|leaving without electricity] about {n_big} homes and [toppling|uprooting] trees [onto roads|across {city}]."], details=[
        "[The national weather service|Forecasters] said wind gusts [reached|peaked at] {n_mid}0 kilometers per hour [along the coast|at the airport] [on {wday} afternoon|overnight].",
        "[Utility|Power] crews [restored|reconnected] service to [about|roughly] {pct2}% of affected customers by [evening|the next morning], [according to|the utility said] {company}.",
        "[Rainfall|Precipitation] in {city} [has been|was] about {pct3}% above normal [this month|since the start of {month}], [according to|based on] [the weather service|local records].",
        "[Emergency shelters|Evacuation centers] were [opened|set up] at [schools|community halls] in {city} and {city2}, [housing|taking in] about {n_mid}0 people [overnight|by {wday} evening].",
        "[Growers|Fruit farmers] said [it was too early|it would take days] to [assess|estimate] the damage, [but|though] [some|several] [reported losing|estimated losses of] [up to half|about {pct2}%] of their [blossoms|crop].",
        "[Rail|Bus] services between {city} and {city2} were [suspended|cut back] and [dozens of|more than {n_mid}] flights were [canceled|delayed].",
        "[No deaths were reported|Officials said {n_small} people had been treated for minor injuries], [though|and] [several|a few] [cars|homes] were damaged by falling [trees|branches].",
        "The {river} River [crested|peaked] at {n_small}.{n_small} meters [on {wday}|overnight], [according to|said] the regional water authority."], quotes=[
        "We [have not seen|haven't seen] [water|snow] like this [in decades|since I was a child]",
        "Please stay off the roads [unless|if] [you absolutely have to travel|it is not an emergency]",
        "[Crews|Our teams] are working around the clock, [but|and] some [customers|households] may be without power for [days|a while]",
        "A [single|one] cold night can [undo|wipe out] a whole year of work",
        "[Events like this|Storms of this strength] are [becoming|getting] more frequent, and [towns|cities] need to plan for them"], background=[
        "The {region} region has [experienced|seen] [several|a string of] [severe storms|extreme weather events] since {prev_year}, [prompting|leading to] [new spending on flood defenses|a review of emergency plans].",
        "{city} [sits|lies] [in a river valley|on low-lying ground near the coast] and has [a long history of|been prone to] [flooding|storm damage].",
        "[Scientists|Climate researchers] [say|have said] [warmer air holds more moisture|a warming climate], [making|which makes] [heavy downpours|intense storms] more likely.",
        "[Farming|Agriculture] accounts for about {pct2}% of [jobs|economic output] in the {region} region, [according to|based on] [regional statistics|figures from the agriculture ministry]."], outlook=[
        "[Forecasters|The weather service] expect [drier|calmer|colder] conditions [by {next_wday}|later in the week], [though|but] [more rain|another storm] [could|may] arrive [next week|by the weekend].",
        "[Officials|The regional government] said they would [assess|survey] the damage [over the coming days|once waters recede] and [consider|decide on] [emergency aid|disaster funding].",
        "[Schools|Most schools] were expected to [reopen|resume classes] on {next_wday}."],
        r1=["{city}'s emergency management director", "a spokesperson for the regional utility", "the mayor of {city}"],
        r2=["a meteorologist at {firm}", "a fruit grower near {city}", "a {city} resident"]),
    "sports": dict(sector="general", titles=[
        "{team} [Beat|Edge|Rout] {team2} {score} to [Stay Top|Keep Title Hopes Alive|End Losing Run]",
        "{team} [Sign|Land] {position} {player} [on Multi-Year Deal|From {team2}]",
        "{team} [Fire|Part Ways With] Coach {coach} After [Poor Start|Losing Streak]",
        "{player} [Scores|Stars] as {team} [Reach|Advance to] Cup Final"], leads=[
        "{team} [beat|defeated|edged] {team2} {score} on {wday} [night|afternoon], [extending|stretching] their unbeaten run to {n_small} games and [staying|remaining] [top of|near the top of] the {league}.",
        "{team} [signed|completed the signing of] {position} {player} [from {team2}|on a {n_small}-year contract] on {wday}, [adding|bringing in] [experience|depth|pace] [ahead of|for] the [new season|title run].",
        "{team} [fired|dismissed|parted ways with] [head coach|manager] {coach} on {wday} after [a run of {n_small} straight defeats|a poor start to the season] left the club [near the bottom of|in the lower half of] the {league}.",
        "{player} [scored|put up] {n_mid} {unit} as {team} [beat|overcame] {team2} {score} on {wday} to [reach|advance to] the cup final for the first time since {prev_year}."], details=[
        "[A crowd of|About] {n_big} [fans|spectators] [watched|attended] the game at {venue}, [the club's largest|a season-high] [attendance|crowd] this year.",
        "{player} [has|now has] {n_mid} {unit} this season, [the most|second most] in the {league}.",
        "The [fee|contract] was not disclosed, but people [familiar with|close to] the [deal|talks] put it at about {money}.",
        "{team2} [had taken|took] an early lead [before|but] {team} [responded|hit back] [with a strong second half|late in the game].",
        "[Injuries|A string of injuries] [have hurt|has hampered] the club this season, with [several|{n_small}] starters [sidelined|out] [for weeks|since {prev_month}].",
        "[Assistant coach|Assistant] {p3} will [lead the team|take charge] on an interim basis while the club [searches for|looks for] a [replacement|new coach].",
        "The {position}, {age}, [spent|played] {n_small} seasons with {team2} and [was named|made] the league's all-star team [twice|last year].",
        "{team} [converted|made] {pct2}% of their [shots|chances] and [committed|had] only {n_small} turnovers [over the game|all night]."], quotes=[
        "[The boys|The players] [showed|had] real character [tonight|today], [especially|particularly] after [going behind|a slow start]",
        "[I have wanted|I've wanted] to play for this club for a long time, and I want to help us win [trophies|something big]",
        "[Results|Results in this league] decide everything, and [ours|they] have not been good enough",
        "We [take it|go] one game at a time, [but|and] the [fans|supporters] deserve a final",
        "[He|She] [changes|can change] a game on [his|her] own, and that is [rare|hard to find]"], background=[
        "{team} [won|last won] the {league} title in {prev_year} and [have|has] [spent heavily|invested] on players [since|over the last two seasons].",
        "{coach} [joined|took over] in {prev_year} [after|following] [a successful spell|several seasons] at {team2}.",
        "{venue}, which [holds|seats] about {n_big} [fans|people], [was renovated|reopened] in {prev_year}.",
        "{team} and {team2} have [met|played each other] {n_mid} times [in league play|in the cup], [with|and] {team} [winning|holding the edge in] [most of them|slightly more than half]."], outlook=[
        "{team} [host|visit] {team2} [next|on] {next_wday} [in|for] their next {league} [match|game].",
        "The final [will be played|is scheduled] in {next_month} at a [neutral|yet-to-be-confirmed] venue.",
        "The club said it [hoped|expected] to [name a new coach|complete further signings] before {next_month}."],
        r1=["{team}'s head coach", "{team}'s sporting director", "{team}'s captain"],
        r2=["a former {team2} player now working as a commentator", "a sports columnist in {city}", "a season-ticket holder from {city}"]),
    "health": dict(sector="health", titles=[
        "{company} [Drug|Treatment] {drug} [Shows Promise|Succeeds] in Late-Stage {disease} Trial",
        "[Hospital|Clinic] Wait Times in {city} [Hit Record|Climb Again]",
        "Health Officials [Report|Track] [Rise|Surge] in [Flu|Measles|Norovirus] Cases in {city}",
        "{company} [Wins|Gets] Approval for {disease} Treatment"], leads=[
        "An experimental [drug|treatment] from {company} [reduced|lowered] [symptoms|disease progression] by about {pct2}% in patients with {disease}, [according to|the company said, citing] results from a late-stage trial [released|published] on {wday}.",
        "Patients at {hospital} waited an average of {n_small} hours [in the emergency department|to be seen] in {prev_month}, [the longest|a record] since [records began|figures were first published], [according to|based on] [data released on {wday}|a report from the health authority].",
        "Health officials in {city} [reported|said there had been] {n_mid}0 [confirmed|new] cases of [flu|measles|norovirus] [in the past week|since {prev_month}], [urging|and urged] residents to [get vaccinated|wash their hands often|stay home when sick].",
        "{company} [won|received] [approval|regulatory clearance] in {country} on {wday} for {drug}, a [once-daily pill|monthly injection] for {disease}, [clearing the way|opening the door] for [a launch|sales] [later this year|in {next_month}]."], details=[
        "The trial [enrolled|included] about {n_big} patients at {n_mid} sites in {n_small} countries and [lasted|ran for] [18 months|two years].",
        "[The most common|Common] side effects were [nausea|headaches|fatigue], and about {pct}% of patients [dropped out|stopped treatment] because of them.",
        "{hospital} said it had [opened|added] {n_mid} [beds|treatment spaces] [this winter|since {prev_month}] but that [staffing shortages|a shortage of nurses] [limited|had slowed] [progress|improvements].",
        "The company [did not disclose|has not announced] a price but said it [expected|aimed] to [make the treatment widely available|work with insurers on coverage].",
        "[Vaccination rates|Vaccine uptake] among [children|older adults] in {city} [fell|dropped] to {pct3}% [last year|in {prev_year}], [below|well below] the level [experts|health officials] say is needed to [prevent outbreaks|protect the community].",
        "[Shares of {company}|{company}'s shares] [rose|climbed] {pct}% [after the announcement|in morning trading].",
        "The health authority said it would [spend|invest] {money} on [extra staff|new clinics|mobile units] [over the next year|by {next_year}].",
        "About {n_big} people in {country} [live with|have been diagnosed with] {disease}, [according to|based on] [government estimates|patient groups]."], quotes=[
        "For patients [who have run out of options|with few alternatives], this could [make a real difference|be meaningful]",
        "[These numbers|These figures] [reflect|show] a system under [enormous|serious] strain",
        "[Getting vaccinated|Vaccination] [remains|is still] the [best|most effective] way to protect yourself and your family",
        "[We need to see|I would want to see] [longer-term data|the full results] before drawing [firm|strong] conclusions",
        "[Staff|Our nurses] are doing [extraordinary|remarkable] work under [difficult|very hard] conditions"], background=[
        "{disease} affects [millions of|large numbers of] people [worldwide|in {country}], and [existing|current] treatments [only manage symptoms|do not work for everyone].",
        "{company}, based in {city}, [has spent|spent] [more than|about] {money2} developing {drug} [over the past decade|since {prev_year}].",
        "Emergency departments in {country} have [struggled|been under pressure] since the pandemic, with [staff shortages|an aging population] [adding to|driving] demand.",
        "[Outbreaks|Case counts] [usually|typically] peak in [late winter|the colder months], [according to|health officials say]."], outlook=[
        "{company} said it would [present the full results|publish detailed data] at a medical conference in {next_month}.",
        "The health authority [is due to|will] [publish|release] its next [monthly|quarterly] figures in {next_month}.",
        "[Officials|Health officials] said they would [hold|open] [vaccination clinics|extra clinics] [over the weekend|through {next_month}]."],
        r1=["chief medical officer at {company}", "director of public health for {city}", "chief executive of {hospital}"],
        r2=["a professor of medicine at the University of {city}", "a physician at {hospital}", "president of the {country} Nurses Association"]),
    "energy": dict(sector="energy", titles=[
        "{company} [Approves|Green-Lights] {money2} {project}",
        "[Power|Electricity] Prices in {country} [Jump|Fall] {pct3}% as [Demand Soars|Supply Grows]",
        "[Oil|Natural Gas] Prices [Climb|Slip] on [Supply Worries|Weak Demand]",
        "{company} to [Close|Retire] [Coal|Gas] Plant Near {city}"], leads=[
        "{company} said on {wday} that it had [approved|given the final go-ahead for] {project}, a {money2} project that would [generate|supply] enough electricity for about {n_big} homes when it [starts operating|comes online] in {next_year}.",
        "[Wholesale|Spot] electricity prices in {country} [jumped|fell] {pct3}% [this week|on {wday}] as [a cold snap drove up demand|strong winds boosted output from turbines|several plants went offline for maintenance].",
        "[Oil|Natural gas] prices [rose|climbed|slipped] about {pct}% on {wday} as [traders|investors] [weighed|reacted to] [supply disruptions|a surprise drop in inventories|signs of weaker demand from factories].",
        "{company} [plans to|will] [close|retire] its [coal-fired|gas-fired] power plant near {city} by {next_year}, [ending|cutting] about {n_mid}0 jobs [and|while] [shifting|moving] toward [wind and solar|battery storage]."], details=[
        "The project will [include|use] about {n_mid} [wind turbines|rows of solar panels] [and|as well as] a battery system able to store {n_small}00 megawatt-hours of electricity.",
        "[Construction|Building work] is expected to [create|support] about {n_big} [jobs|temporary jobs] and to [begin|start] in {next_month}.",
        "The plant [supplied|generated] about {pct2}% of the region's electricity [last year|in {prev_year}], according to the grid operator.",
        "[Benchmark|Front-month] [crude|gas] futures [settled|closed] at {price} [a barrel|per unit] [on {wday}|by the end of trading].",
        "[Household|Residential] [bills|tariffs] in {country} [are expected to|could] [rise|fall] by about {pct}% [next quarter|from {next_month}], [according to|the regulator said] [estimates from {firm}|the energy regulator].",
        "The grid operator said it had [asked|called on] [large industrial users|factories] to [reduce|cut] consumption during [peak hours|the evening peak].",
        "{company} said it would [retrain|offer new roles to] [most|many] of the [affected|plant's] workers at its [other sites|renewable projects].",
        "[Environmental groups|Local residents] [have raised concerns|have objected] about [the impact on birds|noise|views from the coast] [during planning hearings|in the consultation]."], quotes=[
        "This [project|investment] [shows|is proof] that [clean energy|renewables] can [compete|pay] without [subsidies|special treatment]",
        "The [grid|system] was not built for [this much|this kind of] [demand|variability], and [we need|it needs] [more storage|more connections]",
        "[Markets|Traders] are [very|extremely] sensitive to any [sign|hint] of [supply trouble|weaker demand] right now",
        "[Closing the plant|This closure] [is the end of an era|marks a turning point] for [the town|{city}]",
        "[Families|Households] [need|want] to know [their bills|what they will pay] next winter"], background=[
        "{country} has [set a goal|pledged] to [generate|get] {pct3}% of its electricity from [renewable sources|clean sources] by [2030|2035].",
        "{company} [operates|runs] [power plants|wind farms] in {n_small} countries and [reported|posted] [revenue|sales] of {money2} last year.",
        "[Energy|Power] prices [soared|spiked] in {prev_year} [after|amid] [supply shocks|a gas shortage], [prompting|leading to] [government support for households|emergency measures].",
        "The {region} region [is home to|hosts] [several|{n_small}] [large|older] power plants [built|constructed] in the [1970s|1980s]."], outlook=[
        "The [regulator|grid operator] is [expected|due] to [publish|release] its winter [outlook|forecast] in {next_month}.",
        "{company} said [the first turbines|first power] could [be connected|reach the grid] [by late {next_year}|within {n_small} years].",
        "[Analysts|Traders] said prices would [likely|probably] [stay volatile|remain elevated] [until|through] [the end of the heating season|{next_month}]."],
        r1=["chief executive of {company}", "{company}'s head of renewables", "a spokesperson for the grid operator"],
        r2=["an energy analyst at {firm}", "a commodities strategist at {firm}", "a spokesperson for a local environmental group"]),
    "transport": dict(sector="transport", titles=[
        "{agency} [Approves|Unveils] Plan for {line}",
        "{company} [Adds|Cuts] Routes From {city} Airport",
        "[Rail Strike|Bus Strike] [Disrupts|Halts] Commutes in {city}",
        "[Bridge|Tunnel] [Closure|Repairs] to [Snarl|Disrupt] Traffic in {city} for Months"], leads=[
        "The {agency} [approved|unveiled] plans on {wday} for {line}, a {n_small}-station [bus rapid transit|tram|commuter rail] route [linking|connecting] downtown {city} with [the university|the northern suburbs|a new business district].",
        "{company} said on {wday} that it would [add|launch] {n_small} new routes from {city} airport [starting in|from] {next_month}, including [direct flights|services] to {city2} and [several|{n_small}] holiday destinations.",
        "[Thousands of|Tens of thousands of] commuters in {city} [scrambled|struggled] to get to work on {wday} as a [{n_small}-day|24-hour] strike by [train drivers|bus operators] [halted|shut down] [most|nearly all] services.",
        "[The main|A major] [bridge|tunnel] into {city} will [close|be shut] for [repairs|renovation] for {n_small} months [starting|from] {next_month}, [officials said|the transport department said] on {wday}, [diverting|rerouting] about {n_big} vehicles a day."], details=[
        "The project is [expected|estimated] to cost {money2} and [could|would] [open|start carrying passengers] in {next_year}, [pending|subject to] [funding|final approval] from the national government.",
        "[Planners|Transit officials] [estimate|forecast] the route will carry about {n_big} [passengers|riders] on a typical weekday.",
        "The [union|drivers' union] is [demanding|seeking] a pay increase of {pct3}% [over two years|this year], [while|but] [management|the operator] has [offered|put forward] {pct}%.",
        "{company} [carried|flew] about {n_big} passengers [last month|in {prev_month}], [up|down] {pct2}% from a year earlier.",
        "[Detours|Diversions] could [add|lengthen] [commutes|journeys] by [up to|as much as] {n_mid} minutes, [officials said|according to traffic models].",
        "[Engineers|Inspectors] found [corrosion|cracks] in [several|{n_small}] [support beams|joints] during a routine inspection in {prev_month}.",
        "The [airport|operator] said [passenger numbers|traffic] had [returned to|exceeded] pre-pandemic levels [for the first time|in {prev_month}].",
        "[Extra|Additional] [buses|ferries|shuttle services] will run [during|throughout] the [closure|strike] [to ease|to reduce] [crowding|congestion]."], quotes=[
        "[This line|This route] will [transform|change] how people [get around|move through] the city",
        "[Workers|Our members] have [fallen behind|lost ground] as [prices|living costs] [rose|climbed], and they [deserve|need] a fair deal",
        "[Demand|Bookings] [has been|have been] [stronger|better] than we expected, [especially|particularly] for [leisure travel|summer routes]",
        "[There is|There's] no good time to close a [bridge|tunnel], but [safety|public safety] has to come first",
        "[Commuters|Passengers] [are tired of|are fed up with] [delays|disruption] and [want|need] reliable service"], background=[
        "{city} has [one of the|the] [longest|worst] average commutes in {country}, according to [a recent survey|figures from the transport ministry].",
        "{company} [expanded|grew] rapidly after {prev_year} and now [operates|flies] about {n_mid} aircraft.",
        "[Transit ridership|Public transport use] in {city} [has recovered|is back] to about {pct3}% of pre-pandemic levels.",
        "The [bridge|tunnel] [opened|was completed] in the [1960s|1970s] and [carries|handles] [a large share|most] of the city's [freight|commuter] traffic."], outlook=[
        "[Public hearings|Consultations] on the [route|plan] will [be held|take place] in {next_month}.",
        "[Talks|Negotiations] between the union and [management|the operator] are [scheduled|set] to [resume|continue] on {next_wday}.",
        "[Officials|The transport department] said they would [publish|release] a detailed [detour map|timetable] [before the closure|by {next_month}]."],
        r1=["chief executive of {company}", "head of the {agency}", "{city}'s transport commissioner"],
        r2=["a transport economist at the University of {city}", "a union representative", "a daily commuter from {city2}"]),
    "science": dict(sector="tech", titles=[
        "Researchers [Discover|Identify] [New Species|Ancient Settlement] [Near|Outside] {city}",
        "[Study|New Research] [Links|Ties] {topic} to {effect}",
        "[Telescope|Satellite] [Spots|Detects] [Unusual|Rare] [Signal|Object] [in Distant Galaxy|Near Earth]",
        "{university} Team [Builds|Develops] [Robot|Material|Sensor] That {ability}"], leads=[
        "[Scientists|Researchers] from {university} [discovered|identified] [a previously unknown species of frog|the remains of a Bronze Age settlement|a new species of deep-sea coral] [near|outside] {city}, [according to|they reported in] a study published [this week|on {wday}] in {journal}.",
        "{topic} [was linked|is associated] with {effect}, according to a [large|long-term] study of about {n_big} [adults|participants] published on {wday} in {journal}.",
        "[Astronomers|A team of astronomers] using [a ground-based telescope|a new space telescope] [detected|spotted] [an unusual radio signal|a rare object] [in a galaxy|about {n_mid} million light-years away], [a finding|results] that [could|may] [help explain|shed light on] [how stars form|the early universe].",
        "A team at {university} [has built|developed] a [robot|material|sensor] that {ability_lc}, [a result|an advance] the researchers [say|believe] could [be used|prove useful] in [farming|medicine|disaster response]."], details=[
        "The [team|researchers] [spent|worked for] {n_small} years [collecting|analyzing] [samples|data] [from|at] {n_mid} [sites|locations] [across|in] {country}.",
        "[Participants|People] with the [highest|lowest] levels were about {pct3}% more likely to [develop|report] [the condition|symptoms], [after adjusting for|accounting for] [age|income|smoking].",
        "The [study|project] was [funded|supported] by {money} in [grants|public funding] from the {country} Science Council.",
        "[Independent|Outside] [experts|researchers] said the [results|findings] were [intriguing|promising] but [cautioned|warned] that [the study showed an association, not cause and effect|more work was needed to confirm them].",
        "The [prototype|device] [weighs|measures] about {n_small}00 grams and [can operate|runs] for {n_small} hours on a single [charge|battery].",
        "[Radiocarbon dating|Dating of the samples] [suggests|indicated] the site was [occupied|used] about {n_big} years ago.",
        "[The signal|The object] [repeated|was observed] {n_small} times [over|during] {n_mid} days of observation, [ruling out|which ruled out] [a glitch|instrument error].",
        "[The researchers|The team] have [made their data public|released their code] so [other groups|independent scientists] can [check|test] the [results|findings]."], quotes=[
        "[It was|This was] [one of those|a] moments where you [stop|pause] and [check everything twice|ask whether you are seeing things]",
        "[The finding|This result] [raises|opens] [more questions than it answers|a lot of new questions], which is [exactly|precisely] what good science [does|should do]",
        "We [hope|expect] this will [help|encourage] [others|other labs] to [look more closely|take a fresh look]",
        "[Associations|Correlations] like this are [interesting|worth noting], but [people|readers] should not change their habits based on one study",
        "[Nature|The natural world] still has [plenty of|many] surprises [for us|left]"], background=[
        "{university} [has|runs] one of the [largest|oldest] [research programs|laboratories] in {country} [in the field|focused on the subject].",
        "[Previous|Earlier] studies [have suggested|had hinted at] a [similar|weaker] link, [but|though] [most|many] were [smaller|shorter].",
        "{journal} is a peer-reviewed [journal|publication] [published|issued] [monthly|quarterly].",
        "[The region around {city}|The area] [was|has been] [surveyed|studied] [only rarely|by few scientists] because of [difficult terrain|restricted access]."], outlook=[
        "The team [plans|hopes] to [return|continue the work] [next year|in {next_year}] [with|using] [better equipment|a larger sample].",
        "[Follow-up|Further] [observations|studies] are [planned|scheduled] for {next_month}.",
        "The researchers said they [were seeking|had applied for] [funding|a patent] to [develop|test] the [technology|device] further."],
        r1=["a professor at {university} who led the study", "lead author of the study", "a researcher at {university}"],
        r2=["a scientist at the {country} Science Council who was not involved in the research", "an independent researcher in {city2}", "a professor at the University of {city2}"]),
    "culture": dict(sector="general", titles=[
        "{festival} [Opens|Kicks Off] With [Premiere|Screening] of {work}",
        "{artist} [Returns|Is Back] With [New Album|Novel] {work}",
        "{city} Museum [Unveils|Opens] {money} [Wing|Gallery]",
        "[Concert Hall|Theater] in {city} [Saved|Rescued] by [Donor|Local Campaign]"], leads=[
        "The {festival} [opened|began] on {wday} [night|evening] with the [premiere|first screening] of {work}, a [drama|documentary|comedy] by [director|filmmaker] {artist} about [a family of fishermen|a retired boxer|two sisters running a bakery] in {city}.",
        "{artist} [released|put out] {work}, [her|his] first [album|novel] in {n_small} years, on {wday}, [drawing|earning] [strong reviews|praise from critics] and [topping|reaching the top of] [streaming charts|bestseller lists] in {country}.",
        "The {city} Museum of [Art|History] [opened|unveiled] a {money} [wing|gallery] on {wday}, [doubling|expanding] the space available for [its permanent collection|contemporary works] and [adding|including] a [sculpture garden|learning center].",
        "A [historic|century-old] [concert hall|theater] in {city} [will stay open|has been saved from closure] after [a local donor|a crowdfunding campaign] [raised|contributed] {money}, [organizers said|the owners announced] on {wday}."], details=[
        "[More than|About] {n_big} [tickets|passes] were sold [for the festival|in advance], [a record|up {pct2}% from last year], [according to organizers|organizers said].",
        "The [film|album|book] [was made|was recorded|was written] over {n_small} years [in|between] {city} and {city2}.",
        "[The new wing|The building] was designed by [architect|the firm of] {p3} and [uses|features] [natural light|local stone|recycled timber] throughout.",
        "[Critics|Reviewers] [praised|singled out] [its|the] [quiet humor|performances|attention to detail], [though|but] [some|a few] found [the pacing slow|the ending abrupt].",
        "The [festival|program] [features|includes] {n_mid} [films|performances] from {n_small} countries [over|across] {n_small} days.",
        "[Admission|Entry] will be free [on Sundays|for children] [for the first year|through {next_month}], the museum said.",
        "[The theater|The hall] [seats|holds] about {n_big} people and [has hosted|hosted] [touring orchestras|comedians and dance companies] since the [1920s|1930s].",
        "{artist} [will|plans to] [tour|perform in] {n_mid} cities [starting|beginning] in {next_month}."], quotes=[
        "[Stories|Films] like this [remind us|show] that [small places|ordinary lives] [can hold|have] [big|enormous] [emotions|drama]",
        "I [wanted|needed] to make something [honest|personal], even if it [scared me|took a long time]",
        "[A city|A town] is [poorer|diminished] without [places like this|spaces where people gather]",
        "[Museums|Galleries] have to [earn|win] their audiences again after the pandemic",
        "[The response|The support] [has been|was] [overwhelming|humbling]"], background=[
        "The {festival} [was founded|began] in {prev_year} and [has grown|grew] into one of the [largest|best-known] [cultural events|festivals] in {country}.",
        "{artist} [rose to prominence|became known] [in the 2010s|after a debut] that [sold|reached] [more than|about] {n_big} copies.",
        "[Arts funding|Public funding for the arts] in {country} [has been cut|has fallen] by about {pct2}% since {prev_year}, [according to|figures from] the culture ministry.",
        "[Attendance|Visitor numbers] at [museums|theaters] in {city} [has recovered|have climbed back] to about {pct3}% of pre-pandemic levels."], outlook=[
        "The festival [runs|continues] through {next_wday} [next week|week after next], [closing|ending] with an awards ceremony.",
        "The museum said it [plans|hopes] to [open|host] [a major exhibition|its next show] in {next_month}.",
        "[Organizers|The owners] said [renovation|restoration] work would [begin|start] [in {next_month}|next year]."],
        r1=["director of the {festival}", "director of the {city} Museum", "{artist}'s manager"],
        r2=["a film critic for a {city} newspaper", "a cultural historian at the University of {city}", "a longtime visitor from {city2}"]),
}

# Hard negatives: names from the sample corpus, in invented events unrelated to its stories.
HARD_NEGATIVES = [
    dict(beat="regulation", titles=["SEC [Approves|Adopts] Rule on Money Market Fund [Liquidity|Disclosures]",
                                    "SEC Adopts New Disclosure Requirements for Money Market Funds"], leads=[
        "The Securities and Exchange Commission [approved|adopted] a rule on {wday} requiring money market funds to [hold more liquid assets|publish their holdings more often], [a change|a measure] meant to make the funds [more resilient|sturdier] during periods of market stress.",
        "The SEC voted {votes} on {wday} to [tighten|update] rules for money market funds, [requiring|obliging] [large|institutional] funds to [report|disclose] daily liquidity [levels|figures] to investors."], details=[
        "Gary Gensler, the SEC chairman, said in a statement that the rule would [protect|help] ordinary savers [who use|who rely on] the funds [as a place to park cash|like bank accounts].",
        "Money market funds hold about {money2} in assets, according to [industry data|figures from a fund trade group], [and are used|used] by [companies|households] to [manage|store] cash.",
        "[Fund managers|Industry groups] had [lobbied|pushed] against [parts of the proposal|an earlier draft], [arguing|saying] it would [raise costs|reduce yields] for investors."]),
    dict(beat="crypto", titles=["Binance Lists {token} for Users in {asia}",
                                "Binance Adds {token} Trading Pairs in {asia} Expansion"], leads=[
        "Binance [listed|added] {token}, a [little-known|newer] digital token tied to a [gaming|logistics|music-streaming] project, for customers in {asia} on {wday}, [sending its price up|and the token rose] about {pct3}% in the first hour of trading.",
        "Binance said on {wday} that it would [list|begin offering] {token} [to users|for users] in {asia}, [part of|as part of] a [push|drive] to [grow|expand] its [regional|Asian] business."], details=[
        "The [listing|new market] [includes|comes with] trading pairs against [major stablecoins|bitcoin], and Binance said it would [waive|cut] trading fees for the first {n_small} weeks.",
        "[Developers|The team] behind {token} said the [listing|launch] would help [attract|bring in] [users|game studios] in {asia}, where [mobile gaming|online payments] [are|is] [popular|growing quickly].",
        "[Token listings|New listings] on large exchanges [often|frequently] [produce|lead to] sharp [price swings|rallies] that [fade|reverse] within days, [analysts|traders] [noted|said]."]),
    dict(beat="crypto", titles=["Coinbase [Opens|Launches] Engineering Hub in {city}",
                                "Coinbase to Hire {n_mid}0 Engineers in {city}"], leads=[
        "Coinbase said on {wday} that it would open an engineering [hub|office] in {city} and [hire|recruit] about {n_mid}0 [software engineers|developers] over the next [two years|{n_small} years].",
        "Coinbase [announced|unveiled] plans on {wday} for a [developer|technology] [center|office] in {city}, [its first|one of its first] in {country}."], details=[
        "The [office|hub] will [focus on|work on] [wallet software|payments infrastructure|developer tools], the company said.",
        "[Local officials|{city}'s mayor] [welcomed|praised] the [announcement|decision] [as a sign|saying it showed] that the city [could attract|was attracting] [technology employers|tech investment].",
        "Coinbase also said it would [fund|sponsor] a coding [program|bootcamp] at {university} for about {n_mid}0 students a year."]),
    dict(beat="crypto", titles=["Kraken [Opens|Launches] Customer Support Center in {city}",
                                "Kraken [Sponsors|Backs] {city} [Rowing|Cycling] Club"], leads=[
        "Kraken, the cryptocurrency exchange, [opened|launched] a customer support center in {city} on {wday}, [creating|adding] about {n_mid}0 jobs [and|as it] [aims|seeks] to [cut|shorten] response times for users in {country}.",
        "Kraken [signed|agreed] a {n_small}-year sponsorship deal with the {city} [rowing|cycling] club on {wday}, [putting|placing] its logo on the club's [kit|boats|jerseys]."], details=[
        "The company said [average|typical] response times to support requests had [fallen|dropped] by about {pct2}% since it [added|expanded] [staff|teams] [in the region|abroad].",
        "The [deal|agreement] is worth about {money}, according to [people familiar with it|the club], and [includes|covers] [youth programs|coaching for juniors].",
        "[Crypto firms|Exchanges] have [spent heavily|poured money] on [sports sponsorships|brand marketing] [in recent years|since {prev_year}], [though|but] [some|several] deals have [been scaled back|ended early]."]),
    dict(beat="crypto", titles=["Paxos [Completes|Finishes] Settlement Pilot With {bank}",
                                "Paxos and {bank} Test [Same-Day|Faster] Securities Settlement"], leads=[
        "Paxos said on {wday} that it had completed a [pilot|test] with {bank} to settle [bond|equity] trades on a [shared|private] ledger, [cutting|reducing] settlement times from [two days|days] to [minutes|a few hours].",
        "{bank} and Paxos [ran|carried out] a [three-month|{n_small}-month] trial of [same-day|faster] settlement for [corporate bonds|share trades], the companies said on {wday}."], details=[
        "About {n_big} [test|simulated] transactions worth a combined {money2} were [processed|settled] during the pilot, [according to|the companies said] [the firms|{bank}].",
        "{bank} said it would [decide|make a decision] [by {next_month}|later this year] on whether to [use|adopt] the system [for clients|more widely].",
        "[Banks|Large banks] have [experimented|tested] with [shared ledgers|blockchain-based systems] for [years|nearly a decade], [with mixed results|though few have moved beyond trials]."]),
    dict(beat="crypto", titles=["{exchange} Adds BUSD and Other Stablecoins for {country} Users",
                                "{exchange} Expands Stablecoin Menu, Including BUSD"], leads=[
        "{exchange}, a regional crypto exchange based in {city}, [added|began supporting] [several stablecoins, including BUSD and USDC,|BUSD and two other dollar-linked tokens] for customers in {country} on {wday}, [the company said|according to a notice on its website].",
        "Customers of {exchange} in {country} can now [deposit|trade] BUSD [alongside|as well as] other stablecoins, the exchange said on {wday}, [as it tries|in a bid] to [attract|win] [traders|merchants]."], details=[
        "{exchange} said stablecoins [accounted for|made up] about {pct2}% of trading on its platform [last month|in {prev_month}].",
        "The exchange said it would [charge no fees|waive fees] on stablecoin [deposits|conversions] [until|through] {next_month}.",
        "[Stablecoins|Dollar-linked tokens] are [widely used|popular] in {country} [for|as a way of] [sending money abroad|holding savings in dollars], [according to|analysts at] {firm} [said|]."]),
    dict(beat="regulation", titles=["CFTC [Approves|Clears] New {crop} Futures Contract",
                                    "CFTC [Holds|Hosts] Roundtable on {crop} Market [Volatility|Margins]"], leads=[
        "The Commodity Futures Trading Commission [approved|cleared] a new {crop} futures contract [on {wday}|this week] for trading on {bourse}, [aimed at|designed for] [farmers|grain merchants] in [the Midwest|growing regions] who want to [hedge|protect against] price swings.",
        "The CFTC [held|hosted] a public roundtable on {wday} on [volatility|margin requirements] in {crop} futures, [inviting|hearing from] [farmers|grain traders|clearinghouse officials] about [sharp price moves|higher collateral costs]."], details=[
        "The contract will [be settled|settle] [in cash|by physical delivery] and [trade|list] [monthly|quarterly] contracts [starting|beginning] in {next_month}.",
        "{crop} prices [have swung|swung] by as much as {pct3}% [in a single month|this year], [according to|based on] [exchange data|figures from {firm}].",
        "[Several|{n_small}] [participants|speakers] [urged|asked] the agency to [review|reconsider] how [margins|collateral levels] are set during [harvest|periods of stress]."]),
    dict(beat="regulation", titles=["ECB [Survey|Study] Finds Cash Use [Falling|Declining] in [Shops|Stores]",
                                    "ECB [Opens|Unveils] New Visitor Center in Frankfurt"], leads=[
        "[Consumers|Shoppers] in the euro area paid with cash for about {pct3}% of [purchases|in-store transactions] last year, [down from|compared with] [a much higher share|nearly three-quarters] [a few years earlier|in 2019], according to a survey published by the European Central Bank on {wday}.",
        "The European Central Bank [opened|unveiled] a visitor center at its Frankfurt headquarters on {wday}, [featuring|with] [interactive exhibits|displays] on [the history of the euro|how banknotes are designed and protected]."], details=[
        "The ECB survey [polled|questioned] about {n_big} people across the [euro area|currency bloc] [about|on] [how they pay|their payment habits].",
        "[Card|Contactless] payments [overtook|surpassed] cash [by value|in value] [years ago|some time ago], [the survey|the ECB] [found|said], [while|and] [mobile payments|phone-based payments] are [growing|rising] quickly.",
        "[Admission|Entry] to the center is free, and the ECB [expects|hopes for] about {n_big} visitors [a year|in the first year]."]),
    dict(beat="science", titles=["MIT [Researchers|Engineers] [Map|Measure] Urban Heat [Street by Street|With Sensors]",
                                 "MIT Study [Tracks|Models] Coastal Flooding in {city}"], leads=[
        "Researchers at the Massachusetts Institute of Technology [built|developed] a [street-level|high-resolution] map of [urban heat|summer temperatures] in {city} [using|from] [sensors mounted on|readings collected by] [buses|delivery bikes], [according to|they reported in] a study published on {wday} in {journal}.",
        "A team at MIT [modeled|simulated] how rising seas and storm surges [could|would] [flood|affect] {city} [over the coming decades|by 2070], [finding|concluding] that about {pct3}% of its [streets|buildings] [could|might] [flood|face flooding] [in a major storm|several times a year]."], details=[
        "[Some neighborhoods|Parts of the city] were up to {n_small} degrees Celsius warmer than [others|nearby parks] on [summer afternoons|the hottest days], the MIT team found.",
        "The researchers said [tree planting|reflective roofs|sea walls] [could|would] [reduce|cut] [the effect|the damage] [substantially|by about {pct2}%].",
        "[City planners|Officials in {city}] said they would use the [map|model] to [decide|prioritize] where to [spend|invest] on [shade|flood defenses]."]),
    dict(beat="regulation", titles=["Gensler [Urges|Calls for] [Clearer|Better] Audit Standards in {city} Speech",
                                    "Gensler Tells Pension Trustees [to Scrutinize|to Watch] [Fees|Private Fund Costs]"], leads=[
        "Gary Gensler, the chairman of the Securities and Exchange Commission, [told|urged] an audience of [accountants|auditors] in {city} on {wday} that [audit firms|auditors] [should|must] [do more|take greater care] to [check|verify] the [valuations|numbers] reported by [private companies|large clients].",
        "SEC Chairman Gary Gensler [told|urged] [pension fund trustees|a gathering of pension trustees] in {city} on {wday} to [scrutinize|look closely at] the fees they pay to [private fund managers|outside managers], [saying|arguing] that [small differences|a few basis points] [add up|compound] over decades."], details=[
        "[The speech|His remarks] [did not address|steered clear of] [specific companies|any individual firm], [and|but] [focused on|centered on] [disclosure|transparency] [in general|more broadly].",
        "[Pension funds|Public pensions] [manage|oversee] about {money2} [on behalf of|for] [teachers|public employees] in {country}, [according to|based on] [industry figures|a trade group].",
        "[Members of the audience|Several attendees] [asked|questioned] [whether|how] [smaller firms|small audit practices] would [cope with|afford] [any new requirements|additional work]."]),
    dict(beat="crypto", titles=["Changpeng Zhao [Speaks|Appears] at Blockchain Education Forum in {asia}",
                                "Changpeng Zhao [Backs|Funds] Coding Scholarships in {asia}"], leads=[
        "Changpeng Zhao, the founder of Binance, [spoke|appeared] at a [blockchain education|student technology] forum in {asia} on {wday}, [telling|encouraging] [students|young developers] to [learn|study] [programming|computer science] [before|rather than] [trading|speculating on] tokens.",
        "Changpeng Zhao [announced|pledged] funding on {wday} for about {n_mid}0 coding scholarships for [university students|young people] in {asia}, [according to|the organizers of] a [charity|education] program [said|]."], details=[
        "The [forum|event] [drew|attracted] about {n_big} [attendees|participants], [organizers said|according to organizers], [most of them|many of them] [students|under 30].",
        "[Scholarship recipients|Students] will [take|complete] a {n_small}-month course in [software development|data science] [taught|run] by [local universities|instructors from {university}].",
        "[The remarks|His comments] were [livestreamed|broadcast] [online|on social media] and [watched|viewed] [by|about] {n_big} times [within hours|that day]."]),
]
HN_SHARE = 0.12  # share of all articles that are hard negatives

TEMPLATE_POOLS = dict(
    asia=["Thailand", "Indonesia", "Vietnam", "the Philippines", "Malaysia"],
    crop=["wheat", "soybean", "corn", "oat", "canola"],
    bourse=["a Chicago exchange", "a regional exchange in Kansas City", "a new electronic exchange"],
    bank=[f"{c} Savings Bank" for c in CITIES[:6]] + [f"First {c} Bank" for c in CITIES[6:12]],
    subject=["a failed housing development", "a disputed land sale", "water rights", "a factory closure", "unpaid overtime"],
    topic=["Regular afternoon naps", "Living near green space", "Eating fermented foods", "Long daily commutes", "Screen time before bed"],
    effect=["Better Memory in Older Adults", "Lower Blood Pressure", "Poorer Sleep", "Higher Stress Levels", "Fewer Colds"],
    ability=["Climbs Walls Like a Gecko", "Heals Itself After Damage", "Detects Spoiled Food", "Harvests Water From Air"],
    disease=["type 2 diabetes", "migraine", "asthma", "chronic kidney disease", "psoriasis", "rheumatoid arthritis"],
    drug=["Corvalex", "Tenzurol", "Maxiprene", "Olvamid", "Zelquinet", "Rivastel"],
    position_f=["striker", "midfielder", "goalkeeper", "defender", "winger"],
    position_b=["point guard", "forward", "center", "shooting guard"],
    mascot=["Rovers", "United", "Falcons", "Mariners", "Comets", "Wanderers", "Harriers", "Lions", "Foxes", "Stags"],
    adj=["Quiet", "Silver", "Last", "Hollow", "Distant", "Paper", "Burning", "Northern", "Salt", "Winter"],
    noun=["Orchard", "Season", "Lanterns", "River", "Garden", "Shore", "Machine", "Letters", "Tide", "Hours"],
    color=["Green", "Orange", "Purple", "Silver", "Gold", "Crimson"],
    journal=["the Annals of Coastal Research", "Frontiers in Materials Letters", "the Journal of Regional Ecology",
             "Population Health Reports", "the Review of Applied Astronomy"],
    region=["Northern Lakes", "Upper Valley", "Eastern Coast", "Highland", "Southern Plains", "River Delta"],
    token=["Aurel", "Nimbus", "Quill", "Tessera", "Halo", "Vanta", "Corvid", "Lattice", "Ember", "Prism"],
    exchange=["Bitstrand", "Lodestar Exchange", "Cinder Markets", "Tradewell", "Quarrycoin", "Zephyr Exchange"],
)
_ALT = re.compile(r"\[([^\[\]]*)\]")
_GENERIC = dict(
    frames=['"{q}," said {who}, {role}.', '"{q}," {who}, {role}, said [in an interview|by phone|in a statement].',
            '{who}, {role}, [said|told reporters]: "{q}."', '"{q}," [according to|said] {who}, {role}.',
            '[Speaking|In remarks] [on {wday}|after the announcement], {who}, {role}, said: "{q}."'],
    followups=["{last} [added|said] that [the coming weeks|the next few months] would be [important|telling].",
               "{last} [declined|did not want] to [give|offer] [a timeline|further details] [when asked|on {wday}].",
               "[Asked about|Pressed on] [the costs|the risks], {last} said [the matter was under review|it was too early to say]."],
    reactions=["{p3}, who [lives|works] in {city}, said [the news|the decision] had [caught many people by surprise|been expected for weeks].",
               "Not everyone was [convinced|persuaded]. {p3}, [a longtime critic|who has followed the issue for years], said the [plan|move] [left important questions unanswered|came too late].",
               "Early reaction on social media was [mixed|divided], with some [users|people] [praising|welcoming] the [announcement|decision] and others [questioning its timing|asking what it would cost].",
               "[Some|Several] [observers|commentators] noted that the [announcement|news] came [only days|less than a week|about {n_small} weeks] after a [similar|related] [move|decision] in {city2}.",
               "[People close to the matter|Two people familiar with the discussions] said [talks|the discussions] had [taken months|begun in {prev_month}].",
               "The [figures|details] could not be independently verified [on {wday}|immediately]."],
)


def _expand(template: str, rng: random.Random, ctx: dict) -> str:
    while "[" in template:
        template = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    text = template.format(**ctx)
    return re.sub(r" +([,.:])", r"\1", re.sub(r"  +", " ", text))


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _company(rng: random.Random, sector: str) -> str:
    return f"{rng.choice(PREFIX)}{rng.choice(SUFFIX)} {rng.choice(SECTOR[sector])}"


def _money(rng: random.Random, big: bool) -> str:
    if big:
        return f"${rng.randint(11, 95) / 10:.1f} billion"
    return f"${rng.choice([12, 18, 25, 40, 65, 80, 120, 150, 240, 310, 475, 620])} million"


def _context(rng: random.Random, beat: str, when: datetime) -> dict:
    pools = TEMPLATE_POOLS
    sector = BEATS[beat]["sector"] if beat in BEATS else "general"
    city, city2 = rng.sample(CITIES, 2)
    football = rng.random() < 0.6
    a, b = (rng.randint(1, 4), rng.randint(0, 3)) if football else (rng.randint(95, 124), rng.randint(82, 110))
    people = [_name(rng) for _ in range(3)]
    ctx = dict(
        city=city, city2=city2, country=rng.choice(COUNTRIES), p1=people[0], p2=people[1], p3=people[2],
        company=_company(rng, sector), company2=_company(rng, sector), firm=f"{rng.choice(LAST)} {rng.choice(['Capital', 'Research', 'Partners', 'Advisory', 'Economics', '& Co.'])}",
        index=f"{rng.choice(['Calder', 'Meridia', 'Solvay', 'Astra', 'Corona', 'Vantage'])} {rng.choice([40, 50, 100, 200, 300])}",
        pct=f"{rng.randint(3, 39) / 10:.1f}", pct2=str(rng.randint(4, 35)), pct3=str(rng.randint(6, 78)),
        rate=f"{rng.randint(4, 22) / 4:.2f}", bps=rng.choice([25, 50]), n_small=rng.randint(2, 9), n_mid=rng.randint(12, 96),
        n_big=f"{rng.randint(12, 480) * 100:,}", money=_money(rng, False), money2=_money(rng, True),
        price=f"${rng.randint(19, 899)}", price_btc=f"${rng.randint(16, 68) * 1000:,}",
        wday=WDAYS[when.weekday()], next_wday=WDAYS[(when.weekday() + rng.randint(2, 6)) % 7],
        month=MONTHS[when.month - 1], prev_month=MONTHS[(when.month - 2 - rng.randint(0, 3)) % 12],
        next_month=MONTHS[(when.month + rng.randint(0, 4)) % 12], year=when.year, prev_year=when.year - rng.randint(1, 4),
        next_year=when.year + rng.randint(1, 4), quarter=rng.choice(["first quarter", "second quarter", "third quarter", "fourth quarter"]),
        cbank=rng.choice(["Bank of {c}", "{c} Reserve Bank", "National Bank of {c}", "Central Bank of {c}"]).format(c=rng.choice(COUNTRIES)),
        token=(t := rng.choice(pools["token"])), exchange=rng.choice(pools["exchange"]),
        court=f"the {city} District Court", judge=f"Judge {_name(rng)}", votes=f"{rng.randint(5, 8)}-{rng.randint(1, 4)}",
        team=f"{city} {rng.choice(pools['mascot'])}", team2=f"{city2} {rng.choice(pools['mascot'])}",
        league=f"{rng.choice(COUNTRIES)} {'Premier League' if football else 'Basketball League'}",
        player=_name(rng), coach=_name(rng), score=f"{max(a, b)}-{min(a, b) if a != b else max(a - 1, 0)}",
        unit="goals" if football else "points", position=rng.choice(pools["position_f" if football else "position_b"]),
        age=rng.randint(19, 33), venue=f"{rng.choice(LAST)} {rng.choice(['Park', 'Arena', 'Stadium', 'Field'])}",
        hospital=f"{city} {rng.choice(['General Hospital', 'University Hospital', 'Memorial Hospital'])}",
        agency=f"{city} {rng.choice(['Transit Authority', 'Regional Transport Agency'])}",
        line=f"the {rng.choice(pools['color'])} Line", project=f"the {rng.choice(LAST)} {rng.choice(['Ridge Wind Farm', 'Solar Park', 'Offshore Wind Project', 'Battery Park'])}",
        university=rng.choice([f"the University of {city}", f"{city} Institute of Technology", f"{city2} University"]),
        festival=f"{city} {rng.choice(['Film Festival', 'Arts Festival', 'Book Fair', 'Music Festival'])}",
        artist=_name(rng), work=f"The {rng.choice(pools['adj'])} {rng.choice(pools['noun'])}",
        storm=f"Storm {rng.choice(FIRST)}", river=rng.choice(LAST), region=rng.choice(pools["region"]),
    )
    ctx["token"] = f"{t} ({t[:3].upper()})"
    for key in ("asia", "crop", "bourse", "bank", "subject", "topic", "effect", "ability", "disease", "drug", "journal"):
        ctx[key] = rng.choice(pools[key])
    ctx["ability_lc"] = ctx["ability"].lower()
    return ctx


def _article(i: int, seed: int) -> dict:
    rng = random.Random(f"newsdesk-corpus:{seed}:{i}")
    start = datetime(2021, 1, 1)
    when = start + timedelta(seconds=rng.randrange(int((datetime(2025, 1, 1) - start).total_seconds())))
    hn = rng.choice(HARD_NEGATIVES) if rng.random() < HN_SHARE else None
    beat = rng.choice(list(BEATS))
    if hn:
        beat = {"regulation": "markets"}.get(hn["beat"], hn["beat"])
    pools = BEATS[beat]
    ctx = _context(rng, beat, when)
    ctx["r1"] = _expand(rng.choice(pools["r1"]), rng, ctx)
    ctx["r2"] = _expand(rng.choice(pools["r2"]), rng, ctx)
    used: set[str] = set()

    def pick(pool: list[str]) -> str:
        options = [t for t in pool if t not in used] or pool
        t = rng.choice(options)
        used.add(t)
        return _expand(t, rng, ctx)

    def quote(who: str, role: str) -> str:
        q = _expand(rng.choice(_GENERIC["frames"]), rng, {**ctx, "who": who, "role": role, "q": "{q}"})
        return q.replace("{q}", pick(pools["quotes"]))

    title = _expand(rng.choice((hn or pools)["titles"]), rng, ctx)
    details = (hn["details"] + pools["background"]) if hn else pools["details"]
    paras = [[pick((hn or pools)["leads"]), pick(details)]]
    if hn:
        paras.append([pick(hn["details"]), pick(hn["details"])])
    kinds = ["detail", "quote1", "background", "detail", "reaction", "quote2", "detail", "background", "detail"]
    rng.shuffle(kinds)
    target = rng.randint(280, 620)
    for kind in kinds:
        words = sum(len(s.split()) for p in paras for s in p)
        if len(paras) >= 4 and words >= target or len(paras) >= 9:
            break
        if kind == "detail":
            p = [pick(pools["details"]) for _ in range(rng.randint(2, 3))]
        elif kind == "background":
            p = [pick(pools["background"]) for _ in range(rng.randint(1, 3))]
        elif kind == "reaction":
            p = [pick(_GENERIC["reactions"]) for _ in range(rng.randint(1, 2))] + [pick(pools["details"])]
        else:
            who, last, role = (ctx["p1"], ctx["p1"].split()[-1], ctx["r1"]) if kind == "quote1" else (ctx["p2"], ctx["p2"].split()[-1], ctx["r2"])
            p = [quote(who, role)] + ([_expand(rng.choice(_GENERIC["followups"]), rng, {**ctx, "last": last})] if rng.random() < 0.5 else [])
            p.append(pick(pools["details"]))
        paras.append(p)
    paras.append([pick(pools["outlook"])])
    body = "\n\n".join(" ".join(p) for p in paras)
    outlet, host = rng.choice(OUTLETS)
    authors = [_name(rng) for _ in range(1 if rng.random() < 0.8 else 2)]
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:7])
    return dict(title=title, source=outlet, url=f"https://{host}.example/{when:%Y/%m/%d}/{slug}-{i}",
                published_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"), authors=authors, body=body)


def generate_articles(n: int, *, seed: int = 7) -> list[dict]:
    """n articles as dicts with keys title, source, url, published_at (ISO 8601 'YYYY-MM-DDTHH:MM:SSZ'),
    authors (list of str), body (paragraphs separated by blank lines). Deterministic in (n, seed);
    article i depends only on (seed, i), so a smaller n gives a prefix of a larger one."""
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
        for article in articles:
            sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        write_jsonl(args.out, articles)
        print(f"wrote {len(articles)} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
