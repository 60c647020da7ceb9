// Topic: a school board bans phones for the whole school day.
import { SURNAME } from './names.js';
import type { Topic } from '../topic.js';

export const SCHOOL_PHONES: Topic = {
  key: 'school-phones',
  entities: [
    ['district', '[{city} School District|{city} Unified|{city} Public Schools|{city} Area Schools]'],
    ['superintendent', `Superintendent [Dana|Mark|Lisa|Robert|Angela|Tom|Keisha|Paul] ${SURNAME}`],
    ['startWhen', '[this fall|in August|next school year|after winter break]'],
    ['storage', '[magnetically locked pouches|locked pouches|classroom phone lockers|sealed phone pouches]'],
    ['cost', '$[140|180|215|260|310],000'],
  ],
  article: [
    'The {district} board voted {vote} on Monday to ban student cellphone use from the first bell to the last bell, starting {startWhen}.',
    'Students will have to keep phones in {storage} that stay locked until dismissal, at a cost to the district of about {cost}.',
    '{superintendent} said teachers had described phones as the single biggest distraction in their classrooms.',
    'Several parents objected during public comment, saying they need to be able to reach their children in an emergency.',
    'Similar bans have been adopted in a number of states, though research on their effect on test scores is mixed.',
  ],
  pro: [
    "[Teachers have been begging for this|Every teacher I know has been asking for this for years|Teachers will be thrilled]. [You can't teach|Try teaching] [a room full of kids|thirty kids] [staring at TikTok|who are all on their phones|with phones buzzing].",
    "[Kids|Students] [can't focus|don't focus] with a phone [in their pocket|on the desk|buzzing every two minutes], [that's just reality|and adults can't either|it's not their fault].",
    '[We|My generation] [got through school|survived high school|made it through] without [phones|cellphones|a phone in class] and [we turned out fine|we were fine|we managed].',
    '[Lunch|The cafeteria] [might actually|will hopefully] [be loud again|have kids talking to each other again]. [That alone|Honestly that alone] is worth it.',
    '[So much of the bullying|A lot of the drama|Half the drama] [happens|starts|gets filmed] on phones [during the school day|at school|in the hallway]. [This cuts that down|Taking them away helps].',
    "[The research|The data] on [social media|phones] and [teen anxiety|kids' mental health] is [pretty alarming|scary|hard to ignore]. [Six or seven hours a day|Seven hours] without [it|them] [is a gift|won't hurt anyone].",
    "[If there's an emergency|In an actual emergency], [the school|the front office] [calls you|can reach you]. [That's how it worked|It worked that way] for [decades|generations].",
    '[Good|Great|Excellent] [decision|call]. [Should have happened|This should have happened] [years ago|a long time ago].',
    '[Kids texting|Kids calling] [during a lockdown|in an emergency] [can actually make things worse|can give away where they are|clog the lines first responders need], [according to|from what] [police|security experts] [say|have said].',
    "[My son's|My daughter's] [school|middle school] [did this|tried this] [last year|a year ago] and [the grades|the grades in that class] [went up|improved]. [Anecdotal, sure|Just one kid, I know], but [still|the teachers noticed it too].",
    "[The pouches|The lockers] [cost|are] {cost}? [That's nothing|Cheap] compared to [what we spend|what the district spends] on [tutoring|interventions] for kids who [fell behind|can't focus].",
    '[Parents|Some parents] [are more addicted|seem more attached] to [texting their kids|being able to text their kids] than the kids are[ to the phones|].',
  ],
  con: [
    "I [need|absolutely need] to be able to [reach my kid|reach my daughter|reach my son] [if something happens|in an emergency|during the day]. [Period|Not negotiable|That's not up for debate].",
    "[After|With] [all the school shootings|everything that's happened in schools|Uvalde], [taking away|locking up] [kids' phones|their phones] [is insane|makes no sense|is the last thing I'd do].",
    "[This is|It's] a [parenting|family] decision, [not|and not] [a school board decision|something the district gets to decide].",
    '{cost} for [pouches|phone pouches|lockers]? [Meanwhile|And yet] [teachers|our teachers] [buy their own supplies|are paying for paper out of pocket].',
    '[Teachers|Staff] [are going to|will] [spend half the day|spend all their time] [policing pouches|enforcing this|fighting kids over phones][ instead of teaching|].',
    "[Kids|Teenagers] [need to learn|have to learn] to [manage|use] phones [responsibly|in moderation]. [Banning them|A ban] [doesn't teach them anything|teaches them nothing].",
    '[What about|And] kids [with|who have] [diabetes|medical conditions|glucose monitors] that [run through|connect to] [the phone|their phones]?',
    '[The article|Even the article] says [the research is mixed|the evidence on test scores is mixed]. [So why|Why] [spend the money|are we doing this]?',
    "[Kids will|They'll just] [bring a second phone|carry a burner|find a way around it][ in a week| by October|]. [Good luck|Good luck enforcing it].",
    '[My kid|My daughter|My son] [uses|needs] [the phone|that phone] to [coordinate rides|catch the bus|check in after practice]. [We|I] [work|both work] [full time|long shifts].',
    "[Treating|They treat] [high schoolers|17-year-olds] like [toddlers|little kids] and then [wonder why|act surprised when] they [can't handle|aren't ready for] [college|the real world].",
    "[Nobody|No one] [asked|bothered to ask] the [students|kids][ what they think|]. [They're|They are] the ones [affected|living with it].",
  ],
  mixed: [
    '[Ban them in class|No phones in class], [sure|fine], but [lunch and passing periods|lunch] [seem|seems] like [overkill|a stretch].',
    "[I see both sides|I get both sides] of this. [I'm|I'm honestly] not sure [where I land|what the right answer is].",
    '[The real problem|The bigger issue] is [enforcement|consistency]. [Half the teachers|Some teachers] [will|are going to] [ignore it|look the other way].',
    "[Could|Couldn't] they [just allow|let kids keep] [basic phones|flip phones] [for emergencies|that only call]?",
    "[Let's|Let's just] see what [the numbers|attendance and grades] look like [after a year|by spring][ before arguing|].",
    "[Phones|The phones] [aren't|are not] the [root problem|whole problem], but [I guess|maybe] [it's a start|it helps].",
  ],
  anecdotes: [
    "[I've taught eighth grade|I've taught high school English|I've been teaching middle school math] for [twelve|eighteen|six] years and [the change since|what changed after] [2015|phones took over] is [hard to describe|unreal].",
    '[When|The day] [the lockdown|a lockdown] happened at [my son\'s|my daughter\'s] school [last year|in 2022], [the texts were|that text was] the only way [I knew|we knew] [everyone|my kid] was okay.',
    "[My niece's|My nephew's] school [in|over in] [Ohio|Virginia|Minnesota] [did this|has done this] [for two years|since 2023] and [apparently nobody|my sister says no one] [even complains|misses the phones] anymore.",
    '[I|We] [took|tried taking] [my|our] [son\'s|daughter\'s] phone [for a month|over the summer] and [it was|honestly it was] [the best month we\'ve had|a different kid].',
    "[I'm|I am] a [substitute|sub] and [half the class|most of the class] [doesn't|won't] [even look up|look up] [when I take attendance|from their phones].",
  ],
  questions: [
    '[Who|Who exactly] [holds|has] the [key|keys][ to the pouches|] [during a fire drill|in an emergency]?',
    '[What happens|So what happens] [the first time|when] a kid [refuses|won\'t hand it over]?',
    '[Are teachers|Is staff] [also giving up|handing over] their phones?',
    '[Did they|Did the board] [look at|consider] [any data|evidence] [from|on] [districts|schools] that [already did this|tried this]?',
    '[How|So how] [am I|are parents] [supposed to|going to] [reach|get hold of] [my kid|our kids] [then|now]?',
    '{cost}. [For pouches|On pouches]. [Really|Seriously]?',
  ],
  links: [
    'https://www.{citySlug}schools.org/board/policy-[5136|5131|6163]',
    'https://www.cdc.gov/healthyyouth/data/yrbs/',
    'https://www.pewresearch.org/internet/2024/03/11/how-teens-and-parents-approach-screen-time/',
  ],
  talkingPoints: [
    {
      stance: 'con',
      paraphrases: [
        'I understand the concern about distractions, but taking phones away from students during the entire school day raises serious safety concerns. In an emergency, parents need to be able to reach their children immediately, and this policy takes that ability away.',
        'While reducing distractions is a worthy goal, a complete ban goes too far. Parents have a right to contact their kids during the day, especially in emergencies, and a locked pouch makes that impossible.',
        "This policy overlooks a simple reality: in a crisis, a phone can be a child's lifeline. Parents should not have to rely on an overwhelmed front office to find out whether their children are safe.",
        'Limiting phone use in class makes sense, but locking devices away for the whole day is an overreach. Families deserve the ability to stay in contact with their children, particularly when something goes wrong.',
        "It's concerning that the board would remove such an important safety tool. When emergencies happen, parents and students need to be able to communicate, and this ban puts that at risk.",
        "I'm all for focused classrooms, but this decision should have been left to parents. Being able to reach your child during an emergency isn't a luxury, and the district shouldn't be taking it away.",
        "A phone ban may sound reasonable on paper, but it ignores the safety needs of students and families. In today's world, parents need a direct line to their kids, and schools can't guarantee that communication.",
        "There are better ways to reduce distractions than confiscating phones for the entire day. Cutting off communication between parents and children during an emergency is a risk families shouldn't be asked to accept.",
        "Let's not forget why so many parents gave their kids phones in the first place: safety. Locking them away during school hours undermines parental rights and could leave children unable to call for help.",
      ],
      echoes: [
        'Parents need to be able to reach their kids during an emergency, and this ban takes that away.',
        'There are better ways to limit distractions without cutting off communication with families.',
        'A phone can be a lifeline in a crisis. Locking it away all day is a real risk.',
        'This should have been a decision for parents, not the school board.',
        'Safety has to come first, and this policy puts it at risk.',
        "Families shouldn't have to depend on the front office to know their kids are okay.",
      ],
    },
  ],
  mailmerge: [
    {
      stance: 'con',
      text: "As a [parent|parent of two|parent and taxpayer|grandparent] in {district}, I [strongly oppose|object to|am opposed to|cannot support] the [new|recent|board's] [cellphone ban|phone ban|ban on student phones]. [In an emergency|During a crisis|If something happens at school], [parents|families] [must|need to|have a right to] [be able to reach|stay in contact with|contact] their [children|kids] [immediately|right away|without delay]. I [urge|ask|call on] the board to [reverse|rescind|repeal|reconsider] this [policy|decision] [and respect parents' rights|before the start of the school year|and listen to families].",
    },
  ],
  copypasta: [
    {
      stance: 'con',
      text: "PARENTS OF {district}: the school board voted to LOCK UP your child's phone all day. If there is a lockdown or emergency you will NOT be able to reach them. Show up at the next board meeting and demand they reverse this. Copy and paste this to every parent group you're in!!",
    },
  ],
};
