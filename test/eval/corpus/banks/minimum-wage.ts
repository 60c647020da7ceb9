// Topic: the state legislature raises the minimum wage.
import { SURNAME } from './names.js';
import type { Topic } from '../topic.js';

export const MINIMUM_WAGE: Topic = {
  key: 'minimum-wage',
  entities: [
    ['stateName', '[Oregon|Michigan|Pennsylvania|Colorado|Virginia|Minnesota|Arizona|Wisconsin|New Mexico|Maine]'],
    ['wage', '[$16.50|$17|$17.50|$18]'],
    ['currentWage', '[$12.25|$12.80|$13.50|$14.10]'],
    ['wageYear', '[2026|2027|2028]'],
    ['governor', `Gov. [Laura|Maria|Karen|Denise|Angela|Priya|Janet] ${SURNAME}`],
    ['workers', '[410,000|560,000|720,000]'],
  ],
  article: [
    '{stateName} lawmakers on Wednesday passed a bill raising the state minimum wage from {currentWage} to {wage} an hour by {wageYear}.',
    '{governor} has said she will sign the bill, calling the increase long overdue for working families.',
    'Restaurant and retail groups warned that small businesses would respond by cutting hours, raising prices or replacing workers with kiosks.',
    "The state budget office estimated the increase would raise pay for about {workers} workers.",
    'After {wageYear}, the minimum wage would rise each year with inflation.',
  ],
  pro: [
    "[Try|Go ahead and try] [living on|paying rent on] {currentWage} an hour [in|anywhere in] {stateName} [right now|today|in this economy]. [I'll wait|Good luck].",
    "[They said|People said] [the same thing|exactly this] [every|the last] time the wage went up, and [the economy did fine|businesses kept hiring|nothing collapsed].",
    '[Workers|People] [with more money|who get paid more] [spend it|spend it locally], [at|in] [local businesses|the same small businesses] [that are complaining|crying about this].',
    "If [your business|a business] only [works|survives] when [people|workers] [can't afford rent|need food stamps], [it's|that's] [not a business model|subsidized by taxpayers|not a good business].",
    '[Tying it|Indexing it] to inflation [is the best part|is smart|is the real win]. [No more|No more waiting] [fifteen years|a decade] for [lawmakers|the legislature] to [act|get around to it].',
    '[Turnover|Hiring and training] [is expensive|costs a fortune]. [Paying more|Higher wages] [keeps people around|means staff stick around][ longer|].',
    '[Good|Great|Finally|About time]. [Long overdue|This was long overdue].',
    '[CEO pay|Corporate profits] [went up|have gone up] [a lot|plenty] [since 2020|over the last few years]. [Nobody|No one] [worried about|complained about] [that|those prices] [then|].',
    "{wage} an hour [is|comes to] [about|roughly] [$35,000|$36,000] a year[ full time|]. [That's|That is] [hardly|not exactly] [getting rich|a fortune].",
  ],
  con: [
    '[I|We] [own|run] a [small restaurant|coffee shop|hardware store|bakery] and [we|I] [will|are going to] [have to|need to] [cut hours|cut staff|raise prices]. [Period|Simple math|No way around it].',
    '[Watch|Just watch|Get ready for] [the kiosks|more self-checkout|the QR code menus] [go up|to show up] [everywhere|at every counter]. [That\'s|That is] the [real|actual] result.',
    '[Prices|Everything] [will|is going to] [go up|rise] [to cover it|to match], [so|and] [nobody|no one] [ends up|is actually] [ahead|better off].',
    "[Big|Large] [chains|corporations] [can|will] [absorb|handle] [this|it]. [Small|Family] [businesses|shops] [can't|won't], [and|so] [they'll close|they'll be gone].",
    '[Entry-level|Minimum wage] jobs [were|are] [supposed to be|meant to be] [a first step|for teenagers|training jobs], [not a career|never meant to support a family].',
    "[Rural|Small-town] [parts of|areas of] {stateName} [are not|aren't] anything like [the big cities|the metro area]. [One wage for everyone|A single statewide number] [makes no sense|doesn't work].",
    '[Automatic|Annual] [inflation|cost-of-living] [increases|raises] [forever|every year] [sounds great|seems nice] [until|right up until] [your|the] [menu prices|prices] [do the same|follow].',
    "[Teenagers|Young people] [are going to|will] [have a harder time|struggle] finding [a first job|summer jobs]. [That's|That is] [who|who really] [gets hurt|pays for this].",
    '[My|Our] [margins|profit margins] are already [thin|razor thin], [like|maybe] [4|5|3] percent. [Where|Where exactly] [do they think the money comes|is this money supposed to come] from?',
  ],
  mixed: [
    '[Raising it|An increase] [makes sense|is fair], but [that fast|this fast|to {wage} this quickly] [seems|is] [aggressive|a lot for small places].',
    '[Maybe|What about] [a lower|a separate] [rate|wage] for [small businesses|rural counties] [and|while] [the big chains|big employers] [pay|pay the full rate]?',
    "[Honestly|Truthfully] the [research|economics] [on this|] is [mixed|all over the place]. [Anyone|Anybody] [claiming|who says] [certainty|it's obvious][ either way|] is [selling something|not being honest].",
    "[The real problem|The bigger issue] is [rent|housing costs]. [Wages|Pay] [will never|can't] [keep up|catch up] [if|when] rent [goes up|rises] [faster|10 percent a year].",
  ],
  anecdotes: [
    '[I|My daughter|My son] [worked|works] [at|in] a [grocery store|fast food place|retail job] [at|for] {currentWage} [an hour|] and [had|has] to [work two jobs|live with roommates|pick up a second job] [just to|to] [make rent|get by].',
    "[When|After] [Seattle|California|our neighboring state] [raised|went up on] [it|the minimum wage], [my cousin's|my friend's] [diner|café|shop] [closed|cut to four days|shut down within a year].",
    "[I|We] [started|began] [at|on] [minimum wage|$5.15] [in|back in] [the 90s|2004|high school] and [worked my way up|got promoted within a year]. [That's|That's how] [it's supposed to work|it should work].",
    "[I|We] [manage|run] [a|the] [diner|store] [in|outside] [a small town|{city}] and [half|most] of [my|our] [staff|people] already [make|earn] [more than|over] {wage}. [You|We] [can't|couldn't] [hire anyone|find anyone] [for less|otherwise].",
  ],
  questions: [
    '[Does|Will] [this|it] [apply|also apply] to [tipped workers|servers]?',
    "[What|So what] [happens|do small businesses do] [when|if] they [can't|cannot] [afford it|make payroll]?",
    '[Is there|Was there] [any|] [exemption|carve-out] for [small businesses|teenagers|rural areas]?',
    '[Who|Who exactly] [did|do] [they|lawmakers] [talk to|consult] [before|when] [writing|drafting] [this|the bill]?',
  ],
  links: [
    'https://www.bls.gov/cps/minimum-wage-data.htm',
    'https://www.epi.org/minimum-wage-tracker/',
    'https://legislature.{stateSlug}.gov/bills/hb-[2041|1187|3320]',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        "I understand the intention behind raising the minimum wage, but this increase will put enormous pressure on small businesses. Many will have no choice but to cut hours or jobs, and the very workers it's meant to help will be hurt most.",
        'While higher pay sounds good, a jump this large will force small employers to make difficult choices. Fewer hours, fewer jobs and higher prices are the likely result, and entry-level workers will feel it first.',
        'This bill seems well-intentioned, but it ignores how thin the margins are for local businesses. When costs rise this quickly, owners cut staff, and the workers who need these jobs most end up with fewer opportunities.',
        "It's hard to see how small businesses absorb an increase like this. Large corporations will manage, but family-owned shops will cut hours or close, leaving workers worse off than before.",
        "Raising wages by law doesn't create the money to pay them. Small businesses operating on thin margins will respond by reducing hours, hiring fewer people, or automating, and that hurts the workers the bill is supposed to protect.",
        "Interesting idea, but I'm skeptical this will help the people it's aimed at. Young and entry-level workers are likely to see fewer job openings as employers struggle with the higher costs.",
        'The goal is admirable, but the consequences for small employers are serious. An increase this steep will mean lost jobs and reduced hours for the very workers lawmakers say they want to help.',
        "Let's be realistic about what happens next. Small businesses will raise prices, cut shifts, or replace workers with kiosks, and it's low-wage workers who will bear the brunt of it.",
        "Good intentions don't always lead to good outcomes. This wage hike will squeeze small businesses already operating on thin margins, and the likely result is fewer jobs for the workers who need them most.",
      ],
      echoes: [
        "Small businesses will cut hours and jobs, and it's the workers who get hurt.",
        "Big corporations can absorb this. Family-owned shops can't.",
        'Entry-level workers will see fewer opportunities as costs go up.',
        'Margins are already thin. An increase this steep means fewer jobs.',
        'The workers this is meant to help will be the ones who pay for it.',
        'Higher costs will lead to fewer shifts and more kiosks, not better pay.',
      ],
    },
    {
      stance: 'pro',
      paraphrases: [
        'No one working full time should struggle to afford rent and groceries. This increase puts money directly into the pockets of working families, who will spend it at local businesses in their communities.',
        'Raising the minimum wage is long overdue. Workers have fallen behind as costs have climbed, and higher pay means more spending in our local economy, which benefits businesses too.',
        'Every time the minimum wage goes up, we hear predictions of disaster, and every time they fail to materialize. This raise will help hardworking families make ends meet and boost local spending.',
        "It's encouraging to see lawmakers stand up for working people. A fair wage reduces turnover, strengthens local businesses, and helps families cover basic needs without relying on public assistance.",
        'Working families have waited far too long for this. Higher wages mean more money circulating in our communities, less reliance on public programs, and a stronger economy overall.',
        'The claims that this will destroy jobs have been made for decades and have not held up. Paying workers enough to live on is good for families and good for local businesses.',
        'This is a common-sense step for our state. People working full time deserve to afford the basics, and the extra income will be spent right here, supporting local shops and restaurants.',
        "A fair wage isn't a luxury. This increase helps workers keep up with rising costs, and the research shows the doom-and-gloom predictions rarely come true.",
      ],
      echoes: [
        'People working full time deserve to afford the basics. This raise is long overdue.',
        'Higher wages get spent locally, which helps small businesses too.',
        'The doom predictions never come true. Workers need this.',
        'Working families have fallen behind for years, and this helps them catch up.',
        'A fair wage means less reliance on public assistance and a stronger local economy.',
        'Every dollar of this raise gets spent in our communities.',
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: 'As a [small business owner|local employer|restaurant owner|small business owner and taxpayer] in {stateName}, I [urge|strongly urge|ask|respectfully ask] [the governor|{governor}] to [veto|reject|oppose] [this|the] [minimum wage bill|wage increase|wage mandate]. [Small businesses|Employers like me|Main Street businesses] [operate on|run on|survive on] [thin margins|razor-thin margins|tight budgets] and [cannot absorb|can\'t afford|won\'t survive] [an increase|a mandate] of this [size|magnitude]. [Please|I ask that you] [protect|stand with|consider] [small businesses|local jobs|the workers who will lose hours] [and veto this bill|before it\'s too late|and send it back].',
    },
    {
      stance: 'pro',
      text: 'I [am writing to|want to] [urge|ask|encourage] [the governor|{governor}] to [sign|quickly sign|sign without delay] the [minimum wage bill|wage increase|bill raising the minimum wage]. [Working families|Workers|Hardworking people] in {stateName} [cannot|can no longer|should not have to] [survive|get by|make ends meet] on {currentWage} an hour. A [fair|living|decent] wage [strengthens|supports|helps] [our local economy|local businesses|our communities] and [reduces|cuts] [reliance on public assistance|employee turnover]. [Please|I urge you to] [sign this bill|stand with working families|put workers first].',
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: "Small business owners of {stateName}: the {wage} wage bill is going to put us OUT OF BUSINESS. Call the governor's office TODAY and demand a veto. They don't care about Main Street, only their donors. Post this in every business group you are in!!",
    },
  ],
};
