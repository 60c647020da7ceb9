/**
 * Hand-written campaign talking points, each in three wordings (every pair within a set is a
 * paraphrase pair). Topics, registers and lengths vary on purpose: short slogans, mid-length
 * opinions, long appeals; politics, local issues, product astroturf, a trading-group pitch.
 */
export const PARAPHRASE_SETS: readonly (readonly string[])[] = [
  // Short (under 15 words).
  [
    "Vote no on Measure 12. It's a tax hike in disguise.",
    'Measure 12 is just a hidden tax increase, so vote no.',
    "Don't be fooled: Measure 12 raises your taxes. Reject it.",
  ],
  [
    'The mayor has done a great job on public safety.',
    "Crime is down thanks to the mayor's leadership.",
    'Our mayor deserves credit for making the streets safer.',
  ],
  [
    'This vaccine was rushed and nobody knows the long-term effects.',
    'They rushed this shot out; the long-term risks are unknown.',
    'Nobody can tell us the long term side effects of a rushed vaccine.',
  ],
  [
    'Electric cars are not as green as they claim.',
    "EVs aren't nearly as clean as the ads say.",
    'The environmental benefits of electric vehicles are overstated.',
  ],
  [
    'The new stadium is a waste of taxpayer money.',
    'Spending public funds on a stadium is a terrible use of our taxes.',
    'Taxpayers should not foot the bill for a new arena.',
  ],
  [
    'Remote work makes employees more productive, not less.',
    'People get more done working from home.',
    'Working remotely boosts productivity.',
  ],
  ['Fake news. This never happened.', 'This story is made up, it never happened.', 'Total fabrication, none of this took place.'],
  // Mid-length (15 to 40 words).
  [
    'Raising the minimum wage to $20 will force small businesses to cut jobs or close, and the workers it is meant to help will be the first to lose their hours.',
    'A $20 minimum wage sounds generous, but small shops will respond by laying people off or shutting down, hurting exactly the low-wage workers it claims to protect.',
    'If the minimum wage jumps to twenty dollars, many small employers will reduce staff or go under, and low-paid employees will pay the price through lost shifts.',
  ],
  [
    'Nuclear power is the only realistic way to cut emissions quickly while keeping the lights on; wind and solar alone cannot provide reliable baseload electricity.',
    "If we are serious about emissions, we need nuclear. Renewables are intermittent and can't supply steady baseload power by themselves.",
    "Wind and solar can't keep the grid stable on their own, so nuclear energy is our best option for reducing carbon emissions fast.",
  ],
  [
    'Mail-in voting opens the door to fraud, and the state should require voters to show ID in person to protect the integrity of our elections.',
    'Requiring in-person voting with photo ID is the only way to keep our elections secure; mail ballots are far too easy to abuse.',
    'Our elections are vulnerable as long as mail-in ballots are allowed. Voter ID at the polls would restore trust in the results.',
  ],
  [
    'Widening the highway will not fix traffic; more lanes just attract more cars, and within a few years congestion will be as bad as it is today.',
    'Adding lanes never solves congestion for long. Induced demand fills the new capacity and we end up with the same traffic jams.',
    'Expanding the freeway is a waste: extra lanes bring extra drivers, so the gridlock returns in a couple of years.',
  ],
  [
    "I've been using this blender for three months and it crushes ice perfectly, cleans up in seconds, and is much quieter than my old one. Highly recommend!",
    'Three months in and this blender is fantastic: ice comes out smooth, cleanup is quick, and it runs far more quietly than my previous model. Definitely recommend.',
    "Best blender I've owned. After a few months it still crushes ice with ease, is easy to clean, and makes way less noise than the last one.",
  ],
  [
    'A single-payer system would cover everyone and cost less overall, because we would stop wasting money on insurance company overhead and profits.',
    "Medicare for all would insure every citizen while lowering total spending, since we'd cut out the administrative waste and profits of private insurers.",
    "Universal public health insurance is cheaper in the end: no more paying for insurers' overhead and profit margins, and nobody goes uncovered.",
  ],
  [
    'The coach has to go. Three losing seasons in a row and the same predictable play calling every week; the team needs a fresh start.',
    "Time to fire the coach. We've had three straight losing seasons and his play calls are predictable every single game. We need new leadership.",
    "After three consecutive losing seasons with the same stale offense, it's obvious the head coach should be replaced.",
  ],
  [
    'Social media companies should be held legally responsible for the harmful content their algorithms promote to teenagers.',
    'Platforms need to face legal liability when their recommendation algorithms push dangerous content to kids.',
    'If an algorithm feeds harmful posts to teens, the company behind it should be accountable in court.',
  ],
  // Long (40 to 100 words).
  [
    'Sending billions more in military aid overseas while our own veterans wait months for care and our cities struggle with homelessness shows how out of touch Washington has become. Charity begins at home. Before we write another blank check to a foreign government, Congress should fix the VA, invest in housing, and make sure American families come first.',
    'Washington keeps approving billions in foreign military aid, yet veterans here wait months for treatment and homelessness is spreading in our cities. That is backwards. Congress should stop handing out blank checks abroad until it has repaired the VA, funded affordable housing, and put American families first.',
    'How can Congress justify another multibillion-dollar military aid package for a foreign country when veterans are stuck on VA waiting lists and our streets are full of homeless people? Take care of Americans first: fix veterans health care and address housing before sending more money overseas.',
  ],
  [
    "Banning phones in classrooms is long overdue. Teachers spend half their time fighting for attention against notifications, students can't focus on reading for more than a few minutes, and bullying spreads through group chats during the school day. Schools that have tried a ban report better grades and calmer hallways. Parents who worry about emergencies can call the front office like we did for decades.",
    "It's past time to keep smartphones out of classrooms. Teachers are constantly competing with notifications, kids lose focus after minutes of reading, and group chats fuel bullying during school hours. Where bans have been tried, grades improved and the halls got calmer. In an emergency, parents can reach the school office, just as families always have.",
    "Schools should ban phones during class. Notifications destroy students' attention, teachers waste time policing screens, and cyberbullying happens in real time in group chats. Schools with phone bans have seen higher grades and fewer conflicts. Worried parents can always phone the office if there is an emergency.",
  ],
  [
    'The housing crisis is a supply problem created by zoning. When most residential land is reserved for detached single-family homes, builders cannot add the apartments and townhouses that young families and workers can afford. Allowing duplexes and small apartment buildings near transit would bring rents down over time without costing taxpayers a cent.',
    "Restrictive zoning is why housing is so expensive: most land only allows single-family houses, so developers can't build the affordable apartments and townhomes that workers and young families need. Legalizing duplexes and modest apartment buildings near transit would lower rents over time at no cost to taxpayers.",
    "We don't have enough homes because zoning rules forbid anything but detached houses on most lots. Let builders put up duplexes, townhouses, and small apartment blocks close to transit, and rents will fall gradually, without any public spending.",
  ],
  [
    'The proposed offshore wind farm will ruin the view that brings tourists to our coast, threaten the fishing grounds local families have worked for generations, and drive up electricity bills once the subsidies run out. The developers are out-of-state companies who will take the profits and leave our town with the consequences. The council should reject the permit.',
    'This offshore wind project would spoil the coastline that tourists come here for, endanger fishing areas our families have relied on for generations, and raise power bills when the subsidies end. Out-of-state developers will pocket the profits while our community lives with the damage. The council must deny the permit.',
    'Our town gains nothing from the offshore wind farm: tourists come for an unspoiled ocean view, fishermen depend on those waters, and ratepayers will see higher bills after subsidies expire. The profits go to companies from out of state. Council members should vote the permit down.',
  ],
  [
    "I was skeptical at first, but after following the trading signals from this group for two months my portfolio is up forty percent. The analysts explain every trade, the community is supportive, and withdrawals have always arrived the same day. If you're tired of losing money on your own, join through the link in my profile.",
    "Honestly I didn't believe it either, but two months of following this group's trading signals grew my portfolio by 40%. Every trade is explained by the analysts, the members are helpful, and my withdrawals always land the same day. Stop losing money trading alone and join via the link in my bio.",
    "Two months ago I doubted it, now my account is up forty percent just from copying this group's signals. The analysts walk you through each trade, people in the community help each other, and payouts come through the same day. Check the link on my profile if you're done losing money by yourself.",
  ],
  // Over 100 words.
  [
    "The city council's proposed budget cuts the police department by twelve percent while adding millions for consultants and new administrative positions. Response times in our neighborhood are already over fifteen minutes, and officers tell us they are short-staffed every weekend. Meanwhile, car break-ins and package thefts have doubled since last year. I support reform and better training, but you cannot cut the patrol budget and expect residents to feel safe. Before voting on this plan, council members should walk our streets at night, talk to the small business owners who have been robbed, and explain why consultants matter more than emergency response. Please call your council member and ask them to vote no on the budget as written.",
    "Under the council's draft budget, the police lose twelve percent of their funding even as millions go to consultants and new administrative jobs. In our neighborhood it already takes more than fifteen minutes for officers to respond, and they admit they are understaffed every weekend. Car break-ins and stolen packages have doubled over the past year. I'm all for reform and better training, but slashing patrols while expecting people to feel safe makes no sense. Council members should visit our streets after dark and hear from the shop owners who have been robbed before they vote, and tell us why consultants come before emergency response. Call your representative and urge a no vote on this budget.",
    'This budget is upside down. It takes twelve percent away from the police department and spends millions on consultants and extra administrators instead. Residents here already wait over fifteen minutes when they call for help, and officers say weekends are chronically short-staffed. Break-ins and package thefts have doubled compared with last year. Reform and training are worthwhile goals, but cutting patrols will not make anyone safer. Before the vote, every council member should spend an evening on our streets, listen to the business owners who were robbed, and justify putting consultants ahead of emergency services. Contact your council member today and tell them to reject the budget in its current form.',
  ],
];
