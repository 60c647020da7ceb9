// Topic: a neighborhood is rezoned for apartment buildings.
import type { Topic } from '../topic.js';

export const REZONING: Topic = {
  key: 'rezoning',
  entities: [
    ['units', '[1,200|1,800|2,400|3,100]'],
    ['stories', '[four-story|five-story|four- and five-story]'],
    ['rentRise', '[31|38|44|52]'],
  ],
  article: [
    'The {city} City Council voted {vote} on Tuesday to rezone much of {neighborhood}, allowing {stories} apartment buildings on lots that had been limited to single-family homes.',
    'City planners estimate the change could add as many as {units} homes over the next decade.',
    "Rents in {city} have risen about {rentRise} percent since 2019, according to the city's most recent housing report.",
    "Opponents packed the meeting, warning of heavier traffic, crowded schools and the loss of the neighborhood's character.",
    'The ordinance requires that one in ten new units be set aside for households earning less than 80 percent of the area median income.',
  ],
  pro: [
    "[Rents|Rent] [up|went up] {rentRise} percent [since 2019|in five years]. [We need more homes|We have to build more housing], [it's that simple|full stop|it's not complicated].",
    '[My kids|Both my kids] [can\'t afford|will never be able to afford] to live in the [town|city] they grew up in. [Something has to change|That\'s the real loss of character].',
    "'Neighborhood character' [is|has always been] [code for|a polite way of saying] [keep people out|we don't want renters|no newcomers].",
    "[Four-story|Small] apartment buildings [were|used to be] [normal|everywhere] in [American cities|this country] [a hundred years ago|before the 1950s]. [This isn't radical|Nothing radical here].",
    '[Teachers|Nurses|Firefighters] [who work here|that work in {city}] [should be able to|ought to be able to] [live here|afford to live here][ too|].',
    '[More|Adding] supply is [the only thing that|what] [actually brings rents down|slows rent growth] [over time|long term]. [Look at|See] [Minneapolis|Austin].',
    "[Good|Great|About time]. [Glad|Happy] the council [didn't cave|stood up] to [the loudest people in the room|the same twenty people who show up to every meeting].",
    '[More neighbors|More people] [means|=] more [customers|business] for [the shops|local shops] on {street}.',
    '[Homeowners|People who already own] [got theirs|pulled up the ladder behind them], and now they [want|expect] [everyone else|young people] to [pay for it|just deal with it].',
    '[Traffic|The traffic argument] is always [the excuse|the first excuse], but [people|workers] [driving in|commuting in] from [an hour away|the exurbs] [is|causes] [the actual|most of the] traffic.',
  ],
  con: [
    "[Out-of-town|Big] developers [are going to|will] [cash in|make a killing]. [None of|Hardly any of] [these|the] [units|apartments] [will be|are going to be] [affordable|cheap].",
    "One in ten [units|] [set aside|affordable] [is a joke|isn't much]. [The other ninety percent|The rest] [will be|are] [luxury|market rate] [apartments|units].",
    '[The schools|Our schools] in {neighborhood} are [already overcrowded|full|at capacity]. [Where are|Where do] [all these kids|the new kids] [supposed to|going to] go?',
    '[I|We] [bought|saved for years to buy] [in|a house in] {neighborhood} [because of|for] [the quiet|the yards|what it is]. [Now|And now] the council [changes|changed] the rules [after the fact|on us].',
    '[Parking|Street parking] is already [impossible|a nightmare] [on|around] {street}. [Four-story buildings|Apartment buildings] with [no parking|hardly any parking] [will make it|are going to make it] [worse|much worse].',
    '[Corporate landlords|Private equity] [will|are going to] [buy up|snap up] [the lots|everything] and [charge|rent for] [whatever they want|top dollar].',
    '[Nobody|No one] [in|from] {neighborhood} [asked for this|wanted this]. [The council|They] [voted|went] [against|over] [the people who live here|residents].',
    "[Infrastructure|The sewers and roads] [can't|won't] [handle|keep up with] {units} [more|new] [homes|units]. [Who pays for the upgrades|Who's paying for that]?",
    "[Building|More] [luxury|expensive] [apartments|housing] [doesn't|won't] [lower|bring down] [rents|anyone's rent]. It [just|only] [raises|pushes up] [property values|land prices] [around them|nearby].",
    "[Once|When] the [old houses|bungalows] [are|get] [torn down|knocked down], [they're|that's] [gone|gone forever]. [That's|And that's] the [character|history] [people mean|we're talking about].",
  ],
  mixed: [
    "I'm [fine with|okay with] [more housing|apartments] [on|along] {street}, [but not|just not] [in the middle of|deep into] [the side streets|the neighborhood].",
    "The [affordable|set-aside] [requirement|number] [should have been|could be] [higher|20 percent], but [it's|this is] [better than nothing|a start].",
    '[Both|Both sides] [make|have] [fair|some] points. [Housing|Rents] [is|are] [a real problem|out of control], [but|and] [so are|so is] [the schools|infrastructure].',
    "[We'll|Let's] see [if|whether] [anything actually gets built|anyone builds anything]. [Interest rates|Construction costs] are still [brutal|high].",
  ],
  anecdotes: [
    '[I|We] [pay|are paying] [$1,900|$2,250|$2,600] [a month|] for a [one-bedroom|two-bedroom] [in|near] {neighborhood}. [Five years ago|In 2019] it was [$1,300|$1,450|$1,600].',
    "[Our daughter|My son|Both our kids] [moved|had to move] [two towns over|an hour away|out of state] because [there was nothing they could afford|they couldn't find anything] [here|in {city}].",
    "[I've|We've] lived in {neighborhood} [for 30 years|since 1991|since the 80s] and it has always been changing. [The sky hasn't fallen yet|Nothing terrible happened|It's been fine].",
    '[I|We] [went to|sat through] [the|that] [meeting|hearing] and [it was|most of it was] [retirees|homeowners] [complaining about|worried about] [parking|shadows|their views].',
  ],
  questions: [
    '[How many|How many of] [these units|the new apartments] [will|are going to] [actually be|be] [affordable|income-restricted]?',
    "[Who|Who's] [pays|paying] for [the new school capacity|more classrooms|sewer upgrades]?",
    '[Is there|Are there] [any|] [rules|limits] [on|against] [short-term rentals|Airbnbs] in [the new buildings|these buildings]?',
    '[Why|Why is it always] {neighborhood} and [never|not] [the wealthy side of town|the lake district]?',
  ],
  links: [
    'https://www.{citySlug}.gov/planning/zoning-update-2024',
    'https://www.{citySlug}.gov/housing/annual-report.pdf',
    'https://www.zillow.com/research/data/',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        'I understand that housing costs are a real problem, but this rezoning mainly benefits out-of-town developers. Most of the new units will be market-rate, and the residents who actually live in {neighborhood} were ignored.',
        'While the goal of affordability is admirable, this plan won\'t achieve it. Developers and corporate landlords stand to profit, while longtime residents lose the character of the neighborhood they invested in.',
        "It's hard to believe this rezoning will make housing more affordable. With only one in ten units set aside, the vast majority will be priced for people who can already afford to live here.",
        'This decision seems to put developers\' interests ahead of the community. Rezoning an established neighborhood without real input from residents sets a troubling precedent.',
        "Interesting approach, but I'm skeptical it addresses the affordability crisis. Corporate investors will buy up properties, rents will stay high, and the neighborhood will bear the strain on schools and roads.",
        "Housing is a serious issue, but handing entire neighborhoods over to developers isn't the answer. Residents raised legitimate concerns about traffic and schools, and the council brushed them aside.",
        "Let's be honest about who wins here: developers and large landlords. Families who have lived in {neighborhood} for decades get more traffic and crowded schools, and renters still won't see lower prices.",
        "The promise of affordability sounds good, but the details don't support it. Market-rate apartments built by outside investors won't help the people struggling with rent, and they'll change the neighborhood permanently.",
        'Rezoning on this scale should have required far more community input. The people who benefit most are developers, not the families who call this neighborhood home.',
      ],
      echoes: [
        'Developers are the ones who benefit here, not the people struggling with rent.',
        "One in ten affordable units isn't going to solve anything.",
        'Residents raised real concerns and the council ignored them.',
        'Corporate landlords will profit while the neighborhood deals with the consequences.',
        "This won't make housing affordable. It just changes the neighborhood for good.",
        'Families who have lived here for decades deserved to be heard.',
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: "As a [longtime|lifelong|concerned] [resident|homeowner] of {neighborhood}, I [strongly oppose|object to|urge you to reject] the [rezoning|upzoning] of our [neighborhood|community]. [This plan|The ordinance|This change] [benefits|serves|rewards] [developers|outside investors|corporate landlords], not [residents|families|the people who live here]. [Our schools, roads and parking|Our infrastructure and schools|Our streets and schools] [cannot handle|are not ready for|can't absorb] [thousands of new units|this kind of density|the added density]. [Please|I respectfully ask you to|I urge the council to] [reverse|reconsider|repeal] this [decision|vote] [and listen to residents|and put residents first|before it's too late].",
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: 'They just rezoned {neighborhood} for CORPORATE LANDLORDS. Your property value, your schools, your street parking: GONE. The council did this without listening to ONE resident. Save {neighborhood}: come to the next council meeting and tell your neighbors. Repost this everywhere!',
    },
  ],
};
