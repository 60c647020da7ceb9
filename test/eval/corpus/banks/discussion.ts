// Topic-independent phrases of organic discussion: remarks, hedges, leads, quotes, one-liners.

export const GENERAL_REMARKS = [
  '[Nothing about this|None of this] surprises me[ anymore|].',
  'Same story every [time|year] in {city}.',
  "We'll see how it [goes|plays out] in a year.",
  '[This town|{city}], I swear.',
  "[I've lived here|I've been here] [twenty|thirty|eleven] years and [it's always the same|nothing ever changes|this keeps happening].",
  '[The comments here|This comment section] [are|is] [something else|wild|exactly what I expected].',
  '[Honestly|Frankly] [the|this] [reporting|article] [could have|should have] [included more numbers|talked to more people].',
  "[Anyway|Whatever], [rant over|that's my take|I've said my piece].",
  '[People|Folks] [need to|should] [actually read|read] [the article|the whole article] before [commenting|getting mad].',
  "[Nobody|No one] [here|in this thread] [is going to change anyone's mind|is changing their mind], [I know|lol].",
  "[I'll believe it when I see it|Believe it when I see it].",
  "[Call|Email] your [representatives|elected officials] [if you care|either way], [that's the only thing that works|it actually matters].",
  "[It's|This is] [a lot more complicated|more complicated] than [either side|the headline] [makes it sound|wants to admit].",
  '[Glad|Good that] [the paper|somebody] [is covering|covered] this[, at least|].',
];

export const HEDGES = [
  'but I could be wrong', 'at least in my experience', "for what it's worth", "from what I've seen",
  "unless I'm missing something", 'but what do I know', 'if you ask me', 'honestly',
];
export const STANDALONE_HEDGES = ['Just my two cents.', 'Time will tell.', "We'll see.", 'Could be wrong though.', 'Anyway.', 'Rant over.', 'Just saying.', 'My 2c.'];

export const AGREE_LEADS = [
  'Agreed.', 'Agreed, and', 'Exactly.', 'This.', 'Yes, and', 'Right?', '100%.', 'Same here.', "You're right.",
  'Good point.', 'I agree.', 'Well said.', 'Valid point.', 'Yep.', 'Absolutely.', 'Totally agree,', 'This is it.',
];
export const DISAGREE_LEADS = [
  "That's just not true.", 'No.', 'Hard disagree.', 'Respectfully, no.', "I don't think that's right.",
  'Did you read the article?', 'Source?', "You're missing the point.", 'Come on.', 'Sure, but', 'I hear you, but',
  'Fair, but', 'Except', 'Nope.', 'Not really.', "That's a stretch.", 'Eh,', 'Ok but', "That's not what the article says.", 'Counterpoint:',
];
export const ARGUE_LEADS = [
  'I did read it.', 'Read my comment again.', 'I never said that.', 'Ok, and?', 'You keep saying that, but', 'Again,',
  "That's literally my point.", 'Whatever you say.', 'Not what I said.', 'Sigh.', 'Cool story, but', "And I'm telling you,", 'Yes, really.',
];
export const OPENERS = [
  'Honestly,', 'Look,', 'I mean,', 'IMO,', 'Not gonna lie,', 'Ok so', "Here's the thing:", 'Full disclosure,', 'Real talk:',
  'As a {city} resident,', 'As someone who lives here,', 'Long-time reader here.', 'First time commenting.', 'Ugh.', 'Wow.', 'Well,',
];

export const QUOTE_INTROS = ['From the article:', 'The article says', 'Direct quote:', 'Key line:', 'Buried in paragraph four:', 'This part:'];
export const QUOTE_REACTIONS = [
  'This is the part that matters.', 'And there it is.', "That's the whole story right there.", 'Ha. Sure.', 'Read that again.',
  "So who's surprised?", 'This sentence is doing a lot of work.', 'Interesting wording.', 'That says it all.',
  'Well, that settles it.', "Yeah, we'll see.", "Funny how that's buried so far down.", 'Nobody seems to have read this part.',
];

// Generic one-liners real readers post by the hundred; the detector must not flag them.
export const SHORT_REPLIES: readonly (readonly [string, number])[] = [
  ['Agreed.', 6], ['This.', 4], ['This!', 2], ['Well said.', 3], ['Exactly.', 3], ['So true.', 2], ['100%', 2], ['Yep.', 2],
  ['Nope.', 1], ['lol', 2], ["Couldn't agree more.", 2], ['Same.', 1], ['Thank you!', 1], ['Spot on.', 1], ['Well put.', 1],
  ['+1', 1], ['Amen.', 1], ['Ha!', 1], ['Sure, Jan.', 1], ['👍', 1], ['This 👆', 1], ['Facts.', 1], ['Bingo.', 1],
  ['Yikes.', 1], ['What a take.', 1], ['^ this', 1], ['Nailed it.', 1], ['Agreed', 2], ['I agree.', 2], ['No.', 1],
];
export const SHORT_TOP_LEVEL: readonly (readonly [string, number])[] = [
  ['Great article', 4], ['Great article.', 2], ['Finally!', 2], ['About time.', 2], ['Good.', 2], ['Ridiculous.', 2],
  ['What a joke.', 1], ['Not surprised.', 2], ['Typical.', 1], ['Good news.', 2], ['Terrible decision.', 1],
  ['Thank you for reporting this.', 2], ['Well, here we go.', 1], ['Sad.', 1], ['Bravo 👏', 1], ['lol', 1],
  ['Great reporting.', 1], ['Smart move.', 1], ['Good call.', 1], ['Here we go again.', 1], ['Big mistake.', 1], ['Love this.', 1],
];

export const LINK_LEADS = [
  "Here's the full report:", 'Agenda and vote record here:', 'For anyone who wants the actual data:', 'Worth reading:',
  'Source:', 'The study they mention:', 'Full text:', 'Video of the meeting:', 'Background:',
];

export const BOT_CALLOUTS = [
  '[Is it just me or are|Anyone else notice] half the comments [here|in this thread] [are saying|say] the same thing?',
  '[Lots of|So many] brand new accounts [in this thread|commenting here] all of a sudden.',
  'Why do so many of these comments [sound identical|read the same|use the exact same words]?',
  'Nice copy[ and|/]paste[.|, guys.]',
  '[Bot.|Bot account.|Obvious bot.]',
  'This exact comment [is posted|shows up] like [ten|six|a dozen] times [in this thread|on this page].',
  'Did someone hand out a script[?| today?]',
  '[Reported.|Flagged.] This is spam.',
  'Weird how this got posted by [five|six|a bunch of] different people in [ten|fifteen] minutes.',
  '[Reads like|Sounds like] ChatGPT wrote it.',
  'Who is paying for all these comments?',
];
