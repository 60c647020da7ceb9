// Topic-independent campaign phrases: paraphrase openers and closers, echo openers, drip scripts.

export const PARAPHRASE_OPENERS = [
  'Interesting article.', 'Thanks for covering this.', 'This is an important discussion.', "I've been following this closely.",
  'As a longtime {city} resident,', 'Speaking as a parent,', 'Honestly,', 'To be fair,', 'Just my perspective, but',
  'I have to say,', 'Great reporting, but', 'With respect,',
];
export const PARAPHRASE_CLOSERS = [
  'Just my two cents.', 'Something to think about.', 'Curious what others think.', 'Food for thought.',
  'We deserve better than this.', "Let's hope someone is listening.", 'Hopefully cooler heads prevail.', 'This deserves more attention.',
];
export const ECHO_OPENERS = [
  'Exactly.', 'Valid point.', 'Absolutely.', 'Agreed.', 'I agree.', 'Well said.', "Couldn't agree more.", 'So true.',
  'Spot on.', 'Precisely.', 'This is so important.', 'Great point.',
];

// Off-topic templates posted slowly across many threads over days.
export const DRIP_SCRIPTS = [
  "[Before you|Before anyone] [form an opinion|believes any of this|takes this at face value], [look into|check] who [funds|bankrolls|is behind] [this paper|this outlet|the people quoted here]. [Follow the money|It's always the same people|The truth is out there if you look]. [Real coverage|The other side of the story|Independent reporting] at [truthledger dot net|truthledger.net|truth ledger (dot) net].",
  '[Remember|Don\'t forget|Reminder]: [every one of these|each of these|all of these] [decisions|votes|policies] [gets|got] made by [people you never really chose|the same insiders|a handful of insiders] [behind closed doors|who answer to donors]. [Vote them all out|Vote every incumbent out|Time to vote them all out] [in November|next election|this fall]. #TakeBackOurTown',
  "[Great|Interesting|Good] [discussion|points|thread] [everyone|here|all]. [If you want|For anyone who wants|Anyone who wants] [the full picture|the numbers they don't print|the other side], [I put together|I wrote up|there's] [a short|a quick|a] [breakdown|summary|rundown] at [civicfacts-now.org|civicfactsnow dot org|civicfacts-now (dot) org].",
];
