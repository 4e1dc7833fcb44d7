//! Places and credited bodies the comparison recognises by name.
//!
//! Two copies of a story that name different places ("talks in Geneva" against "talks
//! in Vienna") disagree, but one that names a city and one that names its country
//! ("in Lyon" against "in France") do not. So each place knows what it lies within,
//! and [`same_or_within`] walks that chain.
//!
//! The tables below are plain text so that adding a place is adding a word: a line is
//! `parent: name=alias=alias, name, …`. Names are matched on the folded words the
//! tokenizer produces, so "U.S." and "US" are one key and hyphens split words.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Region,
    Country,
    State,
    City,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Place {
    /// The canonical name, lowercase: two mentions are the same place when it matches.
    pub name: &'static str,
    pub kind: PlaceKind,
    /// The canonical name of the region, country or state the place lies in.
    pub within: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Agency {
    /// The canonical name, lowercase, shared by every way of writing it.
    pub name: &'static str,
    /// A news agency or broadcaster (credited in a byline), not a public body.
    pub news: bool,
    /// This way of writing it is a short acronym ("AP", "WHO") that only counts in
    /// capitals, because in lower case it is an ordinary word.
    pub acronym_only: bool,
}

/// Regions of the world; the parent `world` is the root and is not itself a place.
const REGIONS: &str = "
world: africa, europe, asia, north america, south america, latin america, central america, middle east=mideast, oceania, caribbean, antarctica, arctic, balkans, scandinavia, baltics, caucasus, central asia, south asia, southeast asia, east asia, gulf=persian gulf, sahel, maghreb, pacific, atlantic, mediterranean
africa: horn of africa, west africa, east africa, north africa, southern africa, central africa, sub saharan africa
";

const COUNTRIES: &str = "
africa: algeria, angola, benin, botswana, burkina faso, burundi, cameroon, cape verde=cabo verde, central african republic, chad, comoros, congo=republic of congo, democratic republic of congo=democratic republic of the congo=drc=dr congo, djibouti, egypt, equatorial guinea, eritrea, eswatini=swaziland, ethiopia, gabon, gambia, ghana, guinea, guinea bissau, ivory coast=cote d'ivoire=côte d'ivoire, kenya, lesotho, liberia, libya, madagascar, malawi, mali, mauritania, mauritius, morocco, mozambique, namibia, niger, nigeria, rwanda, sao tome and principe, senegal, seychelles, sierra leone, somalia, somaliland, south africa, south sudan, sudan, tanzania, togo, tunisia, uganda, zambia, zimbabwe, western sahara
europe: albania, andorra, austria, belarus, belgium, bosnia=bosnia and herzegovina, bulgaria, croatia, cyprus, czech republic=czechia, denmark, estonia, finland, france, germany, greece, hungary, iceland, ireland=irish republic, italy, kosovo, latvia, liechtenstein, lithuania, luxembourg, malta, moldova, monaco, montenegro, netherlands=holland, north macedonia=macedonia, norway, poland, portugal, romania, russia=russian federation, san marino, serbia, slovakia, slovenia, spain, sweden, switzerland, ukraine, united kingdom=uk=britain=great britain, vatican=vatican city=holy see
asia: afghanistan, armenia, azerbaijan, bahrain, bangladesh, bhutan, brunei, cambodia, china=prc=mainland china, east timor=timor leste, georgia, india, indonesia, iran, iraq, israel, japan, jordan, kazakhstan, kuwait, kyrgyzstan, laos, lebanon, malaysia, maldives, mongolia, myanmar=burma, nepal, north korea=dprk, oman, pakistan, palestine=palestinian territories, philippines, qatar, saudi arabia, singapore, south korea=korea, sri lanka, syria, taiwan, tajikistan, thailand, turkey=turkiye=türkiye, turkmenistan, united arab emirates=uae=emirates, uzbekistan, vietnam=viet nam, yemen, hong kong, macau=macao, tibet
north america: united states=us=usa=america=united states of america, canada, mexico, greenland, bermuda
central america: belize, costa rica, el salvador, guatemala, honduras, nicaragua, panama
caribbean: antigua and barbuda, bahamas, barbados, cuba, dominica, dominican republic, grenada, haiti, jamaica, puerto rico, saint lucia=st lucia, trinidad and tobago=trinidad, saint kitts and nevis, saint vincent and the grenadines
south america: argentina, bolivia, brazil, chile, colombia, ecuador, guyana, paraguay, peru, suriname, uruguay, venezuela, falkland islands=falklands
oceania: australia, fiji, kiribati, marshall islands, micronesia, nauru, new zealand, palau, papua new guinea, samoa, solomon islands, tonga, tuvalu, vanuatu, guam
";

/// States, provinces and the like. Postal abbreviations that are also common words
/// ("Mass.", "Wash.", "Miss.", "Ill.", "La.") are left out on purpose.
const STATES: &str = "
united states: alabama=ala, alaska, arizona=ariz, arkansas=ark, california=calif, colorado=colo, connecticut=conn, delaware, florida=fla, georgia=ga, hawaii, idaho, illinois, indiana, iowa, kansas=kan, kentucky=ky, louisiana, maine, maryland=md, massachusetts, michigan=mich, minnesota=minn, mississippi, missouri, montana=mont, nebraska=neb, nevada=nev, new hampshire=nh, new jersey=nj, new mexico=nm, new york state=ny, north carolina=nc, north dakota=nd, ohio, oklahoma=okla, oregon=ore, pennsylvania=pa, rhode island=ri, south carolina=sc, south dakota=sd, tennessee=tenn, texas=tex, utah, vermont=vt, virginia=va, washington state, west virginia=wva, wisconsin=wis, wyoming=wyo, district of columbia
canada: ontario, quebec, british columbia, alberta, manitoba, saskatchewan, nova scotia, new brunswick, newfoundland, prince edward island, yukon, nunavut, northwest territories
australia: new south wales, victoria, queensland, western australia, south australia, tasmania, northern territory
united kingdom: england, scotland, wales, northern ireland
india: kashmir, punjab, kerala, bihar, gujarat, maharashtra, tamil nadu, karnataka, west bengal, uttar pradesh, rajasthan, assam
china: xinjiang, guangdong, sichuan, yunnan, hubei, fujian, zhejiang, jiangsu, shandong, inner mongolia
russia: chechnya, siberia, dagestan, tatarstan
germany: bavaria, saxony, hesse
spain: catalonia, andalusia, basque country, galicia
italy: sicily, sardinia, lombardy, tuscany
france: brittany, normandy, provence, corsica
brazil: sao paulo state, rio de janeiro state, amazonas
mexico: chihuahua, sonora, jalisco, oaxaca, chiapas, yucatan
pakistan: balochistan, sindh, khyber pakhtunkhwa
iraq: kurdistan, anbar
israel: west bank, gaza=gaza strip, golan heights
ukraine: crimea, donbas, donetsk, luhansk
";

const CITIES: &str = "
united states: washington=washington dc, silicon valley
new york state: new york=new york city=nyc, buffalo, rochester, syracuse, albany
new york: brooklyn, manhattan, queens, bronx, staten island
california: los angeles, san diego, san jose, san francisco, fresno, sacramento, oakland, long beach, anaheim, palo alto, cupertino, hollywood
texas: houston, san antonio, dallas, austin, fort worth, el paso, galveston, corpus christi, laredo, lubbock, amarillo, waco
illinois: chicago, springfield
arizona: phoenix, tucson
pennsylvania: philadelphia, pittsburgh, harrisburg, scranton
florida: jacksonville, miami, tampa, orlando, tallahassee, fort lauderdale, palm beach, key west
ohio: columbus, cleveland, cincinnati, akron, dayton, toledo
indiana: indianapolis
north carolina: charlotte, raleigh
washington state: seattle, spokane, tacoma, olympia, redmond
colorado: denver
massachusetts: boston, cambridge massachusetts
tennessee: nashville, memphis, knoxville, chattanooga
michigan: detroit, lansing, flint, ann arbor, grand rapids
oklahoma: oklahoma city, tulsa
oregon: portland
nevada: las vegas, reno, carson city
kentucky: louisville, frankfort
maryland: baltimore, annapolis
wisconsin: milwaukee
new mexico: albuquerque, santa fe
missouri: kansas city, st louis=saint louis, jefferson city
georgia: atlanta, savannah
nebraska: omaha
minnesota: minneapolis, st paul=saint paul
louisiana: new orleans, baton rouge
hawaii: honolulu
alaska: anchorage, juneau
utah: salt lake city
virginia: richmond, arlington
connecticut: hartford, new haven
rhode island: providence
new jersey: newark, jersey city, trenton, princeton
idaho: boise
iowa: des moines
arkansas: little rock
wyoming: cheyenne
alabama: birmingham alabama
kansas: topeka
north dakota: bismarck
cuba: guantanamo bay=guantanamo
canada: ottawa, toronto, montreal, vancouver, calgary, edmonton, winnipeg, halifax, quebec city, victoria british columbia, regina, saskatoon, hamilton ontario
mexico: mexico city, guadalajara, monterrey, tijuana, cancun, acapulco, ciudad juarez=juarez, puebla
united kingdom: london, edinburgh, glasgow, manchester, liverpool, leeds, bristol, cardiff, belfast, oxford, sheffield, newcastle, nottingham, leicester, aberdeen, dover england, brighton, southampton, westminster
ireland: dublin, cork, galway
france: paris, marseille=marseilles, lyon=lyons, toulouse, nice, nantes, strasbourg, bordeaux, lille, cannes, calais, versailles
germany: berlin, hamburg, munich, cologne, frankfurt, stuttgart, dusseldorf=düsseldorf, dresden, leipzig, bonn, hanover, nuremberg
italy: rome, milan, naples, turin, florence, venice, genoa, bologna, palermo
spain: madrid, barcelona, valencia, seville, bilbao, malaga
portugal: lisbon, porto=oporto
netherlands: amsterdam, the hague=hague, rotterdam, utrecht
belgium: brussels, antwerp, ghent
switzerland: geneva, zurich, bern=berne, basel, lausanne, davos
austria: vienna, salzburg, innsbruck
denmark: copenhagen, aarhus, odense
norway: oslo, bergen, trondheim, stavanger, tromso=tromsø
sweden: stockholm, gothenburg=goteborg, malmo=malmö, uppsala
finland: helsinki, tampere, turku
iceland: reykjavik
poland: warsaw, krakow=cracow, gdansk
czech republic: prague
slovakia: bratislava
hungary: budapest
romania: bucharest
bulgaria: sofia
greece: athens, thessaloniki
serbia: belgrade
croatia: zagreb
bosnia: sarajevo
slovenia: ljubljana
albania: tirana
north macedonia: skopje
montenegro: podgorica
kosovo: pristina
cyprus: nicosia
malta: valletta
luxembourg: luxembourg city
estonia: tallinn
latvia: riga
lithuania: vilnius
belarus: minsk
moldova: chisinau
ukraine: kyiv=kiev, kharkiv=kharkov, odesa=odessa, lviv, mariupol, dnipro
russia: moscow, st petersburg=saint petersburg, novosibirsk, vladivostok, kaliningrad, grozny, sochi, yekaterinburg, murmansk
georgia: tbilisi
armenia: yerevan
azerbaijan: baku
turkey: ankara, istanbul, izmir, antalya
israel: jerusalem, tel aviv, haifa
palestine: ramallah, gaza city, hebron, bethlehem
lebanon: beirut
syria: damascus, aleppo, homs, raqqa, idlib
jordan: amman
iraq: baghdad, basra, mosul, erbil, fallujah, kirkuk, najaf, tikrit
iran: tehran, isfahan, mashhad, tabriz, shiraz
saudi arabia: riyadh, jeddah, mecca, medina
kuwait: kuwait city
qatar: doha
bahrain: manama
united arab emirates: dubai, abu dhabi
oman: muscat
yemen: sanaa, aden
egypt: cairo, alexandria, suez, sharm el sheikh
libya: tripoli, benghazi
tunisia: tunis
algeria: algiers
morocco: rabat, casablanca, marrakesh=marrakech, tangier
sudan: khartoum, darfur
south sudan: juba
ethiopia: addis ababa
eritrea: asmara
somalia: mogadishu
kenya: nairobi, mombasa
uganda: kampala
tanzania: dar es salaam, dodoma, zanzibar
rwanda: kigali
burundi: bujumbura
democratic republic of congo: kinshasa, goma, bukavu, lubumbashi, kisangani, bunia
congo: brazzaville
nigeria: lagos, abuja, kano
ghana: accra
ivory coast: abidjan, yamoussoukro
senegal: dakar
mali: bamako, timbuktu
niger: niamey
burkina faso: ouagadougou
guinea: conakry
sierra leone: freetown
liberia: monrovia
cameroon: yaounde, douala
angola: luanda
zambia: lusaka
zimbabwe: harare, bulawayo
mozambique: maputo
malawi: lilongwe
botswana: gaborone
namibia: windhoek
madagascar: antananarivo
south africa: johannesburg, cape town, pretoria, durban, soweto
afghanistan: kabul, kandahar, herat, mazar i sharif
pakistan: islamabad, karachi, lahore, peshawar, quetta, rawalpindi
india: new delhi=delhi, mumbai=bombay, kolkata=calcutta, chennai=madras, bangalore=bengaluru, hyderabad, ahmedabad, pune, srinagar, jaipur, lucknow
bangladesh: dhaka
sri lanka: colombo
nepal: kathmandu
bhutan: thimphu
myanmar: yangon=rangoon, naypyidaw, mandalay
thailand: bangkok, phuket, chiang mai
cambodia: phnom penh
laos: vientiane
vietnam: hanoi, ho chi minh city=saigon
malaysia: kuala lumpur
indonesia: jakarta, bali, surabaya
philippines: manila, davao, cebu
china: beijing=peking, shanghai, guangzhou=canton, shenzhen, chongqing, tianjin, wuhan, chengdu, nanjing, xian, hangzhou, harbin, lhasa, urumqi
taiwan: taipei
north korea: pyongyang
south korea: seoul, busan=pusan, incheon
japan: tokyo, osaka, kyoto, yokohama, nagoya, sapporo, kobe, hiroshima, nagasaki, fukushima, okinawa
mongolia: ulan bator=ulaanbaatar
kazakhstan: astana, almaty
uzbekistan: tashkent
kyrgyzstan: bishkek
tajikistan: dushanbe
turkmenistan: ashgabat
australia: sydney, melbourne, brisbane, perth, adelaide, canberra, darwin, hobart
new zealand: wellington, auckland, christchurch
brazil: brasilia, sao paulo, rio de janeiro=rio, salvador brazil, belo horizonte, recife, manaus, porto alegre
argentina: buenos aires, cordoba, rosario
chile: santiago
peru: lima
colombia: bogota, medellin, cali, cartagena
venezuela: caracas, maracaibo
ecuador: quito, guayaquil
bolivia: la paz, sucre
paraguay: asuncion
uruguay: montevideo
cuba: havana
haiti: port au prince
dominican republic: santo domingo
jamaica: kingston
puerto rico: san juan
panama: panama city
costa rica: san jose costa rica
nicaragua: managua
honduras: tegucigalpa
el salvador: san salvador
guatemala: guatemala city
";

/// News agencies and broadcasters that stories are credited to.
const NEWS: &str = "
associated press=ap, reuters=reuters news agency, agence france presse=afp=agence france-presse, bloomberg=bloomberg news, dow jones=dow jones newswires, xinhua=xinhua news agency, kyodo=kyodo news, jiji press=jiji, yonhap=yonhap news agency, tass=itar tass, ria novosti=ria, interfax, ansa, deutsche presse agentur=dpa, efe, press trust of india=pti, anadolu=anadolu agency, united press international=upi, canadian press, australian associated press=aap, press association=pa media, bbc, cnn, al jazeera, nbc=nbc news, cbs=cbs news, abc news, fox news, npr, pbs, sky news, new york times, washington post, wall street journal, financial times, the guardian=guardian, los angeles times, usa today, the economist, associated newspapers, knight ridder, cox news service, gannett, dpa international, kuna=kuwait news agency, wam, sana, irna, mena=middle east news agency, saudi press agency=spa, petra
";

/// Public bodies, companies' regulators and international organisations a statement
/// can be attributed to.
const BODIES: &str = "
united nations=un, world health organization=who, international monetary fund=imf, world bank, world trade organization=wto, nato=north atlantic treaty organization, european union=eu, european commission, european central bank=ecb, european parliament, african union=au, organization of american states=oas, opec, asean, g7, g20, interpol, red cross=international committee of the red cross=icrc, unicef, unesco, unhcr=un refugee agency, world food programme=wfp, international atomic energy agency=iaea, international criminal court=icc, amnesty international, human rights watch, doctors without borders=medecins sans frontieres=msf, greenpeace, federal bureau of investigation=fbi, central intelligence agency=cia, national security agency=nsa, department of homeland security=homeland security, department of justice=justice department=doj, state department, defense department=department of defense=pentagon, treasury department=treasury, federal reserve=fed, securities and exchange commission=sec, food and drug administration=fda, centers for disease control and prevention=centers for disease control=cdc, environmental protection agency=epa, federal aviation administration=faa, national transportation safety board=ntsb, federal trade commission=ftc, federal communications commission=fcc, national institutes of health=nih, nasa, white house, kremlin, congress, senate, house of representatives, supreme court, scotland yard, metropolitan police, mi5, mi6, bank of england, bank of japan, national health service=nhs, home office, foreign office, ministry of defence, ministry of defense, ministry of foreign affairs=foreign ministry, interior ministry, health ministry, finance ministry, police, army, navy, air force, coast guard, taliban, hamas, hezbollah, al qaeda=al qaida, islamic state=isis=isil, pan american health organization, world meteorological organization, international energy agency=iea, organisation for economic co operation and development=oecd, bank for international settlements, moody=moodys, standard and poor=s&p, fitch, united states geological survey=us geological survey=geological survey=usgs, european mediterranean seismological centre=european mediterranean seismological center=emsc, national weather service, national hurricane center, japan meteorological agency, met office, pacific tsunami warning center
";

/// Short ways of writing a body that are also ordinary words in lower case, or too
/// short to trust outside capitals.
fn is_short(key: &str) -> bool {
    !key.contains(' ') && key.len() <= 4
}

struct Tables {
    places: HashMap<String, &'static Place>,
    agencies: HashMap<String, &'static Agency>,
    /// The first word of every name in either table.
    first_words: HashSet<String>,
}

/// The folded words of a name, as the tokenizer would see them in running text.
fn key(name: &str) -> String {
    tokens::tokenize(name, 0..name.len()).into_iter().map(|t| t.norm).collect::<Vec<_>>().join(" ")
}

fn entries(table: &'static str) -> impl Iterator<Item = (Option<&'static str>, Vec<&'static str>)> {
    table.lines().filter(|line| !line.trim().is_empty()).flat_map(|line| {
        let (parent, items) = line.split_once(':').map_or((None, line), |(p, rest)| (Some(p.trim()), rest));
        let parent = parent.filter(|p| *p != "world");
        items.split(',').map(move |item| (parent, item.split('=').map(str::trim).collect()))
    })
}

fn add_places(tables: &mut Tables, table: &'static str, kind: PlaceKind) {
    for (within, names) in entries(table) {
        let place: &'static Place = Box::leak(Box::new(Place { name: names[0], kind, within }));
        for name in names {
            // The first table to name a word keeps it ("Georgia" the state, before the country).
            tables.places.entry(key(name)).or_insert(place);
        }
    }
}

fn add_agencies(tables: &mut Tables, table: &'static str, news: bool) {
    for (_, names) in entries(table) {
        for name in &names {
            let key = key(name);
            let agency = Agency { name: names[0], news, acronym_only: is_short(&key) };
            tables.agencies.entry(key).or_insert_with(|| Box::leak(Box::new(agency)));
        }
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut tables = Tables { places: HashMap::new(), agencies: HashMap::new(), first_words: HashSet::new() };
    add_places(&mut tables, STATES, PlaceKind::State);
    add_places(&mut tables, REGIONS, PlaceKind::Region);
    add_places(&mut tables, COUNTRIES, PlaceKind::Country);
    add_places(&mut tables, CITIES, PlaceKind::City);
    add_agencies(&mut tables, NEWS, true);
    add_agencies(&mut tables, BODIES, false);
    let firsts = tables.places.keys().chain(tables.agencies.keys()).filter_map(|k| k.split(' ').next());
    tables.first_words = firsts.map(str::to_owned).collect();
    tables
});

/// The longest gazetteer entry at the start of `words` (folded words), as its length
/// in words and the entry.
fn longest_at<T: ?Sized>(words: &[&str], table: &HashMap<String, &'static T>) -> Option<(usize, &'static T)> {
    // Most words start no name at all: one lookup of the first word's set says so.
    let first = words.first()?;
    if !TABLES.first_words.contains(*first) {
        return None;
    }
    let mut key = String::with_capacity(48);
    let mut found = None;
    for (length, word) in words.iter().enumerate() {
        if length > 0 {
            key.push(' ');
        }
        key.push_str(word);
        if let Some(hit) = table.get(&key) {
            found = Some((length + 1, *hit));
        }
    }
    found
}

/// The longest place named at the start of `words`.
pub fn place_at(words: &[&str]) -> Option<(usize, &'static Place)> {
    longest_at(words, &TABLES.places)
}

/// The longest agency or public body named at the start of `words`.
pub fn agency_at(words: &[&str]) -> Option<(usize, &'static Agency)> {
    longest_at(words, &TABLES.agencies)
}

/// The place with this canonical name or alias.
pub fn place_named(name: &str) -> Option<&'static Place> {
    TABLES.places.get(&key(name)).copied()
}

/// Whether `inner` is `outer` or lies somewhere within it.
fn lies_within(inner: &Place, outer: &Place) -> bool {
    let mut current = Some(inner);
    // The chain is a handful of steps (city, state, country, region); the bound
    // guards against a table that names a place within itself.
    for _ in 0..8 {
        match current {
            Some(place) if place.name == outer.name => return true,
            Some(place) => current = place.within.and_then(place_named),
            None => return false,
        }
    }
    false
}

/// Whether two places are one, or one lies within the other: "Lyon" and "France"
/// agree, "Lyon" and "Lille" do not.
pub fn same_or_within(a: &Place, b: &Place) -> bool {
    lies_within(a, b) || lies_within(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str) -> &'static Place {
        place_named(name).unwrap_or_else(|| panic!("{name} is not in the gazetteer"))
    }

    #[test]
    fn aliases_name_one_place() {
        assert_eq!(place("U.S.").name, "united states");
        assert_eq!(place("Britain").name, "united kingdom");
        assert_eq!(place("Kiev").name, place("Kyiv").name);
        assert_eq!(place("Calif.").kind, PlaceKind::State);
    }

    #[test]
    fn the_longest_name_wins() {
        let (length, hit) = place_at(&["new", "york", "city", "police"]).expect("in the gazetteer");
        assert_eq!((length, hit.name), (3, "new york"));
        let (length, hit) = place_at(&["south", "sudan", "said"]).expect("in the gazetteer");
        assert_eq!((length, hit.name), (2, "south sudan"));
        assert!(place_at(&["said", "paris"]).is_none());
    }

    #[test]
    fn a_city_agrees_with_its_country_and_region_but_not_with_another_city() {
        assert!(same_or_within(place("Lyon"), place("France")));
        assert!(same_or_within(place("Europe"), place("Lyon")));
        assert!(same_or_within(place("Atlanta"), place("Georgia")));
        assert!(!same_or_within(place("Lyon"), place("Lille")));
        assert!(!same_or_within(place("Paris"), place("Germany")));
        assert!(!same_or_within(place("Atlanta"), place("Britain")));
    }

    #[test]
    fn every_parent_is_itself_a_place() {
        for place in TABLES.places.values() {
            if let Some(parent) = place.within {
                assert!(place_named(parent).is_some(), "{} lies within unknown {parent}", place.name);
            }
        }
    }

    #[test]
    fn agencies_keep_one_name_and_short_forms_need_capitals() {
        let (_, ap) = agency_at(&["ap"]).expect("in the gazetteer");
        let (length, full) = agency_at(&["associated", "press", "said"]).expect("in the gazetteer");
        assert_eq!((ap.name, length), (full.name, 2));
        assert!(ap.acronym_only && ap.news && !full.acronym_only);
        let (_, who) = agency_at(&["who"]).expect("in the gazetteer");
        assert!(who.acronym_only && !who.news);
    }
}
