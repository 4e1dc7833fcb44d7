//! Word lists the analysis leans on: abbreviations, dates, numbers, negations and
//! reversals, attribution verbs, place cues, British/American spellings, boilerplate.
//!
//! Kept in one place so that tuning the analysis for another newsroom's house style
//! means editing lists, not logic. All entries are lowercase.

/// Abbreviations after which a full stop never ends a sentence (titles before names).
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "rev", "hon", "mt", "ft", "no", "nos", "vs", "approx", "dept", "fig", "vol", "pp", "cf", "ave",
    "blvd", "rd", "supt", "insp", "pres", "maj", "messrs", "mme", "mlle",
];

/// Abbreviations that may end a sentence: the stop ends one only when a capital follows.
pub const SOFT_ABBREVIATIONS: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "am", "pm", "e.g", "i.e", "a.m", "p.m", "al", "est", "bn", "mln", "approx",
];

/// Words that usually open a sentence; after "U.S." they mean a new sentence began.
pub const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "but", "and", "in", "on",
    "at", "for", "after", "before", "when", "while", "if", "there", "his", "her", "their", "its", "our", "officials",
    "however", "meanwhile", "some", "many", "most", "no", "one", "under",
];

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

pub const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow"];

/// Spelled-out numbers, normalised to digits so "seven" and "7" compare equal.
pub const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("dozen", "12"),
];

/// Words that scale a number; a change here changes the amount.
pub const SCALE_WORDS: &[&str] =
    &["thousand", "million", "billion", "trillion", "mln", "bn", "millions", "billions", "thousands", "half", "double"];

/// Symbols and units whose change changes an amount.
pub const AMOUNT_SYMBOLS: &[&str] = &["%", "$", "€", "£", "¥"];

/// Words that negate what follows.
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "cannot", "without", "none", "nobody", "nothing", "neither", "nor", "didn't", "don't",
    "doesn't", "isn't", "wasn't", "weren't", "aren't", "won't", "wouldn't", "can't", "couldn't", "hasn't", "haven't",
    "hadn't", "shouldn't", "unable",
];

/// Pairs of words that reverse each other's meaning, in all the forms news copy uses.
pub const REVERSALS: &[(&str, &str)] = &[
    ("support", "oppose"),
    ("supported", "opposed"),
    ("supports", "opposes"),
    ("supporting", "opposing"),
    ("backed", "opposed"),
    ("backs", "opposes"),
    ("approve", "reject"),
    ("approved", "rejected"),
    ("approves", "rejects"),
    ("accept", "reject"),
    ("accepted", "rejected"),
    ("accepts", "rejects"),
    ("accepted", "refused"),
    ("agreed", "refused"),
    ("agreed", "declined"),
    ("confirmed", "denied"),
    ("confirms", "denies"),
    ("admitted", "denied"),
    ("rose", "fell"),
    ("rise", "fall"),
    ("rising", "falling"),
    ("risen", "fallen"),
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("increased", "cut"),
    ("raised", "lowered"),
    ("raised", "cut"),
    ("higher", "lower"),
    ("more", "less"),
    ("more", "fewer"),
    ("above", "below"),
    ("gain", "loss"),
    ("gained", "lost"),
    ("won", "lost"),
    ("win", "lose"),
    ("allowed", "banned"),
    ("allow", "ban"),
    ("allowed", "forbade"),
    ("legal", "illegal"),
    ("guilty", "innocent"),
    ("convicted", "acquitted"),
    ("praised", "criticized"),
    ("praised", "condemned"),
    ("welcomed", "criticized"),
    ("welcomed", "condemned"),
    ("welcomed", "rejected"),
    ("passed", "failed"),
    ("included", "excluded"),
    ("success", "failure"),
    ("successful", "unsuccessful"),
    ("safe", "unsafe"),
    ("true", "false"),
    ("before", "after"),
    ("expanded", "reduced"),
    ("lifted", "imposed"),
    ("ended", "extended"),
];

/// Verbs and phrases that credit a statement to someone.
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "announced",
    "announces",
    "added",
    "adds",
    "reported",
    "reports",
    "claimed",
    "claims",
    "according",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "warned",
    "warns",
    "explained",
    "noted",
    "declared",
    "acknowledged",
    "argued",
    "quoted",
    "cited",
];

/// Nouns that name a speaker when they change in an attribution ("the ministry said").
pub const SPEAKER_NOUNS: &[&str] = &[
    "ministry",
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "agency",
    "office",
    "department",
    "official",
    "officials",
    "government",
    "president",
    "police",
    "army",
    "commission",
    "council",
    "court",
    "committee",
    "union",
    "company",
    "embassy",
    "secretary",
    "chief",
    "director",
    "mayor",
    "governor",
    "party",
    "campaigners",
    "group",
    "statement",
];

/// Words right before a name that make it a place ("in Halvik", "from Moranza").
pub const PLACE_BEFORE: &[&str] =
    &["in", "at", "from", "to", "near", "outside", "inside", "into", "across", "towards", "toward", "via", "visited", "along"];

/// Words right after a name that make it a place ("the Kessary capital").
pub const PLACE_AFTER: &[&str] = &[
    "capital", "city", "town", "village", "province", "region", "county", "state", "district", "port", "valley",
    "border", "island", "coast", "airport", "harbour", "harbor", "street", "road", "square", "river", "lake",
];

/// Words too common to say which sentence is which, nor to matter when they change.
pub const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who", "whom",
    "whose", "what", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "do", "does", "did", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "your", "him", "them",
    "us", "there", "here", "than", "then", "so", "also", "about", "after", "over", "into", "up", "out", "some", "any",
    "all", "both", "each", "other", "such", "only", "just", "very", "more", "most", "into", "while", "when", "where",
    "if", "because", "per", "said", "says", "new", "one", "two", "still", "now", "already", "nearly", "almost",
    "roughly", "around", "approximately", "some", "least", "under", "until", "between", "through", "during",
];

/// British spellings and their American equivalents; comparison folds to the latter.
pub const SPELLINGS: &[(&str, &str)] = &[
    ("colour", "color"),
    ("favour", "favor"),
    ("favourable", "favorable"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("neighbouring", "neighboring"),
    ("neighbourliness", "neighborliness"),
    ("behaviour", "behavior"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("humour", "humor"),
    ("vapour", "vapor"),
    ("armour", "armor"),
    ("endeavour", "endeavor"),
    ("vigour", "vigor"),
    ("odour", "odor"),
    ("saviour", "savior"),
    ("flavour", "flavor"),
    ("centre", "center"),
    ("centres", "centers"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("theatre", "theater"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("paralysed", "paralyzed"),
    ("grey", "gray"),
    ("cheque", "check"),
    ("tyre", "tire"),
    ("aluminium", "aluminum"),
    ("mould", "mold"),
    ("plough", "plow"),
    ("sceptical", "skeptical"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("ageing", "aging"),
    ("judgement", "judgment"),
    ("storey", "story"),
    ("jewellery", "jewelry"),
    ("manoeuvre", "maneuver"),
    ("oestrogen", "estrogen"),
    ("paediatric", "pediatric"),
    ("whilst", "while"),
    ("amongst", "among"),
];

/// Verb stems whose British forms double the final l (travelled, cancelling).
pub const DOUBLED_L_STEMS: &[&str] = &[
    "travel", "cancel", "label", "model", "fuel", "signal", "counsel", "level", "total", "channel", "dial", "equal",
    "marshal", "tunnel", "quarrel", "shovel", "rival", "pedal", "spiral", "duel", "initial", "panel", "funnel",
];

/// Words ending in -ise that are not British forms of -ize.
pub const ISE_WORDS: &[&str] = &[
    "rise", "arise", "wise", "otherwise", "likewise", "clockwise", "exercise", "surprise", "promise", "advise",
    "compromise", "enterprise", "franchise", "merchandise", "premise", "revise", "supervise", "televise", "devise",
    "disguise", "despise", "expertise", "concise", "precise", "noise", "poise", "praise", "raise", "cruise", "bruise",
    "paradise", "demise", "excise", "incise", "advertise", "improvise", "comprise", "chastise", "treatise", "reprise",
    "guise", "mortise", "porpoise", "tortoise", "turquoise", "valise",
];

/// Lines that belong to a web page or a press release, not to the story.
pub const BOILERPLATE: &[&str] = &[
    "share this article",
    "share this story",
    "share on",
    "sign up for",
    "newsletter",
    "skip to content",
    "skip to main content",
    "all rights reserved",
    "related stories",
    "related articles",
    "read more",
    "advertisement",
    "follow us",
    "click here",
    "subscribe",
    "cookie",
    "for immediate release",
    "media contact",
    "notes to editors",
    "back to top",
    "print this page",
];

/// Lines that open with one of these are boilerplate whatever follows.
pub const BOILERPLATE_OPENERS: &[&str] = &["copyright", "©", "(c) ", "email:", "e-mail:", "telephone:", "tel:", "ends"];
