//! What two outlets writing their own sentences about one event may differ in without
//! a discrepancy, and what they may not: one test per rule, each on a sentence pair
//! written for it.

use std::sync::atomic::AtomicBool;

use super::*;
use crate::model::SourceId;

/// The discrepancies between two one-paragraph copies, as (kind, left words, right words).
fn flags(left: &str, right: &str) -> Vec<(DiscrepancyKind, String, String)> {
    let comparison =
        compare_texts((SourceId(1), left), (SourceId(2), right), &AtomicBool::new(false)).expect("not cancelled");
    comparison
        .discrepancies
        .iter()
        .filter(|d| d.kind != DiscrepancyKind::OnlyInOne)
        .map(|d| (d.kind, d.passages[0].exact.clone(), d.passages[1].exact.clone()))
        .collect()
}

fn assert_agree(left: &str, right: &str) {
    let found = flags(left, right);
    assert!(found.is_empty(), "{left:?} / {right:?} should agree, found {found:?}");
}

fn assert_flags(left: &str, right: &str, kinds: &[DiscrepancyKind], words: (&str, &str)) {
    let found = flags(left, right);
    assert!(
        found.iter().any(|(kind, l, r)| kinds.contains(kind) && l.contains(words.0) && r.contains(words.1)),
        "{left:?} / {right:?} should flag {words:?}, found {found:?}"
    );
}

use DiscrepancyKind::{Date, Name, Number, Place};

#[test]
fn a_time_of_day_is_compared_with_a_time_even_beside_a_count_of_the_same_value() {
    assert_flags(
        "A patrol plane saw the boat around 2 p.m. on Friday and two small cutters were sent out, the coast guard said.",
        "The boat was seen by a patrol plane around 4 p.m. on Friday and two cutters went out to it, the coast guard said.",
        &[Number, Date],
        ("2", "4"),
    );
    assert_agree(
        "The ferry left at about 3 p.m. on Sunday with forty passengers aboard.",
        "The ferry, carrying forty passengers, sailed at 3:20 p.m. on Sunday.",
    );
}

#[test]
fn fractions_decades_and_tallies_are_read_as_written() {
    assert_flags(
        "The verdict came after a 2 1/2 week trial in which the farmer spoke for himself.",
        "The farmer, who spoke for himself, was convicted after a 2 1/4 week trial.",
        &[Number],
        ("2 1/2", "2 1/4"),
    );
    assert_agree(
        "Even after she turned 93, Ostrova kept campaigning for the river.",
        "Even into her 90s, Ostrova kept up her campaign for the river.",
    );
    assert_flags(
        "Last spring the tribunal upheld the levy, ruling 5-4 that it was lawful.",
        "The tribunal ruled 3-4 last spring that the levy was lawful.",
        &[Number],
        ("5", "3"),
    );
    assert_flags(
        "The chamber voted 211 to 170 to pass the forestry bill on Tuesday.",
        "On Tuesday the chamber voted 105-170 to approve the forestry bill.",
        &[Number],
        ("211", "105"),
    );
}

#[test]
fn a_word_changed_in_a_quote_two_outlets_report_in_their_own_sentences_is_not_a_discrepancy() {
    // In a near-copy the same change is an edit of the quote (see `tests.rs`).
    assert_agree(
        "Mayor Ines Vaurel attacked the ruling, calling it \"a reckless act aimed at the poorest streets.\"",
        "Meanwhile the council's leader voiced strong anger at the court, calling its ruling \"a reckless move aimed at the poorest streets.\"",
    );
}

#[test]
fn names_written_short_with_initials_acronyms_or_company_forms_agree() {
    assert_agree(
        "\"The river will go where it wants,\" Matt Brenn, deputy head of the water board, said in an interview.",
        "\"The river will go where it wants,\" Matthias K. Brenn, deputy head of the water board, is quoted as saying.",
    );
    assert_agree(
        "Vaurel said both Corvane and Merrow & Ostley Engineering had sent \"strong bids\" for the work.",
        "Vaurel said Corvane and M&O had sent \"strong bids\" for the work.",
    );
    assert_agree(
        "Halvik Power Corp. shares rose 12 cents to close at $15.40 in Oslo on Tuesday.",
        "Halvik Power's shares rose 12 cents to $15.40 in Oslo on Tuesday.",
    );
}

#[test]
fn a_company_and_its_officer_are_not_one_name_changed() {
    assert_agree(
        "Corvane chief executive Lena Marsh condemned the decision at a briefing in Halvik.",
        "Corvane Engineering condemned the decision at a briefing in Halvik.",
    );
    assert_agree(
        "Corvane CEO Lena Marsh condemned the decision at a briefing in Halvik.",
        "Corvane Engineering condemned the decision at a briefing in Halvik.",
    );
}

#[test]
fn a_surname_changed_beside_the_same_surname_elsewhere_is_still_a_swap() {
    assert_flags(
        "Greta Lind, the widow of the mill's founder Karl Lind, died on Sunday after a short illness.",
        "Greta Lind, the widow of the mill's founder Karl Haugen, died on Sunday after a short illness.",
        &[Name],
        ("Lind", "Haugen"),
    );
}

#[test]
fn the_day_something_was_said_is_not_the_day_it_happened() {
    assert_agree(
        "A worker died and two were hurt when a crane fell at the harbour in Halvik, the port authority said Tuesday.",
        "Also Monday, a worker died and two were hurt when a crane fell at the harbour in Halvik.",
    );
}

#[test]
fn a_newspaper_named_short_is_the_same_newspaper() {
    assert_agree(
        "In a letter sent to The Times and read out to Reuters, the mayor apologised for the delay.",
        "In a letter sent to The New York Times, the mayor apologised for the delay.",
    );
}

#[test]
fn places_pair_by_the_words_before_them() {
    assert_flags(
        "The men said they paid to be smuggled into Boston from Canada last month, two sources said.",
        "The men said they paid to be smuggled into the United States from Mexico last month.",
        &[Place],
        ("Canada", "Mexico"),
    );
}

#[test]
fn a_decimal_comma_and_an_impossible_day_are_read() {
    assert_agree(
        "The fund has 1.2 million members and 3.4 million euros in reserve.",
        "The fund counts 1,2 million members and holds 3,4 million euros in reserve.",
    );
    assert_flags(
        "Since March 11, when the index hit its low, it has risen 21 percent.",
        "Since March 33, when the index hit its low, it has risen 21 percent.",
        &[Date, Number],
        ("11", "33"),
    );
}

#[test]
fn where_something_happened_is_not_who_did_it_nor_whom_it_was_for() {
    // A country naming the actors ("UK divers") against the place of
    // the event, and "to" before a group rather than a destination.
    assert_agree(
        "British divers cleared the channel, which officials say is vital to trade in Denmark.",
        "UK divers cleared the channel, which officials said was vital to the nation's trade.",
    );
    assert_agree(
        "The mayor repeated her commitment to Parisians at the opening of the bridge.",
        "The mayor repeated her commitment to Lyonnais at the opening of the bridge.",
    );
    assert_flags(
        "The minister flew to Oslo on Friday for the signing.",
        "The minister flew to Helsinki on Friday for the signing.",
        &[Place],
        ("Oslo", "Helsinki"),
    );
    assert_flags(
        "The talks ended in the city of Tallinn late on Friday.",
        "The talks ended in Riga late on Friday.",
        &[Place],
        ("Tallinn", "Riga"),
    );
}

#[test]
fn a_list_of_companies_written_in_another_order_names_nobody_else() {
    assert_agree(
        "The bank has signed similar deals with Orlen Corp. OR.N , Vesta Networks Inc. VN.N and Tarn Corp. TRN.N .",
        "The bank has similar arrangements with rival lenders Vesta Networks, Orlen and Tarn Networks.",
    );
}

#[test]
fn a_quotation_in_another_tense_is_the_speakers_words() {
    assert_agree(
        "\"Instead of fixing the harbour wall, this council chose to build a car park,\" Mr Ilves said.",
        "\"Instead of fixing the harbour wall, this council has chosen to build a car park,\" Ilves said.",
    );
    assert_flags(
        "\"Instead of fixing the harbour wall, this council chose to build a car park,\" Mr Ilves said.",
        "\"Instead of fixing the harbour wall, this council refused to build a car park,\" Ilves said.",
        &[DiscrepancyKind::Quote, DiscrepancyKind::Negation],
        ("chose", "refused"),
    );
}

#[test]
fn a_total_and_its_parts_are_one_count() {
    assert_agree(
        "The storm killed two firefighters and at least four other people near the coast.",
        "The storm killed six people near the coast, officials said.",
    );
    assert_flags(
        "The storm killed two firefighters and at least four other people near the coast.",
        "The storm killed nine people near the coast, officials said.",
        &[Number],
        ("", "nine"),
    );
}

#[test]
fn a_visit_to_one_place_and_a_trip_to_another_are_two_places() {
    assert_flags(
        "The minister signed the accord during a two-day visit to Lisbon, where she met her counterpart.",
        "The accord was signed by the minister on a two-day trip to Varnholm, where talks ran late.",
        &[Place],
        ("Lisbon", "Varnholm"),
    );
    // A plural short form of the same name is no other place.
    assert_agree(
        "The prime minister flew home after a visit to the Solomon Islands on Friday.",
        "The prime minister flew home on Friday after a trip to the Solomons.",
    );
}

#[test]
fn a_quote_given_to_another_outlet_is_credited_differently() {
    assert_flags(
        "\"We did not want this strike,\" union leader Jaan Ruus told Harbour Wire.",
        "\"We never wanted a strike,\" union chief Jaan Ruus told the Nordline News Service.",
        &[DiscrepancyKind::Attribution],
        ("Harbour Wire", "Nordline News Service"),
    );
    // The same outlet, its name written short, credits the same quote.
    assert_agree(
        "\"We did not want this strike,\" union leader Jaan Ruus told the Nordline News Service.",
        "\"We never wanted a strike,\" union chief Jaan Ruus told Nordline News.",
    );
}

#[test]
fn one_ministry_credited_in_place_of_another_is_an_attribution_conflict() {
    assert_flags(
        "No deaths have been reported, but two people were treated in hospital, the Health Ministry said.",
        "Two people needed hospital treatment and there have been no deaths, the Interior Ministry said.",
        &[DiscrepancyKind::Attribution],
        ("Health Ministry", "Interior Ministry"),
    );
    // "the Ministry" alone is the same ministry written short.
    assert_agree(
        "No deaths have been reported, the Health Ministry said.",
        "There have been no deaths, the Ministry said.",
    );
}

#[test]
fn a_share_written_as_a_fraction_is_compared_as_a_percentage() {
    assert_flags(
        "The cap will cut subsidies to about a quarter of the biggest farms.",
        "The cap will reduce subsidies for roughly a third of the largest farms.",
        &[Number],
        ("a quarter", "a third"),
    );
    assert_agree(
        "The cap will cut subsidies to about a quarter of the biggest farms.",
        "The cap will reduce subsidies for roughly 25 percent of the largest farms.",
    );
    // The same value pairs first: "half" is close to "47.1 percent", but it is the
    // other copy's "half" that it restates.
    assert_flags(
        "Last year 15.7 percent of sales and more than half of the margin went to pay staff.",
        "Last year 47.1 percent of sales and more than half of the margin went to pay staff.",
        &[Number],
        ("15.7", "47.1"),
    );
}

#[test]
fn a_person_from_a_country_is_the_person_and_the_country_no_new_name() {
    assert_agree(
        "\"This is fairer,\" said Irish Agriculture Minister Sean Doyle, who chaired the meeting.",
        "The system is \"fairer\", said Agriculture Minister Sean Doyle of Ireland, who chaired the talks.",
    );
}

#[test]
fn a_speaker_renamed_to_someone_the_copy_never_introduces_is_a_name_changed() {
    assert_flags(
        "Agriculture Minister Sean Doyle chaired the meeting. Doyle said ministers would return to it in February.",
        "Agriculture Minister Sean Doyle chaired the talks. Ministers will take it up again in February, Dolan said.",
        &[Name],
        ("Doyle", "Dolan"),
    );
    // A speaker the copy introduces in full is another person quoted, not a rename.
    assert_agree(
        "Agriculture Minister Sean Doyle chaired the meeting. Doyle said ministers would return to it in February.",
        "Agriculture Minister Sean Doyle chaired the talks. Farmer Ana Dolan watched. Ministers will take it up \
         again in February, Dolan said.",
    );
}

#[test]
fn two_members_of_a_list_trading_roles_are_flagged() {
    assert_flags(
        "Portugal and Norway voted against the plan, while Austria abstained.",
        "Portugal and Austria voted against the proposal, with Norway abstaining.",
        &[Place],
        ("Norway", "Austria"),
    );
    assert_flags(
        "Ministers Lena Marsh, Ivo Daskal and Petra Orlen met. Marsh and Daskal backed the bill and Orlen opposed it.",
        "Ministers Lena Marsh, Ivo Daskal and Petra Orlen met. Marsh and Orlen backed the bill, while Daskal \
         opposed it.",
        &[Name],
        ("Daskal", "Orlen"),
    );
    // The same roles in another order, or a list regrouped with other words, is no swap.
    assert_agree(
        "Portugal and Norway voted against the plan, while Austria abstained.",
        "Austria abstained, while Norway and Portugal voted against the plan.",
    );
    assert_agree(
        "Shares rose in Portugal, Norway and Austria.",
        "Shares rose in Norway and Austria, and gained in Portugal.",
    );
}

#[test]
fn a_quotation_given_to_another_person_the_first_copy_names_is_flagged() {
    let left = "Prosecutor Lena Marsh and defence lawyer Ivo Daskal spoke after the verdict. \"Nobody is above \
                the law,\" Marsh told reporters.";
    let right = "Defence lawyer Ivo Daskal spoke after the verdict. \"Nobody is above the law, and this proves \
                 it,\" Daskal told journalists.";
    assert_flags(left, right, &[DiscrepancyKind::Attribution], ("Marsh", "Daskal"));
    // Unquoted, the second copy may report what its own source said.
    assert_agree(
        "Prosecutor Lena Marsh and defence lawyer Ivo Daskal spoke after the verdict. Marsh said nobody was \
         above the law.",
        "Defence lawyer Ivo Daskal spoke after the verdict. Daskal said nobody was above the law.",
    );
}

#[test]
fn the_capital_of_a_copy_filed_from_one_city_is_not_a_city_abroad() {
    let filed = "HALVIK, June 9 - The vote count ended.";
    assert_flags(
        "LISBON, June 9 - The vote count ended. The winner thanked supporters in the capital.",
        "The vote count ended. The winner thanked supporters in Oslo.",
        &[Place],
        ("the capital", "Oslo"),
    );
    // A city of the same country may be the capital; a copy filed from no known city
    // says nothing of which capital.
    assert_agree(
        "LISBON, June 9 - The vote count ended. The winner thanked supporters in the capital.",
        "The vote count ended. The winner thanked supporters in Lisbon.",
    );
    assert_agree(
        &format!("{filed} The winner thanked supporters in the capital."),
        "The vote count ended. The winner thanked supporters in Oslo.",
    );
}

#[test]
fn a_refusal_to_do_what_the_other_copy_says_was_done_is_a_reversal() {
    assert_flags(
        "The challenger conceded defeat late on Sunday.",
        "The challenger refused to concede on Sunday night.",
        &[DiscrepancyKind::Negation],
        ("conceded", "refused to"),
    );
    assert_agree("The mayor refused to say how many had left.", "The mayor said 40 families had left.");
}

#[test]
fn a_name_transliterated_in_more_words_is_the_same_name() {
    assert_agree(
        "Police named the man as Salaheddine Benali, who was arrested in Lisbon.",
        "Salah al-Din Benali was arrested in Lisbon, police said.",
    );
}

#[test]
fn a_future_not_for_weeks_says_when_not_whether() {
    assert_agree(
        "Nordline says the new fares will not be announced for weeks.",
        "The new fares will be announced within a few weeks, Marsh said.",
    );
    // A counted span is how long something lasts: dropping the "not" reverses it.
    assert_flags(
        "The river will continue to rise for the next 20 years.",
        "The river will not continue to rise for another 20 years.",
        &[DiscrepancyKind::Negation],
        ("will", "will not"),
    );
}

#[test]
fn a_bearing_of_a_place_and_a_part_of_the_day_are_facts() {
    assert_flags(
        "The quake struck about 60 km northwest of the city of Porto.",
        "The quake hit some 60 km south-east of Porto.",
        &[Place],
        ("northwest", "south-east"),
    );
    assert_flags(
        "Floods cut roads in northern Portugal.",
        "Roads were cut by floods in southern Portugal.",
        &[Place],
        ("northern", "southern"),
    );
    assert_flags(
        "The minister flew to the area on Thursday afternoon.",
        "The minister travelled to the area on Thursday morning.",
        &[Date],
        ("afternoon", "morning"),
    );
    // Told roughly, or of no place: not held against the other copy.
    assert_agree("The quake struck north of Porto.", "The quake struck northwest of Porto.");
    assert_agree("A few miles further east is the old town.", "A few miles west are the old walls.");
    assert_agree("Settlers marched in East Timor.", "Settlers marched in the west of East Timor.");
}

#[test]
fn a_crowd_of_a_number_counts_whatever_the_other_copy_counts() {
    assert_flags(
        "A crowd of 52,000 watched the final in Lisbon.",
        "The final in Lisbon was watched by 25,000 fans.",
        &[Number],
        ("52,000", "25,000"),
    );
    assert_agree("A crowd of 52,000 watched the final in Lisbon.", "Some 52,000 fans watched the final in Lisbon.");
}

#[test]
fn one_plan_put_next_week_and_next_month_is_a_date_changed() {
    assert_flags(
        "The agency plans to start vaccinating next week.",
        "The agency will begin vaccinating next month.",
        &[Date],
        ("next week", "next month"),
    );
    // Two periods of two things: the talks next week, the deal last year.
    assert_agree("Talks resume next week on the deal.", "Talks on the deal signed last year resume soon.");
}

#[test]
fn a_price_quoted_at_one_level_was_taken_at_one_moment() {
    // One price at one level: whatever moments the copies name, the move must agree.
    assert_flags(
        "Shares of Nordline rose 4 cents, to $16.96, in Monday trading in Oslo.",
        "Nordline shares were up 8 cents at $16.96 in late morning trade in Oslo.",
        &[Number],
        ("4", "8"),
    );
    assert_flags(
        "The Oslo index advanced 11 points, or 1.25 percent, to 931.",
        "The Oslo index gained 10.89, or 3.6 percent, to 931.12 as of 12:01 p.m.",
        &[Number],
        ("1.25", "3.6"),
    );
    // The same move rounded differently is one move.
    assert_agree(
        "The Oslo index advanced 11 points, or 1.25 percent, to 931.",
        "The Oslo index gained 10.89, or 1.2 percent, to 931.12 as of 12:01 p.m.",
    );
    // Levels apart still say two moments.
    assert_agree(
        "Nordline shares rose 4 cents to $16.96 in morning trading.",
        "Nordline shares were up 8 cents at $17.00 at the close.",
    );
}

#[test]
fn a_speaker_quoted_by_someone_else_is_still_the_speaker() {
    assert_agree(
        "\"We did nothing for the money,\" Orlen quoted Daskal as saying.",
        "\"We did nothing for the money,\" Ivo Daskal said through his lawyer.",
    );
}

#[test]
fn a_body_named_with_another_word_for_its_kind_is_the_same_body() {
    assert_agree(
        "Kessary would be moved to the Ann Orlen Forensic Hospital just outside Oslo.",
        "Kessary was transferred to the Anne Orlen Forensic Center, a facility in Oslo.",
    );
    assert_agree(
        "The Federal Roads Administration designated $20 million for the registry.",
        "The registry was launched with $20 million from the Federal Roads Agency.",
    );
    // Another name before the same kind of body is another body.
    assert_flags(
        "Kessary would be moved to the Orlen Forensic Hospital just outside Oslo.",
        "Kessary was transferred to the Daskal Forensic Center, a facility in Oslo.",
        &[Name, Place],
        ("Orlen", "Daskal"),
    );
}

#[test]
fn a_place_the_other_copy_also_names_is_no_place_changed() {
    assert_agree(
        "The truck was later found parked near the Halvik Mall about three miles away.",
        "The van was later found near the Halvik Cemetery, south of the Halvik Mall.",
    );
    assert_flags(
        "The truck was later found parked near the Halvik Mall about three miles away.",
        "The van was later found near the Halvik Cemetery, three miles away.",
        &[Place, Name],
        ("Mall", "Cemetery"),
    );
}

#[test]
fn removed_from_says_not_in() {
    assert_agree(
        "Daskal said he intended to get the loan provision removed from the final bill.",
        "Daskal said he intended to see that the loan provision was not in the final bill.",
    );
}

#[test]
fn a_speaker_described_in_one_copy_and_named_in_the_other_may_be_one_body() {
    assert_agree(
        "Memory chips were up 5.6% from June, the industry group said.",
        "Memory chips were up 5.6 percent, the NCMA said.",
    );
    // Two bodies described differently are still two speakers.
    assert_flags(
        "Memory chips were up 5.6 percent from June, the bankers' association said.",
        "Memory chips were up 5.6 percent from June, the insurers' association said.",
        &[DiscrepancyKind::Attribution],
        ("bankers", "insurers"),
    );
}

#[test]
fn unless_says_if_not() {
    assert_agree(
        "If the subsidies are not repealed, the Union is threatening trade sanctions against Oslo.",
        "The Union is threatening trade sanctions unless the subsidies are repealed.",
    );
    assert_flags(
        "If the subsidies are not repealed, the Union is threatening trade sanctions against Oslo.",
        "The Union is not threatening trade sanctions unless the subsidies are repealed.",
        &[DiscrepancyKind::Negation],
        ("threatening", "not"),
    );
    assert_agree(
        "Residents of Halvik had nothing but praise for Daskal.",
        "Residents of Halvik had effusive praise for Daskal.",
    );
}

#[test]
fn a_region_in_lower_case_and_a_borough_of_its_city_are_the_same_place() {
    assert_agree(
        "South Asia follows, with 1.1 million youths infected.",
        "Of the 1.1 million infected in south Asia, 62% are female.",
    );
    assert_agree(
        "The firm said it filed suit in a New York court on Monday.",
        "The firm filed the lawsuit on Monday in federal court in Manhattan.",
    );
    assert_flags(
        "The firm said it filed suit in a Boston court on Monday.",
        "The firm filed the lawsuit on Monday in federal court in Manhattan.",
        &[Place],
        ("Boston", "Manhattan"),
    );
}

#[test]
fn a_knight_called_by_his_first_name_is_the_same_person() {
    let intro = "Police chief Sir Ivo Daskal spoke in Oslo on Monday about the new unit.\n\n";
    assert_agree(
        &format!("{intro}Mr. Daskal has also told his officers that there are more agents in Norway than thought."),
        &format!("{intro}Sir Ivo has also told his officers that there are more agents in Norway than thought."),
    );
}

#[test]
fn a_surname_spelled_like_the_shared_first_name_is_still_a_new_surname() {
    assert_flags(
        "\"Our outlook remains bright,\" bureau chief Greg Marsh says.",
        "\"Our outlook remains bright,\" said Greg Gregg, president of the bureau.",
        &[Name, DiscrepancyKind::Attribution],
        ("Marsh", "Gregg"),
    );
    assert_agree(
        "\"Our outlook remains bright,\" bureau chief Greg Marsh says.",
        "\"Our outlook remains bright,\" said Gregg Marsh, president of the bureau.",
    );
}

#[test]
fn one_sum_in_another_currency_is_a_number_changed() {
    assert_flags(
        "The operator said the walkout had cost it about 12 million euros in lost fees.",
        "The operator put its losses from the walkout at roughly 12 million dollars in missed fees.",
        &[Number],
        ("12 million euros", "12 million dollars"),
    );
    assert_flags(
        "The walkout cost the operator $12 million in lost fees.",
        "The walkout cost the operator 12 million euros in lost fees.",
        &[Number],
        ("$12 million", "12 million euros"),
    );
    // Given in both currencies, the sum is converted.
    assert_agree(
        "The walkout cost the operator 12 million euros ($13 million) in lost fees.",
        "The walkout cost the operator 12 million euros in lost fees.",
    );
}

#[test]
fn one_minister_given_another_portfolio_is_flagged() {
    assert_flags(
        "Transport Minister Rui Daskal, who brokered the talks, called the deal fair.",
        "Finance Minister Rui Daskal, who mediated between the sides, said the settlement was fair.",
        &[Name],
        ("Transport", "Finance"),
    );
    assert_agree(
        "Transport Minister Rui Daskal, who brokered the talks, called the deal fair.",
        "Rui Daskal, the transport minister, who mediated between the sides, said the settlement was fair.",
    );
}

#[test]
fn a_rank_without_its_noun_ranks_what_its_sentence_is_about() {
    assert_flags(
        "It was the second strike at the port since 2021.",
        "The strike was the third at the port since 2021.",
        &[Number],
        ("second", "third"),
    );
    assert_agree(
        "It was the second strike at the port since 2021.",
        "The strike was the second at the port since 2021.",
    );
}

#[test]
fn a_lead_reworded_with_the_words_news_copy_swaps_is_still_paired() {
    // "strike" / "stoppage", "ships" / "vessels": alignment reads them as one word.
    assert_flags(
        "Dock workers at the port of Porto ended a nine-day strike on Tuesday that had left more than 40 container \
         ships waiting offshore.",
        "Striking dockers in Porto returned to work on Thursday, ending a stoppage of nine days that stranded \
         over 40 cargo vessels at anchor.",
        &[Date],
        ("Tuesday", "Thursday"),
    );
}

#[test]
fn side_effects_called_the_opposite_are_a_reversal_but_toned_down_they_agree() {
    assert_flags(
        "Side effects were mild and mostly limited to fever, the researchers said.",
        "The researchers said side effects were severe and mostly limited to fever.",
        &[DiscrepancyKind::Negation],
        ("mild", "severe"),
    );
    assert_agree(
        "The therapy did not prevent mild cognitive impairment in the trial.",
        "The therapy did not prevent less-severe cognitive decline in the trial.",
    );
}

#[test]
fn two_headlines_pair_so_that_neither_takes_the_other_copys_lead() {
    assert_flags(
        "Dockers end nine-day strike at Porto after pay deal\n\nDock workers at the port of Porto ended a nine-day \
         strike on Tuesday that had left more than 40 container ships waiting offshore, after the operator agreed \
         to raise wages.",
        "Porto port strike over as workers accept wage offer\n\nStriking dockers in Porto returned to work on \
         Thursday, ending a stoppage of nine days that stranded over 40 cargo vessels at anchor.",
        &[Date],
        ("Tuesday", "Thursday"),
    );
}

#[test]
fn a_day_of_the_month_is_never_taken_for_a_rank_of_the_same_value() {
    assert_flags(
        "Marsh will be sworn in on November 2, becoming the first woman to lead the city.",
        "She will take office on November 12, the second woman to run the city.",
        &[Date],
        ("2", "12"),
    );
}

#[test]
fn a_tax_cut_against_a_tax_rise_is_a_reversal() {
    assert_flags(
        "Marsh promised to cut property taxes and to build 3,000 homes by 2030.",
        "Marsh pledged to raise property taxes and to build 3,000 homes by 2030.",
        &[DiscrepancyKind::Negation],
        ("cut", "raise"),
    );
}

#[test]
fn one_person_given_two_occupations_is_flagged_and_one_occupation_named_two_ways_is_not() {
    assert_flags(
        "Marsh, a 44-year-old former judge, promised to cut property taxes.",
        "Marsh, a 44-year-old former prosecutor, pledged to cut property taxes.",
        &[Name],
        ("judge", "prosecutor"),
    );
    assert_agree(
        "Daskal, a 52-year-old lawyer, filed the appeal on Monday.",
        "Daskal, a 52-year-old attorney, lodged the appeal on Monday.",
    );
}
