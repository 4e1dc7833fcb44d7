//! Our own paraphrased rewrites: each pair tells one story twice, in different words
//! (as two outlets would), with known disagreements written into the second copy. It
//! measures the comparison on paraphrase rather than on near-copies, and the facts
//! table on what only whole documents show: a surname alone that resolves to a
//! different full name, and credit lines naming different agencies.
//!
//! The texts are original, written for this test.

use std::sync::atomic::AtomicBool;

use super::facts::table;
use super::{DiscrepancyKind, compare_texts};
use crate::model::SourceId;

/// One written-in disagreement: its kind, and words each copy's flagged passage holds.
type Change = (DiscrepancyKind, &'static str, &'static str);

struct Pair {
    left: &'static str,
    right: &'static str,
    changes: &'static [Change],
    /// Words both summaries of a whole-document conflict must name.
    across: &'static [(&'static str, &'static str)],
}

use DiscrepancyKind::{Attribution, Date, Name, Negation, Number, Place};

const PAIRS: &[Pair] = &[
    Pair {
        left: "VIENNA, March 4 (Northline Wire) - Finance Minister Ivan Petrov arrived in Vienna on Monday for two \
               days of talks with creditors on a plan to restructure 3.2 billion dollars of debt.\n\n\
               Petrov told reporters the government would not raise taxes this year.\n\n\
               The creditors, led by a group of European banks, rejected or postponed every earlier proposal, \
               officials said.\n\n\
               The talks will resume in Geneva next month.\n\n\
               Unemployment rose to 9.1 percent in February, the statistics office said.\n\n\
               The previous government collapsed on Thursday after losing a confidence vote.",
        right: "Oleg Petrov, the finance minister, landed in Vienna on Monday to spend two days negotiating with \
                creditors over how to restructure $3.2 billion of debt.\n\n\
                Petrov said the government had no plans to raise taxes this year.\n\n\
                Every previous offer was approved or postponed by the creditors, a group of European banks, \
                according to officials.\n\n\
                The talks will start again in Zurich next month, the ministry said.\n\n\
                The statistics office said joblessness climbed to 9.8 percent in February.\n\n\
                The previous government fell on Friday after it lost a vote of confidence.\n\n\
                - Harbour News Agency",
        changes: &[
            (Name, "Ivan", "Oleg"),
            (Negation, "rejected", "approved"),
            (Place, "Geneva", "Zurich"),
            (Number, "9.1", "9.8"),
            (Date, "Thursday", "Friday"),
        ],
        across: &[("Ivan Petrov", "Oleg Petrov"), ("Northline Wire", "Harbour News Agency")],
    },
    Pair {
        left: "MADRID, June 2 - Environment Minister Clara Mendes will visit Barcelona on Wednesday to open a new \
               desalination plant that can supply 40,000 homes.\n\n\
               The plant cost 120 million euros, most of it paid by the European Union.\n\n\
               Mendes said the drought had not eased despite rain in May.\n\n\
               Water use in the region fell by 12 percent last year, the ministry said.\n\n\
               Farmers' groups said the plant would lower prices for growers.\n\n\
               The project was first proposed in 2015, Reuters reported.",
        right: "Clara Mendes, the environment minister, is due in Valencia on Wednesday to inaugurate a \
                desalination plant able to serve 40,000 households.\n\n\
                Most of the 120 million euro cost of the plant was covered by the European Union.\n\n\
                Mendes said the drought had eased thanks to rain in May.\n\n\
                Water consumption in the region rose 12 percent last year, according to the ministry.\n\n\
                Growers' associations said the plant would reduce prices for farmers.\n\n\
                The project was first proposed in 2015, the Associated Press reported.",
        changes: &[
            (Place, "Barcelona", "Valencia"),
            (Negation, "not", "had"),
            (Negation, "fell", "rose"),
            (Attribution, "Reuters", "Associated Press"),
        ],
        across: &[("Reuters", "Associated Press")],
    },
    Pair {
        left: "Police Chief Anna Varga said on Tuesday that 14 people had been arrested after the protest.\n\n\
               Varga added that no officers were injured.\n\n\
               The march drew about 3,000 people, organisers said.\n\n\
               The protest was organised by the Union of Transport Workers, which has called a strike for \
               Friday.",
        right: "Police Chief Anna Horvath said Tuesday that 14 people were detained following the protest.\n\n\
                Horvath said no officers were hurt.\n\n\
                About 6,000 people joined the march, according to the organisers.\n\n\
                The Union of Transport Workers, which organised the protest, has called a strike for Friday.",
        changes: &[(Name, "Varga", "Horvath"), (Number, "3,000", "6,000")],
        across: &[("Anna Varga", "Anna Horvath")],
    },
    Pair {
        left: "Defence Minister Ruth Adler opened the naval base on Saturday.\n\n\
               The base will house four patrol ships, the navy said.\n\n\
               Adler said the ships would guard fishing grounds in the north.",
        right: "The navy's new base was opened on Saturday by Defence Minister Ruth Adler.\n\n\
                Four patrol ships will be based there, according to the navy.\n\n\
                Miriam Adler said the ships would protect northern fishing grounds.",
        changes: &[(Name, "Adler", "Miriam")],
        across: &[],
    },
    Pair {
        left: "The company said on Monday it would cut 1,200 jobs in Canada by the end of 2026.\n\n\
               Chief Executive Maria Lopez said the cuts were needed to keep the company profitable.\n\n\
               Shares in the company rose 4 percent in early trading.\n\n\
               The plan was approved by the board at a meeting held in Toronto.\n\n\
               Source: Coastal News Service",
        right: "The firm plans to eliminate 1,200 jobs in Canada by the end of 2027, it said on Monday.\n\n\
                The cuts are necessary to keep the company in profit, Chief Executive Maria Lopez said.\n\n\
                The company's shares fell 4 percent in early trading.\n\n\
                The board approved the plan at a meeting in Montreal.\n\n\
                (With inputs from Harbour News Agency)",
        changes: &[(Date, "2026", "2027"), (Negation, "rose", "fell"), (Place, "Toronto", "Montreal")],
        across: &[("Coastal News Service", "Harbour News Agency")],
    },
    Pair {
        left: "KORVAL, March 12 (Baltic Press Service) - Foreign Minister Anton Deverell met his Belsk counterpart \
               Mira Santanen in Korval on Tuesday and agreed to reopen the grain corridor closed since last autumn.\n\n\
               Deverell said the first convoys would cross within ten days and that inspections would be shared by \
               both customs services.\n\n\
               The two ministers did not disclose the cost of the new inspection posts.\n\n\
               Talks on fishing quotas were postponed, officials said.\n\n\
               The corridor carried 4.2 million tonnes of grain in 2023, about a fifth of the region's exports.",
        right: "The foreign ministers of Tarnovia and Belsk agreed on Tuesday to reopen a grain corridor that has \
                been shut since the autumn, after a meeting in the Belsk capital Hollin.\n\n\
                Foreign Minister Viktor Deverell told Nordline News that the first convoys would cross within ten \
                days. Deverell added that the customs services of both countries would carry out inspections \
                jointly.\n\n\
                The ministers gave no details of what the new inspection posts will cost.\n\n\
                Talks on fishing quotas were put off, Nordline News said.\n\n\
                Some 4.8 million tonnes of grain passed through the corridor in 2023, roughly a fifth of the \
                region's exports.",
        changes: &[(Place, "Korval", "Hollin"), (Name, "Deverell", "Viktor"), (Number, "4.2 million", "4.8 million")],
        across: &[("Anton Deverell", "Viktor Deverell"), ("Baltic Press Service", "Nordline News")],
    },
    Pair {
        left: "LISBON, June 3 (Reuters) - Portugal's central bank on Tuesday cut its growth forecast for this year \
               to 1.2 percent from 1.8 percent, citing weaker exports to the euro zone.\n\n\
               The bank said unemployment would stay at about 6.5 percent and that inflation would ease to 2.1 \
               percent by December.\n\n\
               Governor Tomas Vidal told reporters in Lisbon that the government did not need to raise taxes. \
               \"We are not facing a crisis,\" Vidal said.\n\n\
               Exports fell 3 percent in the first quarter, while imports rose slightly, the bank said.\n\n\
               More than 200 companies have cut jobs since January, according to the labour ministry.\n\n\
               The U.S. tariffs announced last week would cost Portuguese exporters about $1.5 billion a year, the \
               bank estimated.",
        right: "The Bank of Portugal lowered its 2025 growth outlook to 1.2% on Tuesday, down from the 1.8% it \
                projected earlier, blaming softer demand for Portuguese goods in the eurozone.\n\n\
                Joblessness should hold near 6.5%, and inflation is expected to slow to 2.1% by the end of the year,\
                 the central bank said.\n\n\
                Speaking in Porto, Governor Rui Lemos said there was no need for the government to increase \
                taxes. \"This is a crisis,\" he said.\n\n\
                In the first three months of the year exports dropped by 5%, while imports edged up, according to \
                the bank.\n\n\
                Over 200 firms have shed jobs since the start of the year, AFP reported.\n\n\
                US tariffs unveiled last week will cost the country's exporters roughly 1.5 billion dollars \
                annually, the central bank estimated.",
        changes: &[
            (Name, "Tomas Vidal", "Rui Lemos"),
            (Place, "Lisbon", "Porto"),
            (Negation, "are not", "is"),
            (Number, "3", "5"),
        ],
        across: &[("Reuters", "AFP")],
    },
    Pair {
        left: "Health Minister Laila Haddani announced on Monday that the country would open 12 new clinics in the \
               northern provinces by the end of next year.\n\n\
               Haddani said the clinics would cost about 45 million dollars and would be staffed by 300 nurses \
               trained abroad.\n\n\
               The minister rejected calls from opposition lawmakers to delay the programme until after the \
               election.\n\n\
               \"Every month we wait is a month without care,\" Haddani told Al Jazeera.\n\n\
               The World Health Organization welcomed the plan, a spokesman said in Geneva.",
        right: "The country will build a dozen new clinics across its northern provinces before the end of next \
                year, Health Minister Samira Haddani said on Monday.\n\n\
                The clinics are expected to cost roughly $45 million, and 300 nurses trained overseas will work in \
                them, Haddani said.\n\n\
                She accepted calls from opposition lawmakers to delay the programme until after the election.\n\n\
                \"Each month we wait is a month without care,\" the minister told Reuters.\n\n\
                A spokesman for the World Health Organization in Geneva welcomed the plan.",
        changes: &[
            (Name, "Laila", "Samira"),
            (Negation, "rejected", "accepted"),
            (Attribution, "Al Jazeera", "Reuters"),
        ],
        across: &[("Laila Haddani", "Samira Haddani"), ("Al Jazeera", "Reuters")],
    },
    // Written after the rules above, to probe them: a strike story whose rewrite
    // splits a sentence, denies a verb with "did not" on one side only and carries a
    // saved page's furniture (a biography on the line after a follow prompt).
    Pair {
        left: "Dockworkers end three-day strike at Varna port\n\nVARNA, March 12 (Nordline) - Dockworkers at the \
               Black Sea port of Varna returned to work on Thursday after a three-day strike that left 41 cargo \
               ships waiting offshore, the port authority said.\n\nTransport Minister Elena Daskalova met union \
               leaders in Sofia on Wednesday evening and agreed to a 9 percent pay rise over two years, according \
               to a statement from her ministry.\n\n\"We did not give in to pressure, we listened,\" Daskalova told \
               reporters after the meeting. She said the government would not privatise the port's container \
               terminal this year.\n\nThe strike cost exporters an estimated 12 million euros a day, the Bulgarian \
               Chamber of Commerce said. Grain shipments were hit hardest, with some 180,000 tonnes of wheat stuck \
               in silos.\n\nUnion leader Petar Ivanov said his members had approved the deal by a vote of 812 to \
               143. Ivanov warned that workers would strike again if the rise was not paid by June.\n\nThe port \
               handles about a quarter of Bulgaria's foreign trade.",
        right: "Skip to content\nHome | Business | Markets\n\nVarna dockers go back to work as strike ends\n\nBy \
                Staff Writer | Published 13 March | No Comments\n\nWorkers at Varna, Bulgaria's main port on the \
                Black Sea, went back to their jobs on Friday, ending a walkout that had stranded 41 cargo vessels at \
                anchor, port officials said.\n\nThe deal came after Transport Minister Elena Petrova sat down with \
                union representatives in Plovdiv on Wednesday night. The ministry said she agreed to raise pay by 9 \
                percent over three years.\n\nPetrova said after the talks that the government had given in to \
                pressure rather than listened. The government would privatise the container terminal at the port \
                this year, she added.\n\nExporters lost about 12 million euros each day of the stoppage, according \
                to the Bulgarian Chamber of Commerce. Wheat exports suffered most: roughly 180,000 tonnes of grain \
                were left sitting in silos.\n\nMembers backed the agreement 812 votes to 143, said Ivanov, the union \
                leader. He warned of a new strike should the increase not be paid by July.\n\nAbout a quarter of the \
                country's foreign trade passes through Varna.\n\nSource: Balkan Wire\n\nFollow us on Facebook and X \
                for more business news.\nAnna Berg is a business reporter covering ports and shipping. She joined \
                the newsroom in 2019 after six years at a trade magazine.",
        changes: &[
            (Date, "Thursday", "Friday"),
            (Name, "Daskalova", "Petrova"),
            (Place, "Sofia", "Plovdiv"),
            (Number, "two", "three"),
            (Negation, "did not", "given"),
            (Negation, "would not", "would"),
            (Date, "June", "July"),
        ],
        across: &[("Elena Daskalova", "Elena Petrova"), ("Nordline", "Balkan Wire")],
    },
    // A central-bank story with a dateline in one copy and a pair of alternatives
    // turned around in the other.
    Pair {
        left: "Central bank holds rates, signals cut in autumn\n\nHALVIK, Oct 2 (Meridian Press) - The Orlen \
               central bank kept its main interest rate at 4.25 percent on Thursday and said it could cut borrowing \
               costs as early as November if inflation kept easing.\n\nGovernor Tomas Brekke told a news conference \
               that inflation had slowed to 2.8 percent in September from 3.4 percent in August, the lowest reading \
               since early 2021.\n\n\"We are not in a hurry, but the direction is clear,\" Brekke said. He added \
               that the bank would either hold or lower rates at its next meeting, ruling out an \
               increase.\n\nEconomists polled by Meridian Press had expected no change. The currency weakened by \
               half a percent against the euro after the decision.\n\nThe bank's board voted 5-2 to keep rates \
               unchanged, with two members favouring an immediate cut of a quarter point.",
        right: "Orlen keeps interest rates on hold, eyes November cut\n\nHalvik - Orlen's central bank left its key \
                rate unchanged at 4.25% on Wednesday, saying a reduction in borrowing costs could come as soon as \
                December should price pressures continue to ease.\n\nInflation eased to 2.8% last month from 3.4% in \
                August, its weakest since early 2021, Governor Tomas Brekke told reporters.\n\nBrekke said the bank \
                was not in a rush although the direction was clear, and that at its next meeting it would either \
                hold or raise rates, ruling out a cut.\n\nEconomists surveyed by Nordline News had forecast no \
                change, Nordline News said. The currency fell 0.5% against the euro following the \
                announcement.\n\nThe board was split 5-2, with two members backing an immediate quarter-point \
                reduction.",
        changes: &[
            (Date, "Thursday", "Wednesday"),
            (Date, "November", "December"),
            (Negation, "lower", "raise"),
            (Negation, "increase", "cut"),
        ],
        across: &[("Meridian Press", "Nordline News")],
    },
    // A health story: a toll of nobody against a count of the dead, a reversal said
    // with an adjective against a modal, and a date line above each copy.
    Pair {
        left: "Measles cases climb in northern region\n\nPublished: 4 May 2026\n\nHealth officials in the Kessary \
               region reported 126 new measles cases in the week to Sunday, up from 87 the week before, the \
               regional health authority said on Monday.\n\nRegional health director Dr. Miriam Okonjo said \
               vaccination rates among children under five had fallen to 71 percent, well below the 95 percent \
               needed to stop outbreaks.\n\n\"We are seeing the results of two years of missed appointments,\" \
               Okonjo said. \"This was entirely preventable.\"\n\nThe authority has opened 14 temporary clinics and \
               plans to vaccinate 40,000 children by the end of June. Most of the new cases were in the towns of \
               Marlow and Fenwick.\n\nThe World Health Organization said last month that measles cases had risen \
               sharply across the continent.\n\nNo deaths have been reported, but 19 children were admitted to \
               hospital.",
        right: "Measles outbreak spreads in Kessary region\n\n5 May 2026\n\nThe number of new measles infections in \
                the Kessary region rose to 126 in the seven days ending Sunday, compared with 78 a week earlier, \
                according to figures released yesterday.\n\nVaccination coverage among under-fives has dropped to \
                71%, far short of the 95% threshold that prevents outbreaks, said Dr. Miriam Adebayo, the region's \
                health director.\n\nAdebayo said the rise reflected two years of missed appointments. \"This could \
                not have been prevented,\" she said.\n\nFourteen temporary clinics have opened, and the authority \
                aims to vaccinate 40,000 children by the end of July. The towns of Marlow and Fenwick account for \
                most of the new cases.\n\nMeasles cases have risen sharply across the continent, UNICEF said last \
                month.\n\nTwo children have died, and 19 have been admitted to hospital.\n\n(Reporting by Lena \
                Marsh; Editing by Tom Reyes)",
        changes: &[
            (Number, "87", "78"),
            (Name, "Okonjo", "Adebayo"),
            (Negation, "preventable", "could not have been prevented"),
            (Date, "June", "July"),
            (Attribution, "World Health Organization", "UNICEF"),
            (Number, "No deaths", "Two children have died"),
        ],
        across: &[("Miriam Okonjo", "Miriam Adebayo")],
    },
    // A port strike: a quotation credited to the other person both copies name, a
    // tally written two ways, and a quotation that denies its object rather than its
    // verb ("will accept no roster"), which is no reversal.
    Pair {
        left: "Dock workers walk out in Porto over shift cuts\n\nPORTO, March 3 (Nordline) - About \
               1,200 dock workers at the port of Porto walked off the job on Monday in protest at \
               plans to cut night shifts, halting the loading of at least 14 container ships.\n\nThe \
               stoppage was called by the Dockers' Union after talks with the port authority broke \
               down late on Sunday. Union leader Marta Vasconcelos said the strike would last 48 \
               hours unless the authority withdrew its plan.\n\n\"We will not accept a roster that \
               puts our members' safety at risk,\" Vasconcelos told reporters outside the main \
               gate.\n\nThe port authority said the changes were needed to keep the terminal \
               competitive and would save about 9 million euros a year. Its chairman, Rui \
               Albergaria, said he remained open to talks.\n\nSeveral hundred strikers marched to \
               the city hall in the afternoon. Police kept a close watch on the march, which passed \
               off peacefully. No arrests were made.\n\nShipping agents said the delays could cost \
               exporters up to 3 million euros a day. The port handles roughly a third of the \
               country's container traffic.\n\nThe union's members voted 312-41 last week to back \
               the walkout.\n\nTransport Minister Helena Sarmento called on both sides to return to \
               the table, saying the government would not intervene in the dispute.",
        right: "Porto port strike halts container traffic\n\nBy Staff Reporter\n\nSome 1,200 dockers \
                at Porto stopped work on Tuesday to protest against a plan to scrap night shifts, \
                leaving at least 14 container vessels idle at their berths.\n\nThe Dockers' Union \
                called the strike after its negotiations with the port authority collapsed on Sunday \
                night. Marta Vasconcelos, who leads the union, said the action would end after 24 \
                hours unless the plan was dropped.\n\n\"We will accept no roster that endangers the \
                safety of our members,\" Albergaria told journalists at the port's main \
                entrance.\n\nAccording to the port authority, the new rota is necessary to keep the \
                terminal competitive and will save around 9 million euros annually. Chairman Rui \
                Albergaria said he was still willing to negotiate.\n\nIn the afternoon several \
                hundred strikers marched to city hall. Police said the march was peaceful and nobody \
                was arrested.\n\nExporters could lose as much as 3 million euros a day because of \
                the delays, shipping agents warned. About a third of Portugal's container traffic \
                passes through the port.\n\nLast week, union members backed the walkout by 298 votes \
                to 41.\n\nThe government would intervene in the dispute, Transport Minister Helena \
                Sarmento said, urging both sides to resume talks.",
        changes: &[
            (Date, "Monday", "Tuesday"),
            (Number, "48", "24"),
            (Attribution, "Vasconcelos", "Albergaria"),
            (Number, "312-41", "298 votes to 41"),
            (Negation, "would not", "would"),
        ],
        across: &[],
    },
    // A flood: a multiplier ("twice" / "three times"), "likely" against "unlikely", a
    // minister visiting another town, and the same minister given another first name
    // further down, with a byline and a contributors' credit only one copy has.
    Pair {
        left: "Floods force thousands from homes in southern Morava\n\nBy Ana Lindqvist\n\nHeavy \
               rain has forced more than 6,000 people to leave their homes in southern Morava, the \
               civil protection agency said on Thursday, as rivers burst their banks for the second \
               time this month.\n\nThe worst-hit town was Velika Brana, where the Drava rose 3.2 \
               metres above its normal level overnight. Emergency crews evacuated two care homes and \
               a primary school.\n\nInterior Minister Petar Halvik visited Velika Brana on Thursday \
               afternoon and promised 20 million korun in emergency aid. \"Nobody who lost their \
               home will be left without a roof,\" Halvik said.\n\nThe national weather service said \
               rainfall in the region had been more than twice the monthly average and warned that \
               more storms were likely over the weekend.\n\nThree people have died since the rains \
               began on Monday, according to the agency. Two of them were swept away by floodwater \
               while driving.\n\nOpposition leader Ivana Kos accused the government of ignoring \
               warnings about the state of the river defences, which were last upgraded in \
               1998.\n\nRail services between the capital and the south were suspended, and the main \
               motorway was closed near Dubrovac.\n\n(Reporting by Ana Lindqvist; additional \
               reporting by Marko Pell)",
        right: "Southern Morava floods: 6,000 evacuated as rivers overflow\n\nMore than 6,000 \
                residents of southern Morava have been evacuated after torrential rain sent rivers \
                over their banks for the second time in a month, civil protection officials said on \
                Wednesday.\n\nIn Velika Brana, the hardest-hit town, the Drava climbed 2.3 metres \
                above normal during the night. Rescue teams moved residents of two care homes and a \
                primary school to safety.\n\nHalvik, the interior minister, travelled to Dubrovac on \
                Thursday afternoon, pledging 20 million korun of emergency funding. \"No one who has \
                lost their home will be left without shelter,\" he said.\n\nRainfall across the \
                region has been more than three times the monthly average, according to the national \
                weather service, which said further storms were unlikely over the weekend.\n\nThe \
                civil protection agency said four people had been killed since the rain started on \
                Monday, two of them swept away in their cars.\n\nInterior Minister Stefan Halvik \
                rejected criticism from opposition leader Ivana Kos that the government had ignored \
                warnings about river defences last upgraded in 1989.\n\nTrains between the capital \
                and the south have been halted and the main motorway is closed near \
                Dubrovac.\n\nSource: Morava News Agency",
        changes: &[
            (Date, "Thursday", "Wednesday"),
            (Number, "3.2", "2.3"),
            (Place, "Velika Brana", "Dubrovac"),
            (Number, "twice", "three"),
            (Negation, "likely", "unlikely"),
            (Number, "Three", "four"),
            (Date, "1998", "1989"),
        ],
        across: &[("Petar Halvik", "Stefan Halvik")],
    },
    // Company results: last year's profit changed where the sentence also counts three
    // months, a dividend kept unchanged against one raised, and a quote reworded.
    Pair {
        left: "Orlen Telecom profit falls as price war bites\n\nHALVIK, Feb 12 (Nordline) - Orlen \
               Telecom reported a 14 percent drop in quarterly profit on Wednesday, hurt by a price \
               war among mobile operators, and said it would cut about 800 jobs by the end of next \
               year.\n\nNet profit for the three months to December fell to 212 million crowns from \
               247 million a year earlier, the company said. Revenue rose 2 percent to 3.9 billion \
               crowns.\n\nChief Executive Jonas Brekke told analysts that competition for mobile \
               customers had \"never been fiercer\" and that the company would not match every price \
               cut. \"We are not going to buy market share at any cost,\" Brekke said.\n\nThe job \
               cuts, most of them in customer service, will be made through voluntary redundancies \
               where possible. The union representing Orlen's call-centre staff said it had not been \
               consulted.\n\nOrlen's shares fell 4.5 percent in Halvik trading, their lowest close \
               since March 2020.\n\nThe company kept its dividend unchanged at 1.20 crowns a share.",
        right: "Orlen Telecom to shed 800 jobs after profit slide\n\nOrlen Telecom said on Wednesday \
                it would eliminate roughly 800 positions by the end of 2027 after fierce competition \
                among mobile networks pushed its fourth-quarter earnings down 14 percent.\n\nNet \
                income in the October-December quarter came to 212 million crowns, against 274 \
                million crowns in the same period last year. Sales were 3 percent higher at 3.9 \
                billion crowns.\n\nCompetition for mobile subscribers has never been fiercer, chief \
                executive Jonas Brekke said on a call with analysts, adding that Orlen would match \
                every price cut. \"We are not going to buy market share at any price,\" he \
                said.\n\nMost of the cuts will fall on customer service, and the company hopes to \
                make them through voluntary redundancies. The union for call-centre workers said it \
                had been consulted.\n\nShares in Orlen closed 4.5 percent lower in Halvik, the \
                weakest close since March 2021.\n\nThe dividend was raised to 1.20 crowns per share.",
        changes: &[
            (Number, "247 million", "274 million"),
            (Number, "2", "3"),
            (Negation, "would not", "would"),
            (DiscrepancyKind::Quote, "cost", "price"),
            (Negation, "had not", "had"),
            (Date, "2020", "2021"),
            (Negation, "unchanged", "raised"),
        ],
        across: &[],
    },
    // Two sites' copies of one wire story (the text their saved pages import as): the
    // minister's name, where she went ("visit to" / "trip to"), an alternative reversed,
    // a month, and the agency: a credit line at the foot of one, quoted in the other.
    Pair {
        left: "OSLO, March 10 - Norway and Iceland agreed on Tuesday to cap next year's joint cod \
               catch at 412,000 tonnes, ending weeks of talks that had threatened to spill into a \
               trade dispute.\n\nFisheries Minister Kari Lunde signed the accord during a two-day \
               visit to Reykjavik, where she met her Icelandic counterpart late into the \
               night.\n\n\"Neither side got everything it wanted, but the stock comes first,\" Lunde \
               told reporters after the signing.\n\nThe agreement cuts the total catch by 8 percent \
               from this year, in line with advice from marine scientists who have warned for three \
               years that the stock is shrinking.\n\nDetails of how the quota will be divided \
               between the two fleets were not disclosed.\n\nFishing associations in northern Norway \
               said they would study the text before deciding whether to support it.\n\nThe Storting \
               could reject or postpone a vote on the accord when it returns from recess in April, \
               two members of the fisheries committee said.\n\nIceland's parliament is expected to \
               ratify the deal before the end of May.\n\nCod exports earned Norway about 28 billion \
               crowns last year, making it the country's most valuable whitefish.\n\nSource: Reuters",
        right: "Norway and Iceland have reached a deal limiting their shared cod catch next year to \
                412,000 tonnes, bringing to an end several weeks of negotiations that risked turning \
                into a trade row, AFP said on Wednesday.\n\nThe accord was signed by Fisheries \
                Minister Kari Lindholm on a two-day trip to Akureyri, where talks with her Icelandic \
                counterpart ran late into the night.\n\n\"The stock comes first, even if neither of \
                us got all we asked for,\" Lindholm said after the ceremony.\n\nUnder the deal the \
                overall catch falls 8 percent compared with this year, following the advice of \
                marine scientists who have been warning for three years of a shrinking stock.\n\nThe \
                ministers did not say how the quota would be split between the two \
                fleets.\n\nFishermen's groups in the north of Norway said they wanted to read the \
                text before taking a position on it.\n\nAccording to two members of its fisheries \
                committee, the Storting could approve or postpone a vote on the accord after its \
                recess ends in April.\n\nIceland's lawmakers are expected to ratify the agreement by \
                the end of June.\n\nLast year cod exports brought Norway roughly 28 billion crowns, \
                more than any other whitefish, AFP said.",
        changes: &[
            (Name, "Lunde", "Lindholm"),
            (Place, "Reykjavik", "Akureyri"),
            (Negation, "reject", "approve"),
            (Date, "May", "June"),
        ],
        across: &[("Kari Lunde", "Kari Lindholm"), ("Reuters", "AFP")],
    },
    // A wildfire: an area's digits swapped, the day it began, a ministry credited in
    // place of another, a flank "under control" and "not under control", an age.
    Pair {
        left: "Wildfire forces evacuation of mountain villages\n\nPORTO, Aug 6 - Firefighters \
               battled a wildfire in the hills east of Porto for a third day on Wednesday as strong \
               winds pushed the flames toward several villages, forcing about 1,200 residents to \
               leave their homes, the civil protection agency said.\n\nMore than 350 firefighters, \
               supported by eight water-bombing aircraft, were deployed against the blaze, which has \
               burned some 4,500 hectares of pine and eucalyptus forest since Monday.\n\nNo deaths \
               have been reported, but two firefighters were treated in hospital for burns, the \
               Health Ministry said.\n\nInterior Minister Rui Calado, who visited the command post \
               in Amarante, said the fire was \"under control on the southern flank\" but warned \
               that the coming 48 hours would be decisive.\n\nTemperatures are forecast to reach 41 \
               degrees Celsius on Thursday, and the weather service raised its fire risk alert to \
               the highest level in 14 districts.\n\nPolice detained a 52-year-old man on suspicion \
               of starting the fire, the judicial police said, adding that he had been seen near the \
               point where the blaze began.\n\nPortugal has suffered some of Europe's deadliest \
               wildfires in recent years; more than 100 people died in fires in 2017.",
        right: "Portuguese villages evacuated as wildfire spreads\n\nStrong winds drove a wildfire \
                closer to several villages in the hills to the east of Porto on Wednesday, the third \
                day of the blaze, and some 1,200 people were evacuated, according to civil \
                protection officials.\n\nAround 350 firefighters and eight water-bombing planes have \
                been fighting the fire, which has consumed roughly 5,400 hectares of pine and \
                eucalyptus since it broke out on Sunday.\n\nTwo firefighters needed hospital \
                treatment for burns, and there have been no deaths, the Interior Ministry \
                said.\n\nVisiting the command post in Amarante, Interior Minister Rui Calado said \
                the southern flank of the fire was not under control and that the next 48 hours \
                would be decisive.\n\nThe weather service raised its fire risk warning to the \
                maximum level in 14 districts, with temperatures expected to hit 41C on \
                Thursday.\n\nA 25-year-old man has been detained on suspicion of arson, judicial \
                police said. He had been seen close to where the fire started.\n\nMore than 100 \
                people were killed by wildfires in Portugal in 2017, among the deadliest in Europe \
                in recent years.",
        changes: &[
            (Number, "4,500", "5,400"),
            (Date, "Monday", "Sunday"),
            (Attribution, "Health Ministry", "Interior Ministry"),
            (Negation, "was", "was not"),
            (Number, "52", "25"),
        ],
        across: &[],
    },
    // Farm subsidies: the dateline's city, a share written as a fraction, the month of a
    // vote, two countries voting against and abstaining trading places ("France and
    // Poland voted against … Hungary abstained"), and a speaker's surname mixed up with
    // one the copy never introduces.
    Pair {
        left: "EU ministers back tighter rules on farm subsidies\n\nBRUSSELS, Nov 20 (Meridian) - \
               European Union agriculture ministers agreed on Monday to cap direct payments to the \
               largest farms at 100,000 euros a year, a move that will cut subsidies to about a \
               quarter of the bloc's biggest agricultural businesses.\n\nThe deal, reached after 14 \
               hours of talks, still needs the approval of the European Parliament, which is \
               expected to vote on it in January.\n\n\"This is a fairer system for small farmers,\" \
               said Irish Agriculture Minister Sean Doyle, who chaired the meeting.\n\nFrance and \
               Poland voted against the proposal, while Hungary abstained.\n\nThe cap will take \
               effect in 2028 and save an estimated 1.4 billion euros a year, according to the \
               European Commission.\n\nFarmers' groups staged a protest outside the meeting, \
               blocking a main road with about 300 tractors for several hours.\n\nDoyle said \
               ministers would return to the question of payments for young farmers at their next \
               meeting in February.",
        right: "Farm subsidy cap agreed by EU ministers\n\nLUXEMBOURG, Nov 20 - Agriculture \
                ministers from the European Union on Monday approved a ceiling of 100,000 euros a \
                year on direct payments to the biggest farms, which will reduce subsidies for \
                roughly a third of the bloc's largest agricultural companies.\n\nThe agreement came \
                after 14 hours of negotiations. It must still be approved by the European \
                Parliament, which is due to vote in March.\n\nThe new system is \"fairer for small \
                farmers\", said Agriculture Minister Sean Doyle of Ireland, who chaired the \
                talks.\n\nFrance and Hungary voted against the plan, with Poland abstaining.\n\nThe \
                European Commission estimates the cap, which comes into force in 2028, will save \
                about 1.4 billion euros annually.\n\nOutside the meeting, some 300 tractors blocked \
                a major road for several hours as farmers protested.\n\nMinisters will take up \
                payments to young farmers again when they next meet in February, Dolan said.",
        changes: &[
            (Place, "BRUSSELS", "LUXEMBOURG"),
            (Number, "a quarter", "a third"),
            (Date, "January", "March"),
            (Place, "Poland", "Hungary"),
            (Name, "Doyle", "Dolan"),
        ],
        across: &[],
    },
    // A court case: the sentence, the court's city (a dateline's city written as "a
    // Gothenburg court" against "a court in Malmo"), a span of years, a denial turned
    // into an admission, a quotation put in the defence lawyer's mouth where the other
    // copy gives it to the prosecutor (whom the rewrite never names), the year of the
    // arrest, and the agencies credited in the datelines.
    Pair {
        left: "Former port chief jailed for seven years over bribery\n\nGOTHENBURG, March 3 \
               (Reuters) - A Gothenburg court on Tuesday sentenced the former head of the city's \
               port authority, Anton Brenner, to seven years in prison for taking bribes from \
               shipping firms in exchange for berth contracts.\n\nJudge Maria Castell said Brenner \
               had accepted at least 2.3 million crowns over four years and had shown no \
               remorse.\n\nBrenner, 61, denied all the charges during the eight-month trial. His \
               lawyer, Erik Lund, said he would appeal the verdict.\n\nTwo shipping executives who \
               paid the bribes received suspended sentences of 18 months each.\n\nProsecutors had \
               asked for a nine-year term.\n\n\"This case shows that no official is above the law,\" \
               chief prosecutor Hanna Vik told reporters outside the courthouse.\n\nThe port \
               authority said it had tightened its procurement rules since Brenner's arrest in 2022.",
        right: "Ex-port boss gets six years for taking bribes\n\n(AFP) - Anton Brenner, who ran the \
                port authority in the Swedish city for a decade, was sentenced to six years in \
                prison by a court in Malmo on Tuesday after being found guilty of accepting bribes \
                from shipping companies in return for berth contracts.\n\nBrenner took at least 2.3 \
                million crowns over five years and showed no regret, Judge Maria Castell \
                said.\n\nThe 61-year-old admitted the charges during the trial, which lasted eight \
                months. Lund said his client planned to appeal.\n\nThe two shipping executives who \
                paid him were each handed 18-month suspended sentences.\n\nThe prosecution had \
                sought nine years.\n\n\"No official is above the law, and this case proves it,\" \
                defence lawyer Erik Lund told journalists outside the court.\n\nSince Brenner was \
                arrested in 2021, the port authority has tightened its rules on procurement, it \
                said.",
        changes: &[
            (Attribution, "Reuters", "AFP"),
            (Place, "Gothenburg", "Malmo"),
            (Number, "seven", "six"),
            // The headlines carry the sentence too.
            (Number, "seven", "six"),
            (Number, "four", "five"),
            (Negation, "denied", "admitted"),
            (Attribution, "Hanna Vik", "Erik Lund"),
            (Date, "2022", "2021"),
        ],
        across: &[("Reuters", "AFP")],
    },
    // Quarterly results: the quarter, a growth rate, a forecast raised against lowered,
    // shares that rose against fell; across the documents, the company's base ("the
    // Oslo-based carrier" / "the company, which is based in Bergen", in rows apart) and
    // the agency credited. Harmless: "$1.2 billion" / "$1.2bn", "45 cents" / "45c", "a
    // fifth straight month" / "five months in a row".
    Pair {
        left: "Nordline profit jumps as shipping rates climb\n\nOSLO, Oct 28 (Bloomberg) - Nordline \
               Shipping, the Oslo-based container carrier, said on Wednesday its third-quarter net \
               profit rose to $1.2 billion, or 45 cents a share, from $980 million, or 38 cents, a \
               year earlier.\n\nRevenue climbed 8 percent to $5.6 billion, beating the average \
               analyst forecast of $5.4 billion.\n\nChief Executive Kari Holm said freight rates on \
               routes between Asia and Europe had risen for a fifth straight month.\n\nThe company \
               raised its full-year profit forecast and said it would buy back up to $500 million of \
               its own shares.\n\nHolm warned, however, that new ships entering service next year \
               could push rates down again.\n\nNordline shares rose 3.1 percent in Oslo trading \
               after the results were published.\n\nThe carrier employs about 12,000 people and \
               operates 140 vessels.",
        right: "Nordline beats forecasts on higher freight rates\n\nContainer line Nordline Shipping \
                reported on Wednesday that net income for the second quarter rose to $1.2bn (45c a \
                share) from $980m (38c) in the same period last year.\n\nSales were up 6% at $5.6bn, \
                ahead of the $5.4bn analysts had expected on average, the company, which is based in \
                Bergen, said.\n\nFreight rates on Asia-Europe routes have now risen for five months \
                in a row, CEO Kari Holm said.\n\nNordline lowered its profit forecast for the full \
                year and announced a share buyback of as much as $500m.\n\nBut Holm cautioned that \
                rates could fall again next year as new vessels enter service.\n\nShares in Nordline \
                fell 3.1% in Oslo following the announcement.\n\nWith a fleet of 140 ships, the \
                company has some 12,000 employees, Reuters reported.",
        changes: &[
            (Number, "third", "second"),
            (Number, "8", "6"),
            (Negation, "raised", "lowered"),
            (Negation, "rose", "fell"),
        ],
        across: &[("Bloomberg", "Reuters"), ("Oslo", "Bergen")],
    },
    // A runoff: the winner's share, the day she takes office, a defeat conceded against
    // refused, "told supporters in the capital" (filed from Vilnius) against "in Riga",
    // and a government that would not resign against would. Also written in, and still
    // missed: "keep the country firmly within NATO" against "take the country out of
    // NATO", a reversal said with no opposite word.
    Pair {
        left: "Opposition leader wins presidential runoff\n\nVILNIUS, June 9 (AP) - Opposition \
               leader Rasa Kalnina won Sunday's presidential runoff with 54.2 percent of the vote, \
               the electoral commission said on Monday, defeating the governing party's candidate, \
               former finance minister Tomas Zukas.\n\nTurnout was 61 percent, up from 49 percent in \
               the first round two weeks earlier.\n\nKalnina, a 47-year-old former judge, campaigned \
               on a promise to root out corruption and to keep the country firmly within \
               NATO.\n\nZukas conceded defeat late on Sunday night and congratulated his rival, \
               according to a statement from his campaign.\n\n\"The people have chosen change, and I \
               will not let them down,\" Kalnina told supporters in the capital.\n\nShe will be \
               sworn in on July 12 for a five-year term.\n\nThe prime minister, whose party backed \
               Zukas, said the government would not resign.",
        right: "Kalnina elected president in runoff\n\nFormer judge Rasa Kalnina, who leads the \
                opposition, has won the presidential election with 52.4 percent of the votes cast in \
                Sunday's second round, election officials said on Monday.\n\nShe beat Tomas Zukas, a \
                former economy minister and the candidate of the ruling party.\n\nAt 61 percent, \
                turnout was higher than in the first round a fortnight ago, when 49 percent of \
                voters took part.\n\nThe 47-year-old campaigned on pledges to fight corruption and \
                to take the country out of NATO.\n\nZukas refused to concede on Sunday night, his \
                campaign said in a statement.\n\n\"People have chosen change and I won't let them \
                down,\" Kalnina told her supporters in Riga.\n\nKalnina is due to take office on \
                July 21 for a five-year term.\n\nThe prime minister, whose party supported Zukas, \
                said the government would resign, the Associated Press reported.",
        changes: &[
            (Number, "54.2", "52.4"),
            (Negation, "conceded", "refused to"),
            (Place, "the capital", "Riga"),
            (Date, "12", "21"),
            (Negation, "would not", "would"),
        ],
        across: &[],
    },
    // An earthquake: the magnitude, the toll, a bearing from the nearest city, the
    // seismological body credited, a tsunami warning issued against none, and the part
    // of the day the president flew in. Harmless: "14" / "Fourteen", "early on
    // Thursday" / "before dawn on Thursday", "hundreds of small tremors each year" /
    // "hundreds of minor tremors every year".
    Pair {
        left: "Strong quake shakes southern Peru, three dead\n\nLIMA, Aug 14 (Reuters) - A magnitude \
               6.8 earthquake struck southern Peru early on Thursday, killing at least three people \
               and damaging dozens of homes, officials said.\n\nThe quake hit at 4:12 a.m. local \
               time at a depth of 35 km, about 60 km northwest of the city of Arequipa, the U.S. \
               Geological Survey said.\n\nPeru's civil defence institute said 14 people were injured \
               and more than 80 houses were damaged or destroyed in the Arequipa region.\n\nNo \
               tsunami warning was issued for the Pacific coast.\n\nPresident Elena Vargas flew to \
               the area on Thursday afternoon and promised emergency funds for families who lost \
               their homes.\n\nSeveral aftershocks followed, the strongest of magnitude 4.9, \
               according to the geophysical institute.\n\nPeru sits on the Pacific \"Ring of Fire\" \
               and is hit by hundreds of small tremors each year.",
        right: "Three killed as earthquake hits Peru\n\nAn earthquake of magnitude 6.3 shook the \
                south of Peru before dawn on Thursday, leaving at least five people dead and dozens \
                of houses damaged, authorities said.\n\nAccording to the European-Mediterranean \
                Seismological Centre, the quake struck at 4:12 a.m. about 60 km southeast of \
                Arequipa, at a depth of 35 km.\n\nFourteen people were hurt and over 80 homes \
                damaged or destroyed across the region of Arequipa, the national civil defence \
                agency said.\n\nA tsunami warning was issued for the Pacific coast.\n\nVargas \
                travelled to the affected area on Thursday morning, pledging emergency money for \
                families left homeless.\n\nA string of aftershocks followed, with the largest \
                measuring 4.9, the geophysical institute said.\n\nThe country lies on the Pacific \
                \"Ring of Fire\" and experiences hundreds of minor tremors every year.",
        changes: &[
            (Number, "6.8", "6.3"),
            (Number, "three", "five"),
            (Place, "northwest", "southeast"),
            (Attribution, "U.S. Geological Survey", "European-Mediterranean Seismological Centre"),
            (Negation, "No", "A"),
            (Date, "afternoon", "morning"),
        ],
        across: &[],
    },
    // A cup semi-final: years since the last final, the coach given to the other club,
    // the side left with ten men, and the crowd. Harmless: "in the 88th minute" / "two
    // minutes from time", "Striker Julien Moreau" / "Julien Moreau", and a headline
    // opening "Late Moreau goal", which is no person called Late.
    Pair {
        left: "Late Moreau goal sends Lyon into cup final\n\nLYON, France, April 23 (AFP) - Striker \
               Julien Moreau scored in the 88th minute as Lyon beat Marseille 2-1 on Wednesday to \
               reach the French Cup final for the first time in nine years.\n\nMarseille had taken \
               the lead through a first-half penalty from captain Karim Benhadj before defender \
               Lucas Petit equalised shortly after the break.\n\nLyon coach Anne Girard said her \
               side had deserved the win. \"We were patient and we kept believing,\" she told \
               reporters.\n\nMarseille finished the match with ten men after midfielder Tomas Riva \
               was sent off for a second yellow card.\n\nA crowd of 52,000 watched the semi-final at \
               the Groupama Stadium.\n\nLyon will face Lille in the final at the Stade de France on \
               May 24.",
        right: "Lyon reach French Cup final with late winner\n\nLyon are through to the final of the \
                French Cup for the first time in eight years after a 2-1 win over Marseille on \
                Wednesday, with Julien Moreau striking two minutes from time.\n\nKarim Benhadj put \
                Marseille ahead with a penalty before half-time, but Lyon defender Lucas Petit \
                levelled soon after the restart.\n\n\"We were patient and kept believing,\" said \
                Marseille coach Anne Girard, adding that her team deserved the victory.\n\nLyon \
                played the closing stages with ten men after Tomas Riva was shown a second yellow \
                card.\n\nThe semi-final was watched by 25,000 fans at the Groupama Stadium.\n\nLyon \
                will meet Lille in the final at the Stade de France on May 24, AFP reported.",
        changes: &[
            (Number, "nine", "eight"),
            (Place, "Lyon", "Marseille"),
            (Place, "Marseille", "Lyon"),
            (Number, "52,000", "25,000"),
        ],
        across: &[],
    },
    // An outbreak: the city of the camps, when vaccination starts, a fatality rate lower
    // against higher than before. Also written in, and still missed: cases "doubled in
    // the past two weeks" against "tripled over the last fortnight", two sentences too
    // unlike to be paired, so each shows as in one copy only.
    Pair {
        left: "Cholera outbreak spreads in eastern Congo, WHO says\n\nGENEVA, Feb 6 (Reuters) - A \
               cholera outbreak in eastern Democratic Republic of Congo has infected more than 4,200 \
               people and killed 61 since early January, the World Health Organization said on \
               Tuesday.\n\nMost of the cases are in camps for displaced people around the city of \
               Goma, where clean water is scarce, WHO spokeswoman Clara Dumont told a briefing in \
               Geneva.\n\nCases have doubled in the past two weeks, she said.\n\nThe agency has sent \
               300,000 doses of oral vaccine and plans to start a vaccination campaign next \
               week.\n\nAid groups warned that heavy rain expected in March could make the outbreak \
               worse.\n\nDumont said the fatality rate, at about 1.5 percent, was lower than in \
               previous outbreaks.",
        right: "WHO warns cholera spreading fast in Congo\n\nMore than 4,200 people have contracted \
                cholera and 61 have died in the east of the Democratic Republic of Congo since the \
                start of January, according to the World Health Organization.\n\nSpeaking in Geneva \
                on Tuesday, WHO spokeswoman Clara Dumont said most infections were in displacement \
                camps near Bukavu, where there is little clean water.\n\nThe number of cases has \
                tripled over the last fortnight, Dumont said.\n\nWHO has delivered 300,000 doses of \
                oral cholera vaccine and will begin vaccinating next month.\n\nHeavy rains forecast \
                for March could worsen the epidemic, aid agencies said.\n\nAt roughly 1.5 percent, \
                the death rate is higher than in earlier outbreaks, Dumont told reporters.",
        changes: &[(Place, "Goma", "Bukavu"), (Date, "next week", "next month"), (Negation, "lower", "higher")],
        across: &[],
    },
    // A pay deal that ends a port strike: a vote count, a currency, one minister given another
    // portfolio, a promise and a right turned around, a rank said without its noun
    // ("the third at the port"), a destination and an age.
    Pair {
        left: "Dockers end nine-day strike at Porto after pay deal\n\n\
               PORTO, March 3 (Nordline News) - Dock workers at the port of Porto voted on Tuesday to end a nine-day strike that had left more than 40 container ships waiting offshore, after the operator agreed to raise wages by 6 percent this year.\n\n\
               The vote was 412 to 97, union leader Marta Kessary told reporters outside the union hall.\n\n\
               The port operator, Atlantis Terminals, said the walkout had cost it about 12 million euros in lost fees.\n\n\
               Transport Minister Rui Daskal, who brokered the talks, called the deal \"fair to both sides\" and said the government would not step in again.\n\n\
               Kessary said her members had won the right to refuse night shifts longer than ten hours.\n\n\
               It was the second strike at the port since 2021, when a five-day stoppage delayed fruit exports to Britain.\n\n\
               Shipping lines said it would take about two weeks to clear the backlog.\n\n\
               Daskal, 58, has been transport minister since last year.",
        right: "Porto port strike over as workers accept wage offer\n\n\
               Striking dockers in Porto have agreed to return to work, ending a stoppage of nine days that stranded over 40 cargo vessels at anchor, according to a statement from their union on Tuesday.\n\n\
               Members backed the agreement by 412 votes to 197, said the union's leader, Marta Kessary.\n\n\
               Under the agreement the operator will lift pay by 6 percent this year.\n\n\
               Atlantis Terminals, which runs the port, put its losses from the walkout at roughly 12 million dollars in missed fees.\n\n\
               Finance Minister Rui Daskal, who mediated between the two sides, said the settlement was \"fair to everyone\" and that the government would step in again if needed.\n\n\
               According to Kessary, the union had lost the right to turn down night shifts of more than ten hours.\n\n\
               The strike was the third at the port since 2021, when a five-day walkout held up fruit shipments to Spain.\n\n\
               Carriers expect the backlog to take roughly two weeks to clear.\n\n\
               Daskal, 52, became transport minister last year.",
        changes: &[
            (Number, "97", "197"),
            (Number, "12 million euros", "12 million dollars"),
            (Name, "Transport", "Finance"),
            (Negation, "would not", "would"),
            (Negation, "won", "lost"),
            (Number, "second", "third"),
            (Place, "Britain", "Spain"),
            (Number, "58", "52"),
        ],
        across: &[],
    },
    // A vaccine trial: a share, a country, a quotation and a promise turned around,
    // side effects called the opposite, a year.
    Pair {
        left: "Trial finds new malaria vaccine cuts infections by half\n\n\
               OSLO, June 12 (Nordline News) - A malaria vaccine developed at the University of Bergen cut infections among young children by 52 percent in a two-year trial in Ghana, researchers reported on Wednesday.\n\n\
               The study, published in The Lancet, followed 4,800 children aged between five months and three years.\n\n\
               Lead author Ingrid Halvik said the vaccine was cheaper to produce than existing shots and could be stored in an ordinary refrigerator.\n\n\
               \"This is not a silver bullet, but it is the best tool we have had in decades,\" Halvik said.\n\n\
               The World Health Organization said it would review the data before recommending the vaccine.\n\n\
               Side effects were mild and mostly limited to fever, the researchers said.\n\n\
               The trial was funded by the Gates Foundation and the Norwegian government.\n\n\
               Malaria killed an estimated 600,000 people in 2022, most of them children in Africa.",
        right: "Malaria shot halves infections in African trial\n\n\
               A malaria vaccine from the University of Bergen reduced infections in small children by 25 percent over a two-year trial in Kenya, according to results released on Wednesday.\n\n\
               Researchers tracked 4,800 children between the ages of five months and three years, the study in The Lancet said.\n\n\
               The vaccine is cheaper to make than current shots and needs only an ordinary fridge, said Ingrid Halvik, the study's lead author.\n\n\
               \"This is a silver bullet, and the best tool we have had in decades,\" said Halvik.\n\n\
               The World Health Organization said it would not review the data before recommending the vaccine.\n\n\
               The researchers said side effects were severe and mostly limited to fever.\n\n\
               The Gates Foundation and the Norwegian government paid for the trial.\n\n\
               An estimated 600,000 people died of malaria in 2021, mostly African children.",
        changes: &[
            (Number, "52", "25"),
            (Place, "Ghana", "Kenya"),
            (Negation, "is not", "is"),
            (Negation, "would", "would not"),
            (Negation, "mild", "severe"),
            (Date, "2022", "2021"),
        ],
        across: &[],
    },
    // A mayoral race: a share of the vote, turnout down against up, a concession
    // refused, a tax cut against a rise, a judge against a prosecutor, a figure, the day of the swearing-in beside a
    // rank ("the second woman" is no day), a year.
    Pair {
        left: "Centre-right wins Porto mayoral race by narrow margin\n\n\
               PORTO, Oct 12 (Nordline News) - Lena Marsh of the centre-right Civic Alliance won the race for mayor of Porto on Sunday with 51.2 percent of the vote, beating the Socialist incumbent Ivo Daskal.\n\n\
               Turnout was 48 percent, down from 55 percent four years ago, the electoral commission said.\n\n\
               Daskal conceded defeat late on Sunday and congratulated his rival.\n\n\
               Marsh, a 44-year-old former judge, promised to cut property taxes and to build 3,000 affordable homes by 2030.\n\n\
               The Civic Alliance also won 19 of the 33 seats on the city council.\n\n\
               Marsh will be sworn in on November 2, becoming the first woman to lead the city.\n\n\
               The result was a blow to Prime Minister Rui Kessary, whose Socialists have governed Porto since 2009.",
        right: "Marsh takes Porto as Socialists lose city hall\n\n\
               The centre-right Civic Alliance candidate Lena Marsh was elected mayor of Porto on Sunday, winning 58.2 percent of the vote against the Socialist incumbent, Ivo Daskal.\n\n\
               The electoral commission put turnout at 48 percent, up from 55 percent at the last election four years ago.\n\n\
               Daskal refused to concede defeat on Sunday night.\n\n\
               Marsh, a 44-year-old former prosecutor, pledged to raise property taxes and to build 30,000 affordable homes by 2030.\n\n\
               The Alliance took 19 of the 33 seats on the council as well.\n\n\
               She will take office on November 12, the first woman to run the city.\n\n\
               The defeat was a setback for Prime Minister Rui Kessary, whose Socialists have run Porto since 2019.",
        changes: &[
            (Number, "51.2", "58.2"),
            (Negation, "down", "up"),
            (Negation, "conceded", "refused to"),
            (Negation, "cut", "raise"),
            (Name, "judge", "prosecutor"),
            (Number, "3,000", "30,000"),
            (Date, "2", "12"),
            (Date, "2009", "2019"),
        ],
        across: &[],
    },
];

#[test]
fn paraphrased_rewrites_show_their_disagreements_and_nothing_else() {
    let never = AtomicBool::new(false);
    let (mut expected, mut found, mut false_flags) = (0, 0, Vec::new());
    for (n, pair) in PAIRS.iter().enumerate() {
        let comparison = compare_texts((SourceId(1), pair.left), (SourceId(2), pair.right), &never).expect("runs");
        let flagged: Vec<_> =
            comparison.discrepancies.iter().filter(|d| d.kind != DiscrepancyKind::OnlyInOne).collect();
        let mut matched = vec![false; flagged.len()];
        for &(kind, left, right) in pair.changes {
            expected += 1;
            // Each flag stands for one change: a change written twice (a headline and
            // its lead) must be flagged twice.
            let hit = flagged.iter().zip(&matched).position(|(d, &taken)| {
                !taken && d.kind == kind && d.passages[0].exact.contains(left) && d.passages[1].exact.contains(right)
            });
            match hit {
                Some(k) => {
                    found += 1;
                    matched[k] = true;
                }
                None => eprintln!("pair {n}: missed {kind:?} {left:?} -> {right:?}"),
            }
        }
        for (d, _) in flagged.iter().zip(&matched).filter(|(_, m)| !**m) {
            false_flags.push(format!("pair {n}: {:?} {}", d.kind, d.explanation));
        }
    }
    println!("paraphrase set: {found} of {expected} changes found, {} false flags", false_flags.len());
    assert_eq!(found, expected, "every written-in change is found with its kind and both passages");
    assert!(false_flags.is_empty(), "{false_flags:#?}");
}

#[test]
fn whole_document_disagreements_show_in_the_facts_table() {
    let never = AtomicBool::new(false);
    for (n, pair) in PAIRS.iter().enumerate() {
        let facts = table::build(&[(SourceId(1), pair.left), (SourceId(2), pair.right)], &never).expect("runs");
        for (a, b) in pair.across {
            assert!(
                facts.conflicts.iter().any(|c| c.summary.contains(a) && c.summary.contains(b)),
                "pair {n}: no conflict between {a} and {b} among {:#?}",
                facts.conflicts.iter().map(|c| &c.summary).collect::<Vec<_>>()
            );
        }
        assert_eq!(facts.conflicts.len(), pair.across.len(), "pair {n}: {:#?}", facts.conflicts);
    }
}
