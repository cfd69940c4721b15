//! Made-up briefs for benchmarks and tests: deterministic, seeded text files shaped like the
//! sample in `seeds/` (caption, "MERICS Briefs", series, reading time, a title "A + B + C",
//! numbered topics with "At a glance", points and dated events, "MERICS comment" and a policy
//! footer, then "WORTH NOTING" with policy and corporate news and "Author(s)").
//!
//! The same index and seed always give the same bytes, on every platform: the random numbers
//! come from a small SplitMix64 generator, and all text from the vocabularies below (written
//! for this module; the institutions and companies are real names, the sentences are not
//! quotes). Each brief falls in one month between 2015 and 2025, and every brief parses with
//! [`crate::parse::parse_brief`] without warnings. A brief's title is unique among the first
//! 117,600 indices of a seed, so importing many of them gives no new versions of one another.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{BriefId, StoredBrief};

/// How many briefs to write, and from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenOptions {
    pub briefs: usize,
    pub seed: u64,
}

impl Default for GenOptions {
    fn default() -> Self {
        Self {
            briefs: 100,
            seed: 1,
        }
    }
}

/// The text of brief number `index` (from 0) of `seed`.
pub fn generate_brief(index: usize, seed: u64) -> String {
    build(index, seed).0
}

/// The file name [`write_briefs`] gives brief `index` (from 0): `brief-00001.txt` for 0.
pub fn file_name(index: usize) -> String {
    format!("brief-{:05}.txt", index + 1)
}

/// Writes `opts.briefs` briefs into `dir` (created if missing) and returns their paths, in
/// index order.
pub fn write_briefs(dir: &Path, opts: &GenOptions) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..opts.briefs)
        .map(|index| {
            let path = dir.join(file_name(index));
            std::fs::write(&path, generate_brief(index, opts.seed))?;
            Ok(path)
        })
        .collect()
}

/// Briefs `0..count` of `seed`, parsed and wrapped as the library holds them (ids 1..=count),
/// as [`crate::library::Library::new`] takes them.
pub fn stored_briefs(count: usize, seed: u64) -> Vec<StoredBrief> {
    (0..count).map(|index| stored_brief(index, seed)).collect()
}

/// Brief `index` of `seed`, parsed, with id `index + 1`.
pub fn stored_brief(index: usize, seed: u64) -> StoredBrief {
    let text = generate_brief(index, seed);
    // Generated briefs always parse; an error would be a bug caught by the tests below.
    let brief = crate::parse::parse_brief(&text).unwrap_or_default();
    StoredBrief {
        id: BriefId(index as i64 + 1),
        file_name: file_name(index),
        imported_at: "2025-01-01T00:00:00Z".to_owned(),
        brief,
    }
}

/// What a generated brief holds, for the tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Expect {
    title: String,
    year: i32,
    month: u32,
    topics: usize,
    /// Topics with a policy footer.
    policies: usize,
    events: usize,
    policy_news: usize,
    corporate_news: usize,
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/// SplitMix64: tiny, fast, and good enough for made-up text.
#[derive(Clone, Debug)]
struct Rng(u64);

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    fn new(seed: u64) -> Self {
        Self(mix(seed))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with `percent` percent probability.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn pick_ref<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabularies

/// A sector: short label (for titles), running-text phrase, English as policy names write it,
/// and Chinese as policy names write it.
struct Sector {
    label: &'static str,
    phrase: &'static str,
    doc: &'static str,
    zh: &'static str,
}

const fn sector(
    label: &'static str,
    phrase: &'static str,
    doc: &'static str,
    zh: &'static str,
) -> Sector {
    Sector {
        label,
        phrase,
        doc,
        zh,
    }
}

const SECTORS: &[Sector] = &[
    sector(
        "Semiconductors",
        "semiconductor industry",
        "Integrated Circuit Industry",
        "集成电路产业",
    ),
    sector(
        "Medical equipment",
        "medical equipment industry",
        "Medical Equipment Industry",
        "医疗装备产业",
    ),
    sector(
        "Industrial Internet",
        "Industrial Internet",
        "Industrial Internet",
        "工业互联网",
    ),
    sector(
        "Electric vehicles",
        "new energy vehicle sector",
        "New Energy Vehicle Industry",
        "新能源汽车产业",
    ),
    sector(
        "Battery industry",
        "power battery industry",
        "Power Battery Industry",
        "动力电池产业",
    ),
    sector(
        "Hydrogen",
        "hydrogen energy sector",
        "Hydrogen Energy Industry",
        "氢能产业",
    ),
    sector(
        "Robotics",
        "robotics industry",
        "Robot Industry",
        "机器人产业",
    ),
    sector(
        "Artificial intelligence",
        "artificial intelligence sector",
        "New Generation Artificial Intelligence Industry",
        "新一代人工智能产业",
    ),
    sector(
        "5G rollout",
        "5G network rollout",
        "5G Application",
        "5G应用",
    ),
    sector(
        "Big data",
        "big data industry",
        "Big Data Industry",
        "大数据产业",
    ),
    sector(
        "Cloud computing",
        "cloud computing market",
        "Cloud Computing Industry",
        "云计算产业",
    ),
    sector(
        "Data security",
        "data security regime",
        "Data Security Industry",
        "数据安全产业",
    ),
    sector(
        "Platform economy",
        "platform economy",
        "Platform Economy",
        "平台经济",
    ),
    sector("Steel", "steel industry", "Steel Industry", "钢铁行业"),
    sector(
        "Petrochemicals",
        "petrochemical industry",
        "Petrochemical Industry",
        "石化产业",
    ),
    sector(
        "Rare earths",
        "rare earth industry",
        "Rare Earth Industry",
        "稀土行业",
    ),
    sector(
        "Nonferrous metals",
        "nonferrous metals industry",
        "Nonferrous Metals Industry",
        "有色金属行业",
    ),
    sector(
        "Shipbuilding",
        "shipbuilding industry",
        "Shipbuilding Industry",
        "船舶工业",
    ),
    sector(
        "Civil aviation",
        "civil aviation sector",
        "Civil Aviation Industry",
        "民用航空产业",
    ),
    sector(
        "Satellite internet",
        "satellite internet sector",
        "Satellite Internet",
        "卫星互联网",
    ),
    sector(
        "Solar power",
        "solar photovoltaic industry",
        "Photovoltaic Industry",
        "光伏产业",
    ),
    sector(
        "Wind power",
        "wind power sector",
        "Wind Power Industry",
        "风电产业",
    ),
    sector(
        "Nuclear power",
        "nuclear power sector",
        "Nuclear Power Industry",
        "核电产业",
    ),
    sector("Power grid", "power grid", "Power Grid", "电网"),
    sector(
        "Energy storage",
        "new-type energy storage industry",
        "New-type Energy Storage Industry",
        "新型储能产业",
    ),
    sector(
        "Carbon market",
        "national carbon market",
        "Carbon Emissions Trading Market",
        "碳排放权交易市场",
    ),
    sector(
        "Biomedicine",
        "biomedicine industry",
        "Biomedicine Industry",
        "生物医药产业",
    ),
    sector(
        "Farm machinery",
        "agricultural machinery industry",
        "Agricultural Machinery Industry",
        "农机装备产业",
    ),
    sector(
        "Machine tools",
        "machine tool industry",
        "CNC Machine Tool Industry",
        "数控机床产业",
    ),
    sector(
        "Smart manufacturing",
        "smart manufacturing sector",
        "Intelligent Manufacturing",
        "智能制造",
    ),
    sector(
        "Software",
        "software industry",
        "Software and Information Technology Services Industry",
        "软件和信息技术服务业",
    ),
    sector(
        "Blockchain",
        "blockchain sector",
        "Blockchain Industry",
        "区块链产业",
    ),
    sector(
        "Digital yuan",
        "digital currency sector",
        "Digital Renminbi Pilot",
        "数字人民币试点",
    ),
    sector(
        "Fintech",
        "financial technology sector",
        "Financial Technology",
        "金融科技",
    ),
    sector(
        "Cybersecurity",
        "cybersecurity industry",
        "Cybersecurity Industry",
        "网络安全产业",
    ),
    sector(
        "Quantum technology",
        "quantum technology sector",
        "Quantum Technology",
        "量子科技",
    ),
    sector(
        "Rail equipment",
        "rail transit equipment industry",
        "Rail Transit Equipment Industry",
        "轨道交通装备产业",
    ),
    sector(
        "Logistics",
        "logistics sector",
        "Logistics Industry",
        "物流业",
    ),
    sector(
        "Autonomous driving",
        "intelligent connected vehicle sector",
        "Intelligent Connected Vehicle Industry",
        "智能网联汽车产业",
    ),
    sector(
        "Consumer electronics",
        "consumer electronics industry",
        "Consumer Electronics Industry",
        "消费电子产业",
    ),
    sector(
        "Textiles",
        "textile industry",
        "Textile Industry",
        "纺织工业",
    ),
    sector(
        "Building materials",
        "building materials industry",
        "Building Materials Industry",
        "建材工业",
    ),
    sector(
        "Chemicals",
        "chemical industry",
        "Chemical Industry",
        "化工行业",
    ),
    sector(
        "New materials",
        "new materials industry",
        "New Materials Industry",
        "新材料产业",
    ),
    sector(
        "Display panels",
        "display panel industry",
        "New Display Industry",
        "新型显示产业",
    ),
    sector(
        "Space industry",
        "commercial space industry",
        "Commercial Aerospace Industry",
        "商业航天产业",
    ),
    sector(
        "E-commerce",
        "e-commerce sector",
        "E-commerce Industry",
        "电子商务",
    ),
    sector(
        "Pharmaceuticals",
        "pharmaceutical industry",
        "Pharmaceutical Industry",
        "医药工业",
    ),
    sector(
        "Online gaming",
        "online gaming industry",
        "Online Game Industry",
        "网络游戏行业",
    ),
    sector(
        "Telecoms",
        "telecommunications sector",
        "Telecommunications Industry",
        "电信业",
    ),
];

// The title triples below assume exactly 50 sectors.
const _: () = assert!(SECTORS.len() == 50);

/// An issuing body: as footers write it, and its full name (equal when it has no acronym).
struct Body {
    short: &'static str,
    full: &'static str,
}

const fn body(short: &'static str, full: &'static str) -> Body {
    Body { short, full }
}

const BODIES: &[Body] = &[
    body("MIIT", "Ministry of Industry and Information Technology"),
    body("NDRC", "National Development and Reform Commission"),
    body("MOST", "Ministry of Science and Technology"),
    body("MOF", "Ministry of Finance"),
    body("MOFCOM", "Ministry of Commerce"),
    body("NEA", "National Energy Administration"),
    body("SAMR", "State Administration for Market Regulation"),
    body("CAC", "Cyberspace Administration of China"),
    body("PBOC", "People’s Bank of China"),
    body("State Council", "State Council"),
    body("MOT", "Ministry of Transport"),
    body("MEE", "Ministry of Ecology and Environment"),
    body("NHC", "National Health Commission"),
    body("NMPA", "National Medical Products Administration"),
    body("CSRC", "China Securities Regulatory Commission"),
    body(
        "SASAC",
        "State-owned Assets Supervision and Administration Commission",
    ),
    body("MNR", "Ministry of Natural Resources"),
    body("CAAC", "Civil Aviation Administration of China"),
    body("GACC", "General Administration of Customs of China"),
    body("STA", "State Taxation Administration"),
    body(
        "Beijing Municipal Economic and Information Bureau",
        "Beijing Municipal Economic and Information Bureau",
    ),
    body(
        "Shanghai Municipal Commission of Economy and Informatization",
        "Shanghai Municipal Commission of Economy and Informatization",
    ),
    body(
        "Guangdong Provincial Department of Industry and Information Technology",
        "Guangdong Provincial Department of Industry and Information Technology",
    ),
    body(
        "Zhejiang Provincial Development and Reform Commission",
        "Zhejiang Provincial Development and Reform Commission",
    ),
    body(
        "Shenzhen Municipal Bureau of Industry and Information Technology",
        "Shenzhen Municipal Bureau of Industry and Information Technology",
    ),
    body(
        "Jiangsu Provincial Department of Science and Technology",
        "Jiangsu Provincial Department of Science and Technology",
    ),
];

/// The national bodies with acronyms (the first 20), for joint footers such as "MIIT, NDRC".
const NATIONAL: usize = 20;

const COMPANIES: &[&str] = &[
    "Huawei",
    "Baidu",
    "Alibaba",
    "Tencent",
    "Xiaomi",
    "BYD",
    "CATL",
    "SMIC",
    "Hua Hong Semiconductor",
    "YMTC",
    "BOE",
    "Geely",
    "NIO",
    "XPeng",
    "Li Auto",
    "SAIC Motor",
    "Great Wall Motor",
    "Sinopec",
    "PetroChina",
    "State Grid",
    "China Mobile",
    "China Unicom",
    "China Telecom",
    "ZTE",
    "Lenovo",
    "DJI",
    "Meituan",
    "JD.com",
    "Pinduoduo",
    "ByteDance",
    "Didi",
    "Inspur",
    "Sany Heavy Industry",
    "COMAC",
    "CRRC",
    "LONGi",
    "Goldwind",
    "China Baowu",
    "Sinochem",
    "Mindray",
    "iFlytek",
    "SenseTime",
    "Horizon Robotics",
    "SVOLT",
    "Envision",
    "Volkswagen",
    "BMW",
    "Siemens",
    "BASF",
    "Tesla",
    "Bosch",
    "Airbus",
    "Qualcomm",
    "Intel",
];

const REGIONS: &[&str] = &[
    "Shanghai",
    "Shenzhen",
    "Guangzhou",
    "Hangzhou",
    "Suzhou",
    "Wuhan",
    "Hefei",
    "Chengdu",
    "Chongqing",
    "Xi’an",
    "Tianjin",
    "Nanjing",
    "Qingdao",
    "Xiamen",
    "Changsha",
    "Zhengzhou",
    "Huzhou",
    "Taizhou",
    "Ningbo",
    "Dongguan",
    "Hainan",
    "Inner Mongolia",
    "Xinjiang",
    "the Greater Bay Area",
    "the Yangtze River Delta",
];

const TECHS: &[&str] = &[
    "5G",
    "artificial intelligence",
    "big data analytics",
    "cloud services",
    "edge computing",
    "industrial software",
    "high-end chips",
    "smart sensors",
    "digital twins",
    "satellite navigation",
    "blockchain",
    "advanced materials",
    "autonomous driving",
    "hydrogen fuel cells",
    "grid-scale storage",
    "Internet of Things devices",
    "service robots",
    "quantum communication",
    "precision medicine",
    "smart grids",
    "chip design tools",
    "lithography equipment",
    "solid-state batteries",
    "carbon capture",
    "high-speed maglev trains",
    "telemedicine",
    "open-source operating systems",
    "power semiconductors",
];

const OUTLETS_CN: &[&str] = &[
    "Yicai",
    "Caixin",
    "Sina",
    "Jiemian",
    "36Kr",
    "The Paper",
    "Leiphone",
    "Gasgoo",
    "China Securities Journal",
    "People’s Daily",
    "Xinhua",
    "21st Century Business Herald",
];

const OUTLETS_EN: &[&str] = &[
    "Reuters",
    "Bloomberg",
    "Caixin",
    "SCMP",
    "Technode",
    "CGTN",
    "Xinhua",
    "Financial Times",
    "Nikkei Asia",
    "China Daily",
    "Gasgoo",
    "Yicai Global",
];

const DOC_WORDS: &[&str] = &[
    "notice",
    "plan",
    "guidelines",
    "document",
    "letter",
    "statement",
    "opinions",
    "measures",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Jonas", "Laura", "Max", "Sofia", "Felix", "Clara", "Lukas", "Mei", "Wei", "Lina",
    "Paul", "Nora", "Jan", "Eva", "Tobias",
];

const LAST_NAMES: &[&str] = &[
    "Keller", "Brandt", "Wagner", "Hoffmann", "Lorenz", "Vogel", "Zhang", "Liu", "Schmitt",
    "Becker", "Krüger", "Chen", "Fischer", "Wolf",
];

// Templates. Slots: {s} sector phrase, {S} sector label, {b} body (short), {B} body intro
// ("The Ministry of … (MIIT)"), {c} {c2} companies, {r} {r2} regions, {t} {t2} {t3} techs,
// {n} a number 3–60, {m} a number 10–500, {k} a number 2–9, {p} a percentage 5–60, {y} the brief's year, {y0} a
// year before it, {y2} a target year after it, {pm} the previous month's name, {d} document.

const HEADLINES: &[&str] = &[
    "{b} accelerates {t} applications and standard setting in the {s}",
    "New blueprint gives China’s {s} a high-tech boost",
    "{b} sets out ambitious {y2} targets for the {s}",
    "Beijing tightens oversight of the {s}",
    "{b} draft plan seeks to make the {s} more self-reliant",
    "Local governments race to support the {s}",
    "{r} wants to become a national hub for the {s}",
    "China’s {s} gets fresh policy support amid slowing growth",
    "Chinese tech giants pour money into the {s} as US sanctions bite",
    "{b} rolls out pilot zones for {t} in the {s}",
    "The government attaches strategic value to the tech-upgrade of the {s}",
    "Stricter rules for the {s} put foreign firms on alert",
    "{b} doubles down on green upgrades in the {s}",
    "Subsidy overhaul reshapes the {s}",
    "Foreign investors eye opportunities as {b} opens up the {s}",
    "Beijing’s new plan for the {s} targets global leadership by {y2}",
    "{c} and its peers benefit from renewed support for the {s}",
    "Data rules and standards move centre stage in the {s}",
    "{b} wants {t} to drive the next phase of the {s}",
    "Consolidation looms as {b} raises the bar for the {s}",
];

const GLANCE_OPENERS: &[&str] = &[
    "{B} has published {d} to accelerate the high-quality development of the {s} over the next {k} years.",
    "{B} issued {d} in draft form for public comments that aims to upgrade the {s} with {t} and {t2}.",
    "{B} has released detailed rules for the {s}, following a consultation that began in {pm}.",
    "{B} has made its annual call for key technology projects in the {s}.",
    "{B} has published a detailed explanation of {d} it issued in {pm}.",
    "{B} has announced {d} that is meant to turn the {s} into a pillar of China’s modern industrial system.",
    "{B} unveiled {d} that pairs fresh subsidies for the {s} with stricter entry requirements.",
];

const GLANCE_MIDDLES: &[&str] = &[
    "The document builds on earlier support measures and sets concrete goals for {y2}.",
    "It covers segments such as {t}, {t2} and {t3}.",
    "Backed by an annual budget of CNY {n} billion, it calls for at least {n} new demonstration projects each year.",
    "Eligible projects should be highly innovative, help to commercialise research results or involve international cooperation.",
    "The plan aims to fast track the use of {t} in traditional sectors such as machinery, chemicals and consumer goods.",
    "Companies that meet the new criteria may apply for tax breaks, cheaper land and priority access to credit.",
    "According to the {b}, the {s} already accounts for CNY {m} billion in annual revenue.",
    "Provincial authorities are to identify key enterprises and report on their progress every six months.",
];

const GLANCE_CLOSERS: &[&str] = &[
    "It outlines several goals for {y2}, including:",
    "The proposed key measures include:",
    "The submission guidelines list several priorities, including:",
    "Among its main targets are:",
    "The document sets out the following tasks:",
];

const EVENT_GLANCE_CLOSERS: &[&str] = &[
    "{pm} saw another series of high-profile deals in the {s}, including:",
    "Recent months brought a string of investments in the {s}, including:",
    "Several companies moved quickly after the announcement:",
];

const POINTS: &[&str] = &[
    "Achieve breakthroughs in {t} and key components for the {s}",
    "Raise the share of domestic suppliers in the {s} to {p} percent",
    "Create a national standard system for {t}",
    "Establish {n} demonstration zones for {t} by {y2}",
    "Cultivate {n} internationally competitive companies in the {s}",
    "Expand pilot programs for {t} in {r} and {r2}",
    "Strengthen data security and supply chain resilience in the {s}",
    "Support small and medium-sized enterprises in adopting {t}",
    "Lower entry barriers for private and foreign investors (up to {p} percent of shares)",
    "Improve the energy efficiency of key plants by at least {p} percent",
    "Promote the integration of {t} with {t2}, e.g., in smart factories",
    "Speed up the approval of new products, e.g., in {t}",
    "Increase the R&D spending of key enterprises to at least {k} percent of revenue",
    "Build an exchange and cooperation mechanism with the EU and Belt and Road countries",
    "Increase the productivity of key enterprises by at least {p} percent",
    "Set up a national innovation center for {t} in {r}",
    "Phase out outdated capacity and cap new projects in the {s}",
    "Train {m},000 engineers and technicians in {t} by {y2}",
];

const EVENTS: &[&str] = &[
    "{c} announces plans to invest CNY {n} billion in a new production base in {r}",
    "{c}’s venture capital arm invests in a start-up working on {t}, one of more than {n} such deals since {y0}",
    "Media reports say {c} is in talks to raise money for a stand-alone {t} subsidiary",
    "{c} and {c2} sign a strategic cooperation agreement on {t}",
    "The {b} approves {n} new projects in the {s}",
    "The government of {r} launches a CNY {n} billion fund for the {s}",
    "{c} completes its listing on Shanghai’s STAR Market, raising CNY {n} billion",
    "{c} unveils its first domestically developed product for {t}",
    "{c} wins a tender to supply {t} to state-owned customers in {r}",
];

const EXTRA_PARAGRAPHS: &[&str] = &[
    "By {y2}, China is to become a global hub for {t} research, manufacturing and application. The plan also highlights the goal of integrating the {s} with new technologies such as {t2} and {t3}.",
    "Two other aspects feature prominently in the document: making the {s} more environmentally friendly and achieving breakthroughs in {t}.",
    "The measures coincide with the release of two draft documents that detail how companies in the {s} can qualify for the tax benefits announced last year.",
    "The document also asks local governments to report on implementation by the end of {y}, and it promises a mid-term review in {y2}.",
];

const COMMENTS: &[&str] = &[
    "The plan is part of Beijing’s push to use technology and new infrastructure as drivers of growth.",
    "Its predecessor led to a wave of pilot projects and CNY {m} billion in investment in the {s}.",
    "Chinese efforts to upgrade, and specifically digitalize, the {s} are by no means new.",
    "The {s} was one of the strategic industries singled out for upgrading in the “Made in China 2025” initiative.",
    "The pandemic has accelerated the adoption of {t} and added a sense of urgency.",
    "Though still light on specifics, the document indicates continued government support for innovative companies in the field.",
    "Much of this support will likely go to Chinese companies.",
    "But given the expertise of leading European firms in {t}, foreign companies may also benefit from the renewed focus on upgrading the {s}.",
    "Pressured by US export controls, China’s tech industry is doing all it can to protect itself from further disruptions.",
    "For companies like {c}, investments in domestic suppliers are part of a survival strategy.",
    "In {y0}, the {s} grew by {p} percent, well above the national average.",
    "Local governments such as {r} have previously offered matching funds for similar projects.",
    "The move ties in with other efforts by the Chinese government to standardize industrial production and set Chinese standards internationally.",
    "Foreign firms should expect tougher competition from subsidized local champions.",
    "Yet even with huge amounts of capital and policy support, Chinese companies alone will not be able to meet domestic demand for {t}.",
    "Lower costs and fewer regulatory hurdles could allow both foreign and Chinese companies to accelerate their development of {t}.",
    "Opening up the {s} to foreign investors could bolster investment activity and increase confidence in the market.",
    "The focus on {t} is in line with the expansion of “new infrastructure” as a key pillar of the economic recovery.",
    "The {b} also expects the {s} to help upgrade domestic consumption and support the “dual circulation” strategy.",
    "Implementation will depend on provincial authorities, whose fiscal room has narrowed considerably.",
    "Overcapacity remains a risk, as dozens of cities have announced similar projects over the past {k} years.",
    "European companies will need to watch closely how the new rules on data and cybersecurity are enforced.",
    "The timing suggests that Beijing wants to show progress before the next Five-Year Plan is drafted.",
    "Industry associations have welcomed the plan, but smaller firms complain about the cost of compliance.",
    "Taken together, the measures seek to put China at the forefront of the global {s}.",
    "China only produces around {p} percent of the {t} it uses, so dependence on imports will persist for years.",
    "State-owned enterprises still dominate the {s}, which limits the room for private and foreign players.",
    "A similar campaign in {y0} ended with a wave of consolidation among smaller producers.",
    "The targets are ambitious, and past experience suggests that some of them will be quietly revised.",
    "Beijing attaches great strategic value to the modernization of the {s}.",
    "Remarkable progress has been made in {t}, and some of these technologies are already applied abroad.",
    "The {b} encourages Chinese companies to cooperate with foreign enterprises in standard setting and in exploring new business models.",
];

const POLICY_NEWS: &[&str] = &[
    "{B} publishes an action plan for the {s}, focusing on {t}",
    "{B} issues a notice with measures to improve the quality of {t} services",
    "{B} circulates an internal draft that proposes a {p} percent target for {t} by {y2}",
    "{B} publishes the final version of its guidelines for the {s}, first released as a draft in {pm}",
    "{B} and the {b2} jointly release a plan to expand {t} over the next {k} years",
    "{B} announces a review of subsidies for the {s}",
    "{B} names {n} pilot cities for {t}",
    "{B} launches a campaign against unfair competition in the {s}",
    "{B} lowers import tariffs on {n} products related to the {s}",
    "{B} tightens rules on the export of {t}",
    "{B} issues guiding opinions on building a green low-carbon {s}",
    "{B} publishes a list of {m} key projects for {t}",
];

const CORPORATE_NEWS: &[&str] = &[
    "{c} announces plans to build a new plant in {r} with an investment of CNY {n} billion",
    "{c} terminates its plans to launch a joint venture with {c2}",
    "{c} becomes the first company in China to obtain a license for commercial {t} services",
    "{c} receives approval for a plant in {r} to produce equipment for {t}",
    "{c} signs an agreement with the government of {r} to build a new base for {t}",
    "{c} says it will use chips and software from {c2} in its next generation of products",
    "A global industry body estimates that Chinese companies will invest almost USD {m} billion in {t} over the next five years",
    "{c} reportedly plans to roll out its {t} business in Western Europe by the end of {y}",
    "The German Chamber of Commerce in China publishes a survey that shows {p} percent of member firms plan to expand in China",
    "{c} raises CNY {n} billion in a private placement to fund research on {t}",
    "{c} and {c2} form a joint venture for {t} with registered capital of CNY {n} billion",
    "{c} cuts the prices of its entry-level models by up to {p} percent",
];

const CAPTION_SUBJECTS: &[&str] = &[
    "Exhibit",
    "Visitors",
    "A prototype",
    "Robots on display",
    "A demonstration booth",
    "An electric car",
];

const FAIRS: &[(&str, &str)] = &[
    ("World Artificial Intelligence Conference", "Shanghai"),
    ("China International Import Expo", "Shanghai"),
    ("Canton Fair", "Guangzhou"),
    ("World Internet Conference", "Zhejiang"),
    ("Zhongguancun Forum", "Beijing"),
    ("China Hi-Tech Fair", "Shenzhen"),
    ("Auto Shanghai show", "Shanghai"),
    ("World Intelligence Expo", "Tianjin"),
];

const CAPTION_PRODUCTS: &[&str] = &[
    "battery",
    "solar panel",
    "steel",
    "semiconductor",
    "electric vehicle",
    "textile",
    "drone",
];

// Policy names: a goal and a kind of document, in English and Chinese.

/// "Notice on …" / "关于…的通知" style documents.
const ABOUT_DOCS: &[(&str, &str)] = &[
    ("Notice", "通知"),
    ("Opinions", "意见"),
    ("Guiding Opinions", "指导意见"),
    ("Several Measures", "若干措施"),
    ("Announcement", "公告"),
];

/// Goals of "about" documents: {S} is the sector as documents write it, {Z} its Chinese.
const ABOUT_GOALS: &[(&str, &str)] = &[
    (
        "Accelerating the High-Quality Development of the {S}",
        "加快推进{Z}高质量发展",
    ),
    (
        "Promoting the Innovative Development of the {S}",
        "促进{Z}创新发展",
    ),
    (
        "Strengthening the Safety Supervision of the {S}",
        "加强{Z}安全监管",
    ),
    (
        "Supporting the Digital Transformation of the {S}",
        "支持{Z}数字化转型",
    ),
    (
        "Regulating the Orderly Development of the {S}",
        "规范{Z}有序发展",
    ),
    (
        "Deepening Reform and Opening-up in the {S}",
        "深化{Z}改革开放",
    ),
    (
        "Organizing Pilot Demonstrations in the {S}",
        "组织开展{Z}试点示范工作",
    ),
    (
        "Improving the Standard System of the {S}",
        "完善{Z}标准体系",
    ),
    (
        "Promoting the Green and Low-Carbon Development of the {S}",
        "推动{Z}绿色低碳发展",
    ),
    (
        "Building a Modern Supply Chain for the {S}",
        "构建{Z}现代供应链体系",
    ),
];

/// "… Action Plan" / "…行动计划" style documents.
const PLAN_DOCS: &[(&str, &str)] = &[
    ("Action Plan", "行动计划"),
    ("Implementation Plan", "实施方案"),
    ("Plan", "规划"),
    ("Administrative Measures", "管理办法"),
    ("Work Plan", "工作方案"),
    ("Guidelines", "指南"),
    ("Special Action Plan", "专项行动方案"),
];

const PLAN_TOPICS: &[(&str, &str)] = &[
    ("{S} High-Quality Development", "{Z}高质量发展"),
    ("{S} Digital Transformation", "{Z}数字化转型"),
    ("{S} Innovation and Development", "{Z}创新发展"),
    ("{S} Standard System Construction", "{Z}标准体系建设"),
    ("{S} Green Development", "{Z}绿色发展"),
    ("{S} Safety Management", "{Z}安全管理"),
    ("{S} Foundation Upgrading", "{Z}基础再造"),
    ("{S} Pilot Zone Construction", "{Z}先行区建设"),
];

/// What a footer's names say in running text: "an action plan".
const DOC_PHRASES: &[&str] = &[
    "a new action plan",
    "a three-year action plan",
    "an implementation plan",
    "a set of guiding opinions",
    "a notice",
    "new administrative measures",
    "a development plan",
];

// ---------------------------------------------------------------------------------------------
// Building a brief

/// Everything a template slot may take, fixed for one topic or news item.
struct Slots<'a> {
    sector: &'a Sector,
    body: &'a Body,
    year: i32,
    month: u32,
}

struct Writer {
    rng: Rng,
    out: String,
    year: i32,
    month: u32,
    days: u32,
    /// The company the last `{c}` named, for `{c2}` and an announcement source.
    company: &'static str,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize + 11) % 12]
}

/// The month before (`year`, `month`).
fn previous_month(year: i32, month: u32) -> (i32, u32) {
    if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    }
}

/// Uppercases the first letter.
fn capitalize(mut s: String) -> String {
    if let Some(first) = s.chars().next()
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}

/// "The Ministry of Transport (MOT)", or "The State Council" for a body without acronym.
fn body_intro(body: &Body) -> String {
    if body.short == body.full {
        format!("The {}", body.full)
    } else {
        format!("The {} ({})", body.full, body.short)
    }
}

/// The number of ordered title triples: 50 × 49 × 48 sectors.
const TITLE_TRIPLES: u64 = 117_600;

impl Writer {
    /// Fills the slots of `template`.
    fn fill(&mut self, template: &str, slots: &Slots<'_>) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            self.slot(name, slots, &mut out);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, name: &str, slots: &Slots<'_>, out: &mut String) {
        let rng = &mut self.rng;
        match name {
            "s" => out.push_str(slots.sector.phrase),
            "S" => out.push_str(slots.sector.label),
            "b" => out.push_str(slots.body.short),
            "B" => out.push_str(&body_intro(slots.body)),
            "b2" => {
                let other = loop {
                    let b = &BODIES[rng.below(NATIONAL)];
                    if b.short != slots.body.short {
                        break b;
                    }
                };
                let _ = write!(out, "{} ({})", other.full, other.short);
            }
            "c" => {
                self.company = rng.pick(COMPANIES);
                out.push_str(self.company);
            }
            "c2" => {
                let other = loop {
                    let c = rng.pick(COMPANIES);
                    if c != self.company {
                        break c;
                    }
                };
                out.push_str(other);
            }
            "r" | "r2" => out.push_str(rng.pick(REGIONS)),
            "t" | "t2" | "t3" => out.push_str(rng.pick(TECHS)),
            "n" => {
                let _ = write!(out, "{}", rng.range(3, 60));
            }
            "m" => {
                let _ = write!(out, "{}", rng.range(10, 500));
            }
            "p" => {
                let _ = write!(out, "{}", rng.range(5, 60));
            }
            "k" => {
                let _ = write!(out, "{}", rng.range(2, 9));
            }
            "y" => {
                let _ = write!(out, "{}", slots.year);
            }
            "y0" => {
                let _ = write!(out, "{}", slots.year - rng.range(1, 5) as i32);
            }
            "y2" => {
                let _ = write!(out, "{}", slots.year + rng.range(2, 10) as i32);
            }
            "pm" => out.push_str(month_name(previous_month(slots.year, slots.month).1)),
            "d" => out.push_str(rng.pick(DOC_PHRASES)),
            other => out.push_str(other),
        }
    }

    /// `count` sentences from `pool`, none of the templates in `used` (which gains them).
    fn sentences(
        &mut self,
        pool: &[&str],
        count: usize,
        used: &mut Vec<usize>,
        slots: &Slots<'_>,
    ) -> String {
        let mut out = String::new();
        let target = (used.len() + count).min(pool.len());
        while used.len() < target {
            let i = self.rng.below(pool.len());
            if used.contains(&i) {
                continue;
            }
            used.push(i);
            if !out.is_empty() {
                out.push(' ');
            }
            let sentence = self.fill(pool[i], slots);
            out.push_str(&capitalize(sentence));
        }
        out
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `count` days of the brief's month, in order.
    fn sorted_days(&mut self, count: usize) -> Vec<u32> {
        let mut days: Vec<u32> = (0..count)
            .map(|_| self.rng.range(1, self.days as usize) as u32)
            .collect();
        days.sort_unstable();
        days
    }

    fn header(&mut self, title: &str, topics: usize) {
        let caption = if self.rng.chance(60) {
            let (fair, city) = self.rng.pick(FAIRS);
            let year = self.year - self.rng.below(2) as i32;
            format!(
                "{} at the {year} {fair} in {city}",
                self.rng.pick(CAPTION_SUBJECTS)
            )
        } else {
            let product = self.rng.pick(CAPTION_PRODUCTS);
            let city = self.rng.pick(REGIONS);
            let a = if product.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            if self.rng.chance(50) {
                format!("Workers at {a} {product} factory in {city}")
            } else {
                capitalize(format!("{a} {product} production line in {city}"))
            }
        };
        self.line(&caption);
        self.line("MERICS Briefs");
        self.line("MERICS China Industries");
        let minutes = 2 * topics + self.rng.range(1, 3);
        self.line(&format!("{minutes} min read"));
        self.blank();
        self.line(title);
        self.blank();
    }

    /// A policy name in English and Chinese for `sector`, with "(Link)".
    fn policy_name(&mut self, sector: &Sector) -> String {
        let (mut en, mut zh) = if self.rng.chance(45) {
            let (doc_en, doc_zh) = self.rng.pick(ABOUT_DOCS);
            let (goal_en, goal_zh) = self.rng.pick(ABOUT_GOALS);
            (
                format!("{doc_en} on {}", goal_en.replace("{S}", sector.doc)),
                format!("关于{}的{doc_zh}", goal_zh.replace("{Z}", sector.zh)),
            )
        } else {
            let (doc_en, doc_zh) = self.rng.pick(PLAN_DOCS);
            let (topic_en, topic_zh) = self.rng.pick(PLAN_TOPICS);
            let mut en = format!("{} {doc_en}", topic_en.replace("{S}", sector.doc));
            let mut zh = format!("{}{doc_zh}", topic_zh.replace("{Z}", sector.zh));
            if self.rng.chance(50) {
                let start = self.year + self.rng.below(2) as i32;
                let end = start + if self.rng.chance(50) { 2 } else { 4 };
                let _ = write!(en, " ({start}-{end})");
                let _ = write!(zh, "({start}-{end}年)");
            }
            (en, zh)
        };
        if self.rng.chance(20) {
            en.push_str(" (Draft for Comments)");
            zh.push_str("(征求意见稿)");
        }
        if self.rng.chance(8) {
            en = format!("Interpretation of the “{en}”");
            zh = format!("《{zh}》解读");
        }
        format!("{en} ({zh}) (Link)")
    }

    /// The footer's issuing body: mostly one, sometimes two national bodies together.
    fn footer_body(&mut self, body: &Body) -> String {
        if self.rng.chance(10) && BODIES[..NATIONAL].iter().any(|b| b.short == body.short) {
            let other = loop {
                let b = &BODIES[self.rng.below(NATIONAL)];
                if b.short != body.short {
                    break b;
                }
            };
            format!("{}, {}", body.short, other.short)
        } else {
            body.short.to_owned()
        }
    }

    /// The policy's date: mostly in the brief's month, sometimes the month before.
    fn policy_date(&mut self) -> String {
        let (year, month) = if self.rng.chance(25) {
            previous_month(self.year, self.month)
        } else {
            (self.year, self.month)
        };
        let day = self.rng.range(1, days_in_month(year, month) as usize);
        format!("{} {day}, {year}", month_name(month))
    }

    /// Writes topic `number`; returns (has policy, events).
    fn topic(&mut self, number: usize, sector: &Sector, with_policy: bool) -> (bool, usize) {
        let body = self.rng.pick_ref(BODIES);
        let slots = Slots {
            sector,
            body,
            year: self.year,
            month: self.month,
        };
        let template = self.rng.pick(HEADLINES);
        let headline = capitalize(self.fill(template, &slots));
        self.line(&format!("{number}. {headline}"));
        self.blank();

        let footer = with_policy.then(|| {
            (
                self.policy_name(sector),
                self.footer_body(body),
                self.policy_date(),
            )
        });
        // Now and then the footer's body and date also stand before "At a glance", on its line.
        let inline = match &footer {
            Some((_, body, date)) if self.rng.chance(10) => {
                format!("Issuing body: {body} Date: {date} ")
            }
            _ => String::new(),
        };

        let bullets = self.rng.range(2, 5);
        let events = if self.rng.chance(30) {
            self.rng.range(1, bullets)
        } else {
            0
        };
        let points = bullets - events;
        let opener = self.rng.pick(GLANCE_OPENERS);
        let mut glance = capitalize(self.fill(opener, &slots));
        let middles = self.rng.range(2, 3);
        glance.push(' ');
        glance.push_str(&self.sentences(GLANCE_MIDDLES, middles, &mut Vec::new(), &slots));
        let closers = if points == 0 {
            EVENT_GLANCE_CLOSERS
        } else {
            GLANCE_CLOSERS
        };
        let closer = self.rng.pick(closers);
        glance.push(' ');
        glance.push_str(&capitalize(self.fill(closer, &slots)));
        self.line(&format!("{inline}At a glance: {glance}"));
        self.blank();

        let mut used = Vec::new();
        for _ in 0..points {
            let i = loop {
                let i = self.rng.below(POINTS.len());
                if !used.contains(&i) {
                    break i;
                }
            };
            used.push(i);
            let point = capitalize(self.fill(POINTS[i], &slots));
            self.line(&format!("  • {point}"));
        }
        for day in self.sorted_days(events) {
            let template = self.rng.pick(EVENTS);
            let event = capitalize(self.fill(template, &slots));
            self.line(&format!("  • {} {day}: {event}", month_name(self.month)));
        }
        self.blank();

        if self.rng.chance(55) {
            let template = self.rng.pick(EXTRA_PARAGRAPHS);
            let extra = capitalize(self.fill(template, &slots));
            self.line(&extra);
            self.blank();
        }

        let mut used = Vec::new();
        let first = self.rng.range(6, 8);
        let comment = self.sentences(COMMENTS, first, &mut used, &slots);
        self.line(&format!("MERICS comment: {comment}"));
        self.blank();
        let second = self.rng.range(5, 7);
        let comment = self.sentences(COMMENTS, second, &mut used, &slots);
        self.line(&comment);
        self.blank();

        if let Some((name, body, date)) = footer {
            self.blank();
            self.line(&format!("Policy name: {name}"));
            self.line(&format!("Issuing body: {body}"));
            self.line(&format!("Date: {date}"));
            self.blank();
        }
        (with_policy, events)
    }

    fn sources(&mut self, slots: &Slots<'_>, corporate: bool) -> String {
        let cn = if corporate {
            if !self.company.is_empty() && self.rng.chance(20) {
                format!("{} announcement", self.company)
            } else {
                format!("{} article", self.rng.pick(OUTLETS_CN))
            }
        } else {
            format!("{} {}", slots.body.short, self.rng.pick(DOC_WORDS))
        };
        let en = format!("{} article", self.rng.pick(OUTLETS_EN));
        match self.rng.below(10) {
            0 => format!("({en} (EN))"),
            1..=3 => format!("({cn} (CN))"),
            _ => format!("({cn} (CN); {en} (EN))"),
        }
    }

    fn news(&mut self, section: &str, count: usize, corporate: bool) {
        self.line(section);
        self.blank();
        let pool = if corporate {
            CORPORATE_NEWS
        } else {
            POLICY_NEWS
        };
        for day in self.sorted_days(count) {
            let slots = Slots {
                sector: self.rng.pick_ref(SECTORS),
                body: &BODIES[self.rng.below(if corporate {
                    BODIES.len()
                } else {
                    // Policy news mostly comes from national bodies.
                    NATIONAL
                })],
                year: self.year,
                month: self.month,
            };
            let template = self.rng.pick(pool);
            self.company = "";
            let text = capitalize(self.fill(template, &slots));
            let sources = self.sources(&slots, corporate);
            self.line(&format!(
                "  • {} {day}: {text} {sources}",
                month_name(self.month)
            ));
        }
        self.blank();
    }

    fn authors(&mut self) {
        self.line("Author(s)");
        if self.rng.chance(50) {
            let count = self.rng.range(1, 2);
            let names: Vec<String> = (0..count)
                .map(|_| {
                    format!(
                        "{} {}",
                        self.rng.pick(FIRST_NAMES),
                        self.rng.pick(LAST_NAMES)
                    )
                })
                .collect();
            self.line(&names.join(", "));
        }
    }
}

/// The three sectors of brief `index`'s title: distinct, and a different triple for each of
/// the first [`TITLE_TRIPLES`] indices of a seed.
fn title_sectors(index: usize, seed: u64) -> [usize; 3] {
    // An odd multiplier coprime with 117,600 (= 2^5 · 3 · 5^2 · 7^2) permutes the triples.
    const STEP: u64 = 104_729;
    let offset = mix(seed ^ 0x5eed) % TITLE_TRIPLES;
    let mut k = ((index as u64 % TITLE_TRIPLES) * STEP + offset) % TITLE_TRIPLES;
    let mut left: Vec<usize> = (0..SECTORS.len()).collect();
    let mut out = [0; 3];
    for (slot, size) in out.iter_mut().zip([50u64, 49, 48]) {
        let i = (k % size) as usize;
        k /= size;
        *slot = left.remove(i);
    }
    out
}

fn build(index: usize, seed: u64) -> (String, Expect) {
    let mut rng = Rng::new(mix(seed).wrapping_add((index as u64).wrapping_mul(GOLDEN)));
    // 2015-01 … 2025-12.
    let months = rng.below(11 * 12);
    let year = 2015 + (months / 12) as i32;
    let month = (months % 12) as u32 + 1;
    let mut w = Writer {
        rng,
        out: String::with_capacity(16 * 1024),
        year,
        month,
        days: days_in_month(year, month),
        company: "",
    };
    let title_sectors = title_sectors(index, seed);
    let title = title_sectors
        .iter()
        .map(|&s| SECTORS[s].label)
        .collect::<Vec<_>>()
        .join(" + ");
    let topics = w.rng.range(3, 6);
    let mut expect = Expect {
        title: title.clone(),
        year,
        month,
        topics,
        ..Expect::default()
    };
    w.header(&title, topics);
    for t in 0..topics {
        let sector = match title_sectors.get(t) {
            Some(&s) => &SECTORS[s],
            None => w.rng.pick_ref(SECTORS),
        };
        // The first topic always has a footer, so the brief has a full date for its year.
        let with_policy = t == 0 || w.rng.chance(80);
        let (policy, events) = w.topic(t + 1, sector, with_policy);
        expect.policies += usize::from(policy);
        expect.events += events;
    }
    w.line("WORTH NOTING");
    w.blank();
    let total = w.rng.range(10, 20);
    let policy_news = w.rng.range(4, total - 4);
    w.news("Policy news", policy_news, false);
    w.news("Corporate news", total - policy_news, true);
    w.authors();
    expect.policy_news = policy_news;
    expect.corporate_news = total - policy_news;
    (w.out, expect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Section};
    use crate::parse::parse_brief;

    #[test]
    fn generated_briefs_parse_cleanly_and_completely() {
        for index in 0..200 {
            let (text, expect) = build(index, 42);
            let brief = parse_brief(&text).unwrap_or_else(|e| panic!("brief {index}: {e}"));
            assert!(
                brief.warnings.is_empty(),
                "brief {index} has warnings {:?}\n{text}",
                brief.warnings
            );
            assert_eq!(brief.title, expect.title, "brief {index}");
            assert_eq!(brief.series.as_deref(), Some("MERICS China Industries"));
            assert_eq!(brief.publisher.as_deref(), Some("MERICS"));
            assert!(brief.caption.is_some() && brief.reading_minutes.is_some());
            assert_eq!(brief.period, Period::new(expect.year, expect.month));
            assert_eq!(brief.topics.len(), expect.topics, "brief {index}");
            for (t, topic) in brief.topics.iter().enumerate() {
                assert_eq!(topic.number as usize, t + 1);
                assert!(!topic.at_a_glance.is_empty() && !topic.comment.is_empty());
                assert_eq!(topic.comment.matches("\n\n").count(), 1, "two paragraphs");
                assert!(topic.points.len() + topic.events.len() >= 1);
                assert!(topic.events.iter().all(|e| e.date.is_some()));
            }
            let policies: Vec<_> = brief
                .topics
                .iter()
                .filter_map(|t| t.policy.as_ref())
                .collect();
            assert_eq!(policies.len(), expect.policies, "brief {index}");
            for policy in policies {
                assert!(policy.date.is_some(), "brief {index}: {policy:?}");
                assert!(!policy.name.is_empty() && !policy.name.contains("Link"));
                assert!(policy.name_zh.is_some(), "brief {index}: {policy:?}");
                assert!(policy.issuing_body.is_some());
            }
            let events: usize = brief.topics.iter().map(|t| t.events.len()).sum();
            assert_eq!(events, expect.events, "brief {index}");
            let count = |s| brief.news.iter().filter(|n| n.section == s).count();
            assert_eq!(count(Section::Policy), expect.policy_news, "brief {index}");
            assert_eq!(count(Section::Corporate), expect.corporate_news);
            for item in &brief.news {
                let period = item.date.map(Period::of);
                assert_eq!(period, Period::new(expect.year, expect.month));
                assert!(!item.sources.is_empty() && item.sources.iter().all(|s| s.lang.is_some()));
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        for index in [0, 1, 17, 999] {
            assert_eq!(generate_brief(index, 7), generate_brief(index, 7));
        }
        assert_eq!(generate_brief(3, 7).len(), build(3, 7).0.len());
    }

    #[test]
    fn other_seeds_and_indices_give_other_text() {
        assert_ne!(generate_brief(0, 1), generate_brief(0, 2));
        assert_ne!(generate_brief(0, 1), generate_brief(1, 1));
        // Not merely a shifted copy: the topics differ too.
        let a = parse_brief(&generate_brief(5, 1)).unwrap();
        let b = parse_brief(&generate_brief(5, 2)).unwrap();
        assert_ne!(a.topics[0].headline, b.topics[0].headline);
        assert_ne!(a.topics[0].comment, b.topics[0].comment);
    }

    #[test]
    fn sizes_are_close_to_the_sample() {
        let sizes: Vec<usize> = (0..200).map(|i| generate_brief(i, 42).len()).collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((14_000..=16_000).contains(&mean), "mean size {mean}");
        assert!(sizes.iter().all(|&s| s > 6_000 && s < 30_000), "{sizes:?}");
    }

    #[test]
    fn generated_titles_are_unique_and_periods_spread() {
        let mut titles = std::collections::HashSet::new();
        let mut years = std::collections::BTreeSet::new();
        for index in 0..3000 {
            let (_, expect) = build(index, 9);
            assert!(titles.insert(expect.title), "title of {index} repeats");
            years.insert(expect.year);
        }
        assert_eq!(
            years.into_iter().collect::<Vec<_>>(),
            (2015..=2025).collect::<Vec<_>>()
        );
        let [a, b, c] = title_sectors(TITLE_TRIPLES as usize - 1, 9);
        assert!(a != b && b != c && a != c);
    }

    #[test]
    fn write_briefs_names_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let paths = write_briefs(dir.path(), &GenOptions { briefs: 3, seed: 5 }).unwrap();
        let names: Vec<_> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["brief-00001.txt", "brief-00002.txt", "brief-00003.txt"]
        );
        assert_eq!(
            std::fs::read_to_string(&paths[1]).unwrap(),
            generate_brief(1, 5)
        );
        let stored = stored_briefs(2, 5);
        assert_eq!(stored[1].id, BriefId(2));
        assert_eq!(stored[1].brief, parse_brief(&generate_brief(1, 5)).unwrap());
    }
}

#[cfg(test)]
mod scratch {
    #[test]
    fn scratch() {
        let base = crate::generate::generate_brief(0, 1);
        let i = base.find("Policy news\n\n").unwrap() + "Policy news\n\n".len();
        for extra in [
            "  • March 1-3: The NDRC holds a conference (NDRC statement (CN))\n",
            "  • December 30-January 2: The NDRC holds a conference (NDRC statement (CN))\n",
            "  • March 30-April 2: The Ministry of Commerce (MOFCOM) holds a conference (NDRC statement (CN))\n",
        ] {
            let mut t = base.clone();
            t.insert_str(i, extra);
            let b = crate::parse::parse_brief(&t).unwrap();
            println!(
                "{:?} {:?}",
                b.warnings,
                b.news
                    .iter()
                    .take(1)
                    .map(|n| (n.date, n.until, &n.text))
                    .collect::<Vec<_>>()
            );
            println!(
                "glossary {:?}",
                b.glossary
                    .iter()
                    .map(|g| (&g.term, &g.meaning))
                    .collect::<Vec<_>>()
            );
            println!("period {:?}", b.period);
        }
    }
}
