// Phrase banks for video comments: the kinds of videos, what fans say under them, and what
// promoters paste. Fan comments are composed from many small parts per video (its creator, song
// or dish, a moment in it), so comments under one video share its words the way real ones do.

export interface VideoKind {
  readonly kind: string;
  /** Things in the video fans name: "{X}" in the lines below. */
  readonly things: readonly string[];
  readonly lines: readonly string[];
}

export const VIDEO_KINDS: readonly VideoKind[] = [
  {
    kind: 'music',
    things: ['the chorus', 'the bridge', 'the guitar solo', 'the drop', 'the high note', 'the harmonies', 'the bass line', 'the last verse', 'the key change', 'the intro'],
    lines: [
      '{X} at {T} gives me chills every time', 'I have had this on repeat since {D}', 'my {R} used to play this in the car', '{C} never misses',
      'nobody talks about {X} enough', 'came here after hearing it on the radio', 'this takes me back to {D}', 'played this at my {E} and everyone cried',
      'the way {X} hits at {T}', '{C} deserves way more recognition for this', 'saw them live in {D}, still my favourite night', 'this song got me through {H}',
      'my {R} and I danced to this at our {E}', 'still a masterpiece after all these years', 'I learned {X} on guitar because of this',
    ],
  },
  {
    kind: 'cooking',
    things: ['the sauce', 'the dough', 'the garlic butter', 'the crust', 'the marinade', 'the frosting', 'the broth', 'the spice mix', 'the glaze'],
    lines: [
      'made this for my {R} last night and it was gone in minutes', 'I swapped the butter for olive oil and {X} still worked', 'how long can you keep {X} in the fridge?',
      '{C} explains things so calmly, love it', 'tried it with less sugar, still great', 'the tip about {X} at {T} changed everything for me', 'my {R} is a chef and even they approved',
      'does this work in an air fryer?', 'came out a bit dry, maybe my oven runs hot', 'third time making this, {X} gets better every time', 'cooked this for {E}, huge hit',
      'can you do a vegetarian version?', 'the music in the background is so relaxing', 'I burnt {X} the first time lol', 'finally a recipe that actually works',
    ],
  },
  {
    kind: 'gaming',
    things: ['the boss fight', 'that clutch', 'the speedrun skip', 'the last round', 'the glitch', 'the final level', 'the sniper shot', 'the combo'],
    lines: [
      '{X} at {T} was insane', 'how did {C} pull that off', 'I have been stuck on {X} for a week', 'the editing on this is so good', 'my {R} and I tried {X} and failed twenty times',
      'that reaction at {T} had me crying', '{C} is the only reason I still play this game', 'nobody is talking about {X}', 'the chat went wild at {T}',
      'been watching since {D}, so proud of this channel', 'that was the cleanest run I have ever seen', 'the patch ruined {X} sadly', 'the commentary is top tier',
      'came back to watch {X} again', 'what settings do you use?',
    ],
  },
  {
    kind: 'tech review',
    things: ['the battery life', 'the camera', 'the screen', 'the keyboard', 'the speakers', 'the price', 'the build quality', 'the charging speed'],
    lines: [
      'bought it after this review, {X} is exactly as you said', '{X} on mine is worse than shown at {T}', 'honest reviews like this are rare', 'is {X} worth the upgrade from last year?',
      'my {R} has one and complains about {X} constantly', '{C} always tests {X} properly', 'the comparison at {T} was really helpful', 'waiting for the price to drop',
      'returned mine because of {X}', 'great breakdown, subscribed', 'the b-roll in this video is gorgeous', 'you forgot to mention {X}', 'had mine since {D}, still going strong',
      'the sponsor segment at {T} was actually useful', 'which one would you pick for a student?',
    ],
  },
  {
    kind: 'travel vlog',
    things: ['the sunset', 'the market', 'the mountain view', 'the street food', 'the old town', 'the train ride', 'the beach', 'the hostel'],
    lines: [
      'I visited in {D} and {X} looked exactly like this', '{X} at {T} is breathtaking', 'adding this to my list for next year', 'the drone shots are unreal', 'my {R} lives there, it really is that beautiful',
      'how much did {X} cost?', '{C} makes me want to quit my job and travel', 'went there for my {E}, best trip ever', 'the music choice fits so well', 'was it crowded?',
      'such a calm video after a long day', 'the locals seem so friendly', 'please do a video on where you stayed', 'I cried at {X}, no idea why', 'watching this from my office, jealous',
    ],
  },
];

export const RELATIVES = ['mum', 'dad', 'sister', 'brother', 'grandma', 'best friend', 'wife', 'husband', 'son', 'daughter', 'roommate', 'uncle'];
export const OCCASIONS = ['wedding', 'birthday', 'graduation', 'anniversary', 'party', 'family dinner', 'road trip'];
export const HARD_TIMES = ['a really bad year', 'my exams', 'a breakup', 'lockdown', 'night shifts', 'a long hospital stay'];
export const YEARS = ['2009', '2012', '2015', '2017', '2019', '2020', '2021', 'high school', 'college', 'the summer of 2018'];
export const LEADS = ['honestly', 'ngl', 'okay but', 'not gonna lie', 'fun fact:', 'lowkey', 'genuinely', '', '', '', '', ''];
export const TAILS = ['', '', '', '', ' ❤️', ' 🔥', ' 😂', ' 🙌', '!!', ' lol', ' haha', '.', '!'];

/** Short praise many different fans post word for word: organic repeats. */
export const GENERIC_PRAISE = [
  'Love this!', 'First!', '🔥🔥🔥', 'Amazing', 'So good', 'Who is watching in 2024?', 'Masterpiece', 'Legend', 'Underrated', 'This is gold',
  'Love it', 'Beautiful', 'Wow', 'Best video ever', '❤️❤️❤️', 'Great video!', 'Thanks for sharing', 'Goosebumps', 'Still watching in 2024', 'Never gets old',
];

/** Replies fans write under another fan's comment. */
export const SHORT_REPLIES = ['same!', 'this ^', 'so true', 'literally me', 'haha yes', 'facts', 'exactly what I thought', 'agreed', 'no way, me too', 'right?!'];

/** What paste spammers post, before a link. */
export const PASTE_LEADS = ['Check out this video on YouTube:', 'Check out this playlist', 'Watch this before it gets deleted', 'You need to see this', 'Everyone should watch this'];

/** Money pitches: "{A}" an amount, "{W}" the site. */
export const MONEY_PITCHES = [
  'I made {A} last month working from home with {W} , no experience needed. Check it out',
  'Started with {W} two weeks ago and already got {A}. Best decision of my life',
  'If you need extra money try {W} , I earn {A} a week from my phone',
  'My cousin told me about {W} and now I make {A} monthly. Thank me later',
];

/** Self-promotion asks; each promoter uses one, in its own words. */
export const SELF_PROMO = [
  'Hey guys, I make videos like this too, please check out my channel and subscribe!',
  'Small creator here, would mean the world if you gave my channel a look',
  'If you enjoyed this you will love my covers, link in my profile, subscribing helps a lot',
  'I just started a channel about {K}, any support is appreciated 🙏',
  'Please subscribe to my channel, I am trying to reach 1000 subs this year',
  'I upload {K} videos every week, come say hi on my channel',
  'Road to 500 subscribers! Would love it if you checked out my {K} channel',
  'Can I get some support? New {K} videos on my channel every Friday',
];
