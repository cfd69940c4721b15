//! Made-up briefs for benchmarks and tests: deterministic, seeded text files in the page
//! layouts real saved MERICS pages use (see `tests/fixtures/briefs/layouts/`).
//!
//! About 55% have the sample's shape (`seeds/`): caption, "MERICS Briefs", series, reading
//! time, a title "A + B + C", numbered topics with "At a glance", points and dated events,
//! "MERICS comment" and a policy footer, then "WORTH NOTING" with policy and corporate news
//! and "Author(s)". The rest vary it as real pages do: a "MERICS TOP 5" heading, a contents
//! list (naming the authors now and then) with a subscription notice, a monthly title
//! "MERICS China Industries Briefing - October 2020", a German reading time, no "MERICS
//! Briefs" line, the header on one line, an image file name as caption, a compact rendering
//! without blank lines, a repost with runs of blank lines; and MERICS China Essentials issues
//! ("Top story" and further stories) and single stories labelled "The facts" / "What to
//! watch" / "MERICS analysis". `Layout` lists them with their shares.
//!
//! The same index and seed always give the same bytes, on every platform: the random numbers
//! come from a small SplitMix64 generator, and all text from the vocabularies below (written
//! for this module; the institutions and companies are real names, the sentences are not
//! quotes). Each brief falls in one month between 2015 and 2025 (China Essentials pages carry
//! no date, so they parse without a period), and every brief parses with
//! [`crate::parse::parse_brief`] without warnings. A brief's title is unique among the first
//! 117,600 indices of a seed, so importing many of them gives no new versions of one another:
//! monthly titles each name a month of their own, and the others are made of the index's
//! three sectors.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{BriefId, Period, StoredBrief};

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

/// What a generated brief holds, for the tests: what [`crate::parse::parse_brief`] should
/// read from it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Expect {
    layout: Layout,
    title: String,
    /// The month the brief is set in.
    year: i32,
    month: u32,
    /// The period the parser gives: the month above, or none for a page without dates.
    period: Option<Period>,
    series: &'static str,
    caption: Option<String>,
    reading_minutes: Option<u32>,
    authors: Vec<String>,
    contents: Vec<String>,
    /// A subscription notice's paragraphs.
    notes: Vec<String>,
    topics: Vec<TopicExpect>,
    policy_news: usize,
    corporate_news: usize,
    /// News entries over several days: (year, month, day) of the first and the last.
    news_ranges: Vec<[(i32, u32, u32); 2]>,
    /// Acronyms the text defines, with their full names.
    acronyms: Vec<(&'static str, &'static str)>,
}

/// What one topic (or China Essentials story) holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct TopicExpect {
    headline: String,
    points: usize,
    events: usize,
    /// It has a policy footer.
    policy: bool,
    glance_paragraphs: usize,
    comment_paragraphs: usize,
    watch_paragraphs: usize,
}

// ---------------------------------------------------------------------------------------------
// Page layouts

/// The layouts real saved MERICS pages come in (see `tests/fixtures/briefs/layouts/`), each
/// brief in one of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Layout {
    /// The sample's: caption, "MERICS Briefs", series, reading time, "A + B + C", topics,
    /// "Worth noting", "Author(s)".
    #[default]
    Full,
    /// A "MERICS TOP 5" heading (in one of its spellings) between title and topic 1.
    TopFive,
    /// A contents list of the headlines after the title, now and then with the authors'
    /// names in its introduction and a subscription notice after it.
    Contents,
    /// The title "MERICS China Industries Briefing - October 2020".
    Monthly,
    /// "13 Minuten Lesedauer".
    German,
    /// No "MERICS Briefs" line.
    NoBriefsLine,
    /// "MERICS Briefs MERICS China Industries 11 min read" on one line.
    InlineHeader,
    /// The header image's file name as caption.
    FileCaption,
    /// No header but the title and "MERICS Top 5", and no blank line anywhere.
    Compact,
    /// " date 2021-10-10 MERICS China Industries:", then runs of blank lines.
    Repost,
    /// A China Essentials issue: "Top story" and further stories, no "Worth noting".
    Essentials,
    /// A single China Essentials story labelled "The facts", "What to watch" and "MERICS
    /// analysis".
    EssentialsLabels,
}

impl Layout {
    const ALL: [Layout; 12] = [
        Layout::Full,
        Layout::TopFive,
        Layout::Contents,
        Layout::Monthly,
        Layout::German,
        Layout::NoBriefsLine,
        Layout::InlineHeader,
        Layout::FileCaption,
        Layout::Compact,
        Layout::Repost,
        Layout::Essentials,
        Layout::EssentialsLabels,
    ];

    /// Briefs per thousand in this layout. Monthly titles take one index in
    /// [`MONTHLY_EVERY`] (while there are months left for them); the others are drawn with
    /// these weights.
    fn per_mille(self) -> usize {
        match self {
            Layout::Full => 551,
            Layout::TopFive => 102,
            Layout::Contents => 51,
            Layout::Monthly => 34,
            Layout::German => 34,
            Layout::NoBriefsLine => 34,
            Layout::InlineHeader => 25,
            Layout::FileCaption => 25,
            Layout::Compact => 51,
            Layout::Repost => 25,
            Layout::Essentials => 51,
            Layout::EssentialsLabels => 17,
        }
    }
}

/// The months briefs fall in: 2015-01 … 2025-12.
const MONTH_SPAN: usize = 11 * 12;

/// One index in this many has a monthly title, in the first `MONTHLY_EVERY` × [`MONTH_SPAN`]
/// indices of a seed: each of them in a month of its own, since two briefs with the same title
/// and period would be versions of one another.
const MONTHLY_EVERY: usize = 29;

/// The month (0 = January 2015) of brief `index`'s monthly title, if it has one: one index
/// of each block of [`MONTHLY_EVERY`], the blocks in distinct months.
fn monthly_month(index: usize, seed: u64) -> Option<usize> {
    let block = index / MONTHLY_EVERY;
    if block >= MONTH_SPAN {
        return None;
    }
    let slot = mix(seed ^ 0x6d6f_6e74 ^ (block as u64).wrapping_mul(GOLDEN)) % MONTHLY_EVERY as u64;
    if (index % MONTHLY_EVERY) as u64 != slot {
        return None;
    }
    // 97 is prime and does not divide 132: the blocks take every month once.
    let offset = mix(seed ^ 0x6d6f) as usize % MONTH_SPAN;
    Some((block * 97 + offset) % MONTH_SPAN)
}

/// Brief `index`'s layout, drawn with its own random numbers (so the layout does not shift
/// the text's).
fn layout_of(index: usize, seed: u64) -> Layout {
    if monthly_month(index, seed).is_some() {
        return Layout::Monthly;
    }
    let mut rng = Rng::new(mix(seed ^ 0x1a_0075).wrapping_add((index as u64).wrapping_mul(GOLDEN)));
    let drawn = Layout::ALL.iter().filter(|&&l| l != Layout::Monthly);
    let total: usize = drawn.clone().map(|l| l.per_mille()).sum();
    let mut pick = rng.below(total);
    for &layout in drawn {
        if pick < layout.per_mille() {
            return layout;
        }
        pick -= layout.per_mille();
    }
    Layout::Full
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
    "Key aspects include:",
    "The main measures are:",
    "Among other things, it calls for:",
    "The plan foresees:",
    "Companies will have to meet several requirements, such as:",
    "Its priorities are:",
];

const EVENT_GLANCE_CLOSERS: &[&str] = &[
    "{pm} saw another series of high-profile deals in the {s}, including:",
    "Recent months brought a string of investments in the {s}, including:",
    "Several companies moved quickly after the announcement:",
    "Companies in the {s} reacted quickly, with moves such as:",
    "The weeks that followed brought several deals in the {s}:",
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
    "{Bn} publishes an action plan for the {s}, focusing on {t}",
    "{Bn} issues a notice with measures to improve the quality of {t} services",
    "{Bn} circulates an internal draft that proposes a {p} percent target for {t} by {y2}",
    "{Bn} publishes the final version of its guidelines for the {s}, first released as a draft in {pm}",
    "{Bn} and the {b2} jointly release a plan to expand {t} over the next {k} years",
    "{Bn} announces a review of subsidies for the {s}",
    "{Bn} names {n} pilot cities for {t}",
    "{Bn} launches a campaign against unfair competition in the {s}",
    "{Bn} lowers import tariffs on {n} products related to the {s}",
    "{Bn} tightens rules on the export of {t}",
    "{Bn} issues guiding opinions on building a green low-carbon {s}",
    "{Bn} publishes a list of {m} key projects for {t}",
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
    "{c} receives approval from the {bi} to build a plant for {t} in {r}",
    "{c} is fined CNY {n} million by the {bi} for breaching competition rules",
    "{c} joins a working group of the {bi} that drafts national standards for {t}",
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

// MERICS China Essentials: stories about politics and the economy, with their own captions,
// headlines and sentences. Slots as above; {bi} is a body's full name with its acronym
// ("Ministry of Commerce (MOFCOM)") for running text after "the".

const ESSENTIALS_CAPTIONS: &[&str] = &[
    "Delegates arrive at the Great Hall of the People in Beijing",
    "Flags in front of the Zhongnanhai leadership compound in Beijing",
    "A press conference of the State Council Information Office",
    "Commuters in the business district of Shanghai",
    "Container ships wait off the coast of Ningbo",
    "Students queue for a job fair at a university in Wuhan",
    "A freight train leaves the rail port in Chongqing",
    "Visitors at a trade fair in Guangzhou",
    "Delegates vote during a session of the National People’s Congress",
];

const STORY_HEADLINES: &[&str] = &[
    "Beijing doubles down on self-reliance in the {s}",
    "{b} tightens its grip on the {s}",
    "Local debt worries cloud the outlook for the {s}",
    "{r} courts foreign investors with new incentives for the {s}",
    "Party leaders call for faster progress in {t}",
    "Export controls on {t} add to trade tensions with the EU",
    "Overcapacity fears grow as provinces pour money into the {s}",
    "Beijing strikes a softer tone toward private firms in the {s}",
    "New security rules put data flows in the {s} under scrutiny",
    "China and the EU spar over subsidies for the {s}",
    "{c} becomes the face of China’s push into {t}",
    "Provinces are told to cut red tape for the {s}",
    "The Politburo sets new priorities for the {s}",
    "Weak demand at home pushes the {s} to look abroad",
    "Beijing answers US sanctions with new rules for {t}",
    "A new five-year plan for the {s} takes shape",
];

/// A single-story page's headline, which is also its title: the brief's three sectors make
/// it unique, as the "A + B + C" titles are.
const SINGLE_HEADLINES: &[&str] = &[
    "Beijing ties support for the {1} to new targets for the {2} and the {3}",
    "New rules for the {1} spill over into the {2} and the {3}",
    "Trade frictions over the {1} put the {2} and the {3} on alert",
    "After the {1}, Beijing turns its attention to the {2} and the {3}",
];

const STORY_OPENERS: &[&str] = &[
    "{B} has issued new guidelines that put the {s} at the center of its plans for the coming years.",
    "{B} has announced a review of the rules that govern the {s}.",
    "Officials in {r} have unveiled a package of measures to revive the {s}, weeks after the {bi} called for more local initiative.",
    "{B} has summoned executives from {c} and other leading firms in the {s} to discuss new targets.",
    "Figures published by the {bi} show that investment in the {s} grew by {p} percent in the first months of {y}.",
    "China’s leadership has made the {s} a priority again, according to a readout of a meeting chaired by the {bi}.",
];

const STORY_SENTENCES: &[&str] = &[
    "The move is part of a wider effort to reduce China’s dependence on foreign technology.",
    "Local governments are expected to follow with their own implementation plans within months.",
    "State-owned enterprises will play a leading role as first buyers of domestic products.",
    "Analysts in Beijing see the step as a response to growing pressure from Washington and Brussels.",
    "Private companies have welcomed the announcement, but many remain cautious about new investments.",
    "The {s} employs more than {k} million people and accounts for a growing share of exports.",
    "In {y0}, a similar campaign ended with a wave of bankruptcies among smaller firms.",
    "Officials have promised to consult industry associations before the rules take effect.",
    "European companies in {r} report that approvals have become slower and less predictable.",
    "The timing suggests that Beijing wants to show results before the next party plenum.",
    "Much will depend on whether provinces have the money to pay for the promised subsidies.",
    "Foreign chambers of commerce have asked for clearer rules on data transfers and market access.",
    "Companies such as {c} and {c2} are expected to benefit most from the new policy.",
    "The leadership has repeatedly warned against disorderly expansion and price wars in the sector.",
    "Critics point out that earlier targets for {t} were quietly revised when they proved out of reach.",
    "For now, the measures are framed as pilots, which leaves room for adjustments.",
    "Exports of {t} rose by {p} percent last year, adding to trade frictions with the EU.",
    "Beijing regards the {s} as a question of economic security, not only of growth.",
    "Provincial leaders in {r} and {r2} have already announced matching funds.",
    "State media covered the announcement with unusual prominence.",
    "Economists warn that the measures do little to address weak household demand.",
    "The document also calls for closer coordination between ministries, a recurring complaint of businesses.",
    "Some of the new rules apply to projects that are already under way, which has unsettled investors.",
    "The EU has signaled that it will look closely at how the measures affect foreign firms.",
    "Observers expect further details to be published in the coming weeks.",
    "The authorities have not said how they will measure progress toward the targets.",
    "Several cities have already set up funds worth up to CNY {n} billion to support local champions.",
    "Smaller firms complain that they lack the capital to meet the new requirements.",
    "The plan repeats many goals of earlier documents, but its deadlines are tighter.",
    "Beijing also hopes the measures will create jobs for the growing number of university graduates.",
];

/// Sentences that end a story's paragraph and introduce the bullet points under it.
const STORY_LEADINS: &[&str] = &[
    "The document lists several priorities:",
    "Key aspects include:",
    "The main measures are:",
    "Among other things, the authorities want to:",
    "Officials named the following goals:",
    "Companies are asked to:",
];

const WATCH_SENTENCES: &[&str] = &[
    "Whether provinces set aside the money the plan needs.",
    "Whether the {b} publishes binding implementation rules before the end of {y}.",
    "How foreign companies in the {s} are treated in public procurement.",
    "Whether the EU responds with an investigation of its own.",
    "Signs that state banks are told to extend cheap loans to firms in the {s}.",
    "Whether {c} and other leading firms announce new investments in {r}.",
    "Also watch for similar measures in other sectors, such as {t}.",
    "A first review of the targets is due in {y2}, and it will show how seriously they are meant.",
];

/// The notice a page puts after its contents list when it shows a free excerpt: three
/// paragraphs, one from each list ({series} is the series' name).
const NOTICE_EXCERPT: &[&str] = &[
    "What follows is a free excerpt of this issue, covering its first topic.",
    "Below you can read the first part of this issue free of charge.",
    "This free excerpt shows the opening of the issue.",
];

const NOTICE_SUBSCRIBE: &[&str] = &[
    "Subscribe to MERICS Pro for full access to all {series} briefs and our analyses.",
    "For the full issue and the archive of all briefs, please subscribe to MERICS Pro.",
    "A subscription to MERICS Pro gives you every issue of the {series} in full.",
];

const NOTICE_MEMBERS: &[&str] = &[
    "MERICS members have access to all briefs, our research and our events.",
    "Members of MERICS also enjoy privileged access to our publications and events.",
    "If you are a MERICS member, please log in to read on.",
];

const TOP_HEADINGS: &[&str] = &[
    "MERICS TOP 5",
    "MERICS Top 5",
    "Merics Top 5",
    "MERICS' Top 5",
    "MERICS’ Top 5",
];

const STORY_HEADINGS: &[&str] = &["Top story", "TOP STORY", "Top Story"];

// ---------------------------------------------------------------------------------------------
// Building a brief

const INDUSTRIES: &str = "MERICS China Industries";
const ESSENTIALS: &str = "MERICS China Essentials";

/// Everything a template slot may take, fixed for one topic or news item.
struct Slots {
    sector: &'static Sector,
    body: &'static Body,
    year: i32,
    month: u32,
}

/// How a page spaces its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// One blank line between blocks; bullets "  • ".
    Normal,
    /// No blank line anywhere; bullets "- ", flush left.
    Compact,
    /// Runs of two or three blank lines between blocks.
    Repost,
}

struct Writer {
    rng: Rng,
    out: String,
    year: i32,
    month: u32,
    days: u32,
    style: Style,
    /// The company the last `{c}` named, for `{c2}` and an announcement source.
    company: &'static str,
    /// The technology the last `{t}` named, for `{t2}` and `{t3}`.
    tech: &'static str,
    /// The acronyms the text has defined ("Ministry of Commerce (MOFCOM)"), with their full
    /// names, in the order first defined.
    defined: Vec<(&'static str, &'static str)>,
}

/// A topic (or story) decided before the page is written, since a contents list names its
/// headline before the topic itself.
struct TopicPlan {
    sector: &'static Sector,
    body: &'static Body,
    headline: String,
    with_policy: bool,
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

/// The month after (`year`, `month`).
fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
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
    format!("The {}", body_full(body))
}

/// "Ministry of Transport (MOT)", or "State Council" for a body without acronym.
fn body_full(body: &Body) -> String {
    if body.short == body.full {
        body.full.to_owned()
    } else {
        format!("{} ({})", body.full, body.short)
    }
}

/// Notes that `body`'s acronym has been defined.
fn define(defined: &mut Vec<(&'static str, &'static str)>, body: &'static Body) {
    if body.short != body.full && !defined.iter().any(|(short, _)| *short == body.short) {
        defined.push((body.short, body.full));
    }
}

/// "A", "A and B", "A, B and C".
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A headline as a contents list is compared with it: letters and digits, lower case.
fn normalised(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The number of ordered title triples: 50 × 49 × 48 sectors.
const TITLE_TRIPLES: u64 = 117_600;

impl Writer {
    /// Fills the slots of `template`.
    fn fill(&mut self, template: &str, slots: &Slots) -> String {
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

    fn slot(&mut self, name: &str, slots: &Slots, out: &mut String) {
        let Writer {
            rng,
            company,
            tech,
            defined,
            ..
        } = self;
        let body = slots.body;
        match name {
            "s" => out.push_str(slots.sector.phrase),
            "S" => out.push_str(slots.sector.label),
            "b" => out.push_str(body.short),
            "B" => {
                out.push_str(&body_intro(body));
                define(defined, body);
            }
            // A news entry names a body in full now and then, else by its acronym.
            "Bn" => {
                if body.short == body.full || rng.chance(40) {
                    out.push_str(&body_intro(body));
                    define(defined, body);
                } else {
                    out.push_str(body.short);
                }
            }
            "bi" => {
                out.push_str(&body_full(body));
                define(defined, body);
            }
            "b2" => {
                let other = loop {
                    let b = &BODIES[rng.below(NATIONAL)];
                    if b.short != body.short {
                        break b;
                    }
                };
                out.push_str(&body_full(other));
                define(defined, other);
            }
            "c" => {
                *company = rng.pick(COMPANIES);
                out.push_str(company);
            }
            "c2" => {
                let other = loop {
                    let c = rng.pick(COMPANIES);
                    if c != *company {
                        break c;
                    }
                };
                out.push_str(other);
            }
            "r" | "r2" => out.push_str(rng.pick(REGIONS)),
            // "{t} with {t2}": two different technologies.
            "t" => {
                *tech = rng.pick(TECHS);
                out.push_str(tech);
            }
            "t2" | "t3" => {
                let other = loop {
                    let t = rng.pick(TECHS);
                    if t != *tech {
                        break t;
                    }
                };
                out.push_str(other);
            }
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
        slots: &Slots,
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

    /// `count` different points from [`POINTS`].
    fn points(&mut self, count: usize, slots: &Slots) -> Vec<String> {
        let mut used = Vec::new();
        (0..count)
            .map(|_| {
                let i = loop {
                    let i = self.rng.below(POINTS.len());
                    if !used.contains(&i) {
                        break i;
                    }
                };
                used.push(i);
                capitalize(self.fill(POINTS[i], slots))
            })
            .collect()
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// The space between two blocks: a blank line, none on a compact page, and a run of
    /// them in a repost.
    fn blank(&mut self) {
        match self.style {
            Style::Normal => self.out.push('\n'),
            Style::Compact => {}
            Style::Repost => {
                for _ in 0..self.rng.range(2, 3) {
                    self.out.push('\n');
                }
            }
        }
    }

    /// A bullet point: "  • text", or on a compact page "- text".
    fn bullet(&mut self, text: &str) {
        let glyph = match self.style {
            Style::Compact => "- ",
            Style::Normal | Style::Repost => "  • ",
        };
        self.out.push_str(glyph);
        self.line(text);
    }

    /// `count` days of the brief's month, in order.
    fn sorted_days(&mut self, count: usize) -> Vec<u32> {
        let mut days: Vec<u32> = (0..count)
            .map(|_| self.rng.range(1, self.days as usize) as u32)
            .collect();
        days.sort_unstable();
        days
    }

    /// `count` different names ("Anna Keller").
    fn names(&mut self, count: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::with_capacity(count);
        while names.len() < count {
            let name = format!(
                "{} {}",
                self.rng.pick(FIRST_NAMES),
                self.rng.pick(LAST_NAMES)
            );
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The sample's caption: a photo at a fair or a factory.
    fn caption(&mut self) -> String {
        if self.rng.chance(60) {
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
        }
    }

    /// A caption that is the header image's file name, as some saved pages keep it.
    fn file_caption(&mut self) -> String {
        let day = self.rng.range(1, self.days as usize);
        let date = format!("{:02}{:02}{day:02}", self.year % 100, self.month);
        match self.rng.below(3) {
            0 => format!("{date}_MERICS China Industries_header"),
            1 => format!(
                "{}_MERICS_China_Industries_{date}.jpg",
                self.rng.range(100_000_000, 999_999_999)
            ),
            _ => format!("MERICS_China_Industries_{date}_header.png"),
        }
    }

    /// A subscription notice of three paragraphs; returns them.
    fn notice(&mut self, series: &str) -> Vec<String> {
        let mut paragraphs = Vec::with_capacity(3);
        for pool in [NOTICE_EXCERPT, NOTICE_SUBSCRIBE, NOTICE_MEMBERS] {
            let text = self.rng.pick(pool).replace("{series}", series);
            self.line(&text);
            self.blank();
            paragraphs.push(text);
        }
        // Some pages leave a line of one space after it.
        if self.rng.chance(30) {
            self.line(" ");
        }
        paragraphs
    }

    /// Decides `count` topics: the first three on the title's sectors, each with a headline
    /// from `pool` that no other topic of the brief has.
    fn plan_topics(&mut self, count: usize, sectors: &[usize; 3], pool: &[&str]) -> Vec<TopicPlan> {
        let mut plans: Vec<TopicPlan> = Vec::with_capacity(count);
        let mut used = Vec::new();
        for t in 0..count {
            let sector = match sectors.get(t) {
                Some(&s) => &SECTORS[s],
                None => self.rng.pick_ref(SECTORS),
            };
            let body = self.rng.pick_ref(BODIES);
            let slots = Slots {
                sector,
                body,
                year: self.year,
                month: self.month,
            };
            // A template once per brief (while there are enough), and never a headline twice.
            let headline = loop {
                let i = self.rng.below(pool.len());
                if used.contains(&i) && used.len() < pool.len() {
                    continue;
                }
                let headline = capitalize(self.fill(pool[i], &slots));
                let key = normalised(&headline);
                if plans.iter().all(|p| normalised(&p.headline) != key) {
                    used.push(i);
                    break headline;
                }
            };
            // The first topic always has a footer, so the brief has a full date for its year.
            let with_policy = t == 0 || self.rng.chance(80);
            plans.push(TopicPlan {
                sector,
                body,
                headline,
                with_policy,
            });
        }
        plans
    }

    // -----------------------------------------------------------------------------------------
    // MERICS China Industries

    /// A China Industries brief: the header `layout` calls for, numbered topics, "Worth
    /// noting" and "Author(s)".
    fn industries(&mut self, layout: Layout, title: String, sectors: &[usize; 3]) -> Expect {
        let count = self.rng.range(3, 6);
        let plans = self.plan_topics(count, sectors, HEADLINES);
        let headlines: Vec<String> = plans.iter().map(|p| p.headline.clone()).collect();
        let mut expect = Expect {
            layout,
            title,
            year: self.year,
            month: self.month,
            period: Period::new(self.year, self.month),
            series: INDUSTRIES,
            ..Expect::default()
        };
        self.industries_header(layout, &headlines, &mut expect);
        for (t, plan) in plans.iter().enumerate() {
            let topic = self.topic(t + 1, plan);
            expect.topics.push(topic);
        }
        self.line("WORTH NOTING");
        self.blank();
        let total = self.rng.range(10, 20);
        let policy_news = self.rng.range(4, total - 4);
        self.news("Policy news", policy_news, false, &mut expect.news_ranges);
        self.news(
            "Corporate news",
            total - policy_news,
            true,
            &mut expect.news_ranges,
        );
        expect.policy_news = policy_news;
        expect.corporate_news = total - policy_news;
        // The names a contents list gave, then any the author line adds.
        let named = std::mem::take(&mut expect.authors);
        let mut authors = self.authors(&named);
        for name in named {
            if !authors.contains(&name) {
                authors.push(name);
            }
        }
        expect.authors = authors;
        expect
    }

    /// The lines before topic 1.
    fn industries_header(&mut self, layout: Layout, headlines: &[String], expect: &mut Expect) {
        match layout {
            Layout::Compact => {
                // A rendering that starts with its title and keeps no blank line.
                self.out.push_str("\n\n");
                self.line(&expect.title);
                let heading = self.rng.pick(TOP_HEADINGS);
                self.line(heading);
                return;
            }
            Layout::Repost => {
                let day = self.rng.range(1, self.days as usize);
                self.line(&format!(
                    " date {}-{:02}-{day:02} {INDUSTRIES}:",
                    self.year, self.month
                ));
                self.blank();
                self.line(&expect.title);
                self.blank();
                return;
            }
            _ => {}
        }
        let caption = if layout == Layout::FileCaption {
            self.file_caption()
        } else {
            self.caption()
        };
        self.line(&caption);
        expect.caption = Some(caption);
        let minutes = 2 * headlines.len() + self.rng.range(1, 3);
        expect.reading_minutes = Some(minutes as u32);
        if layout == Layout::InlineHeader {
            self.line(&format!("MERICS Briefs {INDUSTRIES} {minutes} min read"));
        } else {
            if layout != Layout::NoBriefsLine {
                self.line("MERICS Briefs");
            }
            self.line(INDUSTRIES);
            if layout == Layout::German {
                self.line(&format!("{minutes} Minuten Lesedauer"));
            } else {
                self.line(&format!("{minutes} min read"));
            }
        }
        self.blank();
        self.line(&expect.title);
        self.blank();
        let top_heading = match layout {
            Layout::TopFive => true,
            Layout::German | Layout::NoBriefsLine | Layout::InlineHeader | Layout::FileCaption => {
                self.rng.chance(50)
            }
            _ => false,
        };
        if top_heading {
            let heading = self.rng.pick(TOP_HEADINGS);
            self.line(heading);
            self.blank();
        }
        if layout == Layout::Contents {
            self.industries_contents(headlines, expect);
        }
    }

    /// A contents list of the topics' headlines, and now and then a subscription notice.
    fn industries_contents(&mut self, headlines: &[String], expect: &mut Expect) {
        let intro = match self.rng.below(3) {
            0 => format!("In this issue of the {INDUSTRIES} we cover the following topics:"),
            1 => format!("In this issue of {INDUSTRIES}, we cover the following topics:"),
            _ => {
                let count = self.rng.range(1, 2);
                let names = self.names(count);
                let verb = if count == 1 { "looks" } else { "look" };
                let intro = format!(
                    "In the latest issue of {INDUSTRIES}, {} {verb} at the following topics:",
                    join_and(&names)
                );
                expect.authors = names;
                intro
            }
        };
        self.line(&intro);
        self.blank();
        if self.rng.chance(60) {
            // "  1.  Headline  ", a blank line after each.
            for (k, headline) in headlines.iter().enumerate() {
                let gap = if self.rng.chance(50) { "  " } else { " " };
                let trailing = if self.rng.chance(40) { "  " } else { "" };
                self.line(&format!("  {}.{gap}{headline}{trailing}", k + 1));
                self.blank();
            }
        } else {
            for headline in headlines {
                self.line(&format!("- {headline}"));
            }
            self.blank();
        }
        expect.contents = headlines.to_vec();
        if self.rng.chance(60) {
            expect.notes = self.notice(INDUSTRIES);
        }
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

    /// Writes topic `number` as `plan` has it.
    fn topic(&mut self, number: usize, plan: &TopicPlan) -> TopicExpect {
        let slots = Slots {
            sector: plan.sector,
            body: plan.body,
            year: self.year,
            month: self.month,
        };
        self.line(&format!("{number}. {}", plan.headline));
        self.blank();

        let footer = plan.with_policy.then(|| {
            (
                self.policy_name(plan.sector),
                self.footer_body(plan.body),
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
        // Some pages put a check mark before the label (never on a line a footer starts).
        let check = if inline.is_empty() && self.rng.chance(4) {
            "✔"
        } else {
            ""
        };
        self.line(&format!("{inline}{check}At a glance: {glance}"));
        self.blank();

        // A repost may write its points as plain lines, each a block of its own.
        let plain = self.style == Style::Repost && events == 0 && self.rng.chance(50);
        for point in self.points(points, &slots) {
            if plain {
                self.line(&point);
                self.blank();
            } else {
                self.bullet(&point);
            }
        }
        for day in self.sorted_days(events) {
            let template = self.rng.pick(EVENTS);
            let event = capitalize(self.fill(template, &slots));
            self.bullet(&format!("{} {day}: {event}", month_name(self.month)));
        }
        // (A paragraph after plain points would read as one more of them.)
        let extra = !plain && self.rng.chance(55);
        if !plain {
            self.blank();
        }
        if extra {
            let template = self.rng.pick(EXTRA_PARAGRAPHS);
            let extra = capitalize(self.fill(template, &slots));
            self.line(&extra);
            self.blank();
        }

        let mut used = Vec::new();
        let first = self.rng.range(6, 8);
        let comment = self.sentences(COMMENTS, first, &mut used, &slots);
        let space = if self.rng.chance(5) { "   " } else { " " };
        self.line(&format!("MERICS comment:{space}{comment}"));
        self.blank();
        let second = self.rng.range(5, 7);
        let comment = self.sentences(COMMENTS, second, &mut used, &slots);
        self.line(&comment);
        self.blank();

        if let Some((name, body, date)) = footer {
            // Two blank lines before the footer (a repost's runs of them are long enough).
            if self.style == Style::Normal {
                self.blank();
            }
            self.line(&format!("Policy name: {name}"));
            self.line(&format!("Issuing body: {body}"));
            self.line(&format!("Date: {date}"));
            self.blank();
        }
        TopicExpect {
            headline: plan.headline.clone(),
            points,
            events,
            policy: plan.with_policy,
            glance_paragraphs: 1 + usize::from(extra),
            comment_paragraphs: 2,
            watch_paragraphs: 0,
        }
    }

    fn sources(&mut self, slots: &Slots, corporate: bool) -> String {
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

    /// A news entry's date: mostly a day, sometimes a range of days ("March 1-3",
    /// "March 30-April 2"), whose first and last day go to `ranges`.
    fn news_date(&mut self, day: u32, ranges: &mut Vec<[(i32, u32, u32); 2]>) -> String {
        let month = month_name(self.month);
        if !self.rng.chance(6) {
            return format!("{month} {day}");
        }
        let start = (self.year, self.month, day);
        let end = day + self.rng.range(1, 3) as u32;
        if end <= self.days {
            ranges.push([start, (self.year, self.month, end)]);
            format!("{month} {day}-{end}")
        } else {
            let (year, next) = next_month(self.year, self.month);
            let end = end - self.days;
            ranges.push([start, (year, next, end)]);
            format!("{month} {day}-{} {end}", month_name(next))
        }
    }

    fn news(
        &mut self,
        section: &str,
        count: usize,
        corporate: bool,
        ranges: &mut Vec<[(i32, u32, u32); 2]>,
    ) {
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
            let when = self.news_date(day, ranges);
            self.bullet(&format!("{when}: {text} {sources}"));
        }
        self.blank();
    }

    /// "Author(s)" and, on half the pages, a line of names (the names a contents list gave,
    /// if any); returns the names written.
    fn authors(&mut self, named: &[String]) -> Vec<String> {
        self.line("Author(s)");
        let names = if named.is_empty() {
            if self.rng.chance(50) {
                let count = self.rng.range(1, 2);
                self.names(count)
            } else {
                Vec::new()
            }
        } else if self.rng.chance(70) {
            named.to_vec()
        } else {
            Vec::new()
        };
        if !names.is_empty() {
            self.line(&names.join(", "));
        }
        names
    }

    // -----------------------------------------------------------------------------------------
    // MERICS China Essentials

    /// The lines of an Essentials page down to its title: caption, "MERICS Briefs" (not
    /// always), series and reading time.
    fn essentials_header(&mut self, minutes: usize, title: &str, expect: &mut Expect) {
        let caption = self.rng.pick(ESSENTIALS_CAPTIONS).to_owned();
        self.line(&caption);
        expect.caption = Some(caption);
        if self.rng.chance(70) {
            self.line("MERICS Briefs");
        }
        self.line(ESSENTIALS);
        self.line(&format!("{minutes} min read"));
        expect.reading_minutes = Some(minutes as u32);
        self.blank();
        self.line(title);
        self.blank();
    }

    /// An Essentials issue: a "Top story" and up to three more stories, each under its
    /// headline, with a contents list whenever there is more than one.
    fn essentials(&mut self, title: String, sectors: &[usize; 3]) -> Expect {
        let stories = if self.rng.chance(15) {
            1
        } else {
            self.rng.range(2, 5)
        };
        let plans = self.plan_topics(stories, sectors, STORY_HEADLINES);
        let mut expect = Expect {
            layout: Layout::Essentials,
            title,
            year: self.year,
            month: self.month,
            period: None,
            series: ESSENTIALS,
            ..Expect::default()
        };
        let minutes = 3 * stories + self.rng.range(1, 3);
        let title = expect.title.clone();
        self.essentials_header(minutes, &title, &mut expect);
        if stories > 1 || self.rng.chance(50) {
            let intro = self.rng.pick(&[
                "In this issue of the MERICS China Essentials we cover the following topics:",
                "In this issue of MERICS China Essentials, we cover the following topics:",
                "In today’s issue of our MERICS China Essentials, we look at the following topics:",
            ]);
            self.line(intro);
            self.blank();
            for (k, plan) in plans.iter().enumerate() {
                let entry = if k == 0 {
                    format!("TOP STORY: {}", plan.headline)
                } else {
                    plan.headline.clone()
                };
                self.bullet(&entry);
                expect.contents.push(entry);
            }
            self.blank();
            if self.rng.chance(40) {
                expect.notes = self.notice(ESSENTIALS);
            }
        }
        let heading = self.rng.pick(STORY_HEADINGS);
        self.line(heading);
        self.blank();
        for (k, plan) in plans.iter().enumerate() {
            let (byline, paragraphs) = if k == 0 { (40, (8, 11)) } else { (20, (5, 8)) };
            let story = self.story(plan, byline, paragraphs, &mut expect.authors);
            expect.topics.push(story);
        }
        expect
    }

    /// A story: headline, perhaps a byline, paragraphs, and now and then a list of points
    /// after a paragraph that ends in a lead-in.
    fn story(
        &mut self,
        plan: &TopicPlan,
        byline: usize,
        (fewest, most): (usize, usize),
        authors: &mut Vec<String>,
    ) -> TopicExpect {
        let slots = Slots {
            sector: plan.sector,
            body: plan.body,
            year: self.year,
            month: self.month,
        };
        self.line(&plan.headline);
        self.blank();
        if self.rng.chance(byline) {
            let count = self.rng.range(1, 2);
            let names = self.names(count);
            self.line(&format!("By {}", join_and(&names)));
            self.blank();
            for name in names {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
        let paragraphs = self.rng.range(fewest, most);
        let list_after = self.rng.chance(40).then(|| self.rng.below(paragraphs));
        let mut used = Vec::new();
        let mut points = 0;
        for p in 0..paragraphs {
            let mut text = if p == 0 {
                let opener = self.rng.pick(STORY_OPENERS);
                capitalize(self.fill(opener, &slots))
            } else {
                String::new()
            };
            let count = self.rng.range(3, 5);
            if used.len() + count > STORY_SENTENCES.len() {
                used.clear();
            }
            let more = self.sentences(STORY_SENTENCES, count, &mut used, &slots);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&more);
            if list_after == Some(p) {
                text.push(' ');
                text.push_str(self.rng.pick(STORY_LEADINS));
            }
            self.line(&text);
            self.blank();
            if list_after == Some(p) {
                let count = self.rng.range(2, 4);
                for point in self.points(count, &slots) {
                    self.bullet(&point);
                }
                self.blank();
                points += count;
            }
        }
        TopicExpect {
            headline: plan.headline.clone(),
            points,
            events: 0,
            policy: false,
            glance_paragraphs: paragraphs,
            comment_paragraphs: 0,
            watch_paragraphs: 0,
        }
    }

    /// A single-story Essentials page: its headline is its title, and "The facts", "What to
    /// watch" and "MERICS analysis" label its parts.
    fn essentials_single(&mut self, sectors: &[usize; 3]) -> Expect {
        let [a, b, c] = sectors.map(|s| SECTORS[s].phrase);
        let title = self
            .rng
            .pick(SINGLE_HEADLINES)
            .replace("{1}", a)
            .replace("{2}", b)
            .replace("{3}", c);
        let mut expect = Expect {
            layout: Layout::EssentialsLabels,
            title: title.clone(),
            year: self.year,
            month: self.month,
            period: None,
            series: ESSENTIALS,
            ..Expect::default()
        };
        let minutes = self.rng.range(5, 7);
        self.essentials_header(minutes, &title, &mut expect);
        if self.rng.chance(30) {
            let count = self.rng.range(1, 2);
            let names = self.names(count);
            self.line(&format!("By {}", join_and(&names)));
            self.blank();
            expect.authors = names;
        }
        let slots = Slots {
            sector: &SECTORS[sectors[0]],
            body: self.rng.pick_ref(BODIES),
            year: self.year,
            month: self.month,
        };
        let opener = self.rng.pick(GLANCE_OPENERS);
        let mut facts = capitalize(self.fill(opener, &slots));
        let middles = self.rng.range(2, 3);
        facts.push(' ');
        facts.push_str(&self.sentences(GLANCE_MIDDLES, middles, &mut Vec::new(), &slots));
        let closer = self.rng.pick(GLANCE_CLOSERS);
        facts.push(' ');
        facts.push_str(&capitalize(self.fill(closer, &slots)));
        self.line(&format!("The facts: {facts}"));
        self.blank();
        let points = self.rng.range(3, 5);
        for point in self.points(points, &slots) {
            self.bullet(&point);
        }
        self.blank();
        let mut used = Vec::new();
        let extra = self.rng.chance(80);
        if extra {
            let count = self.rng.range(4, 5);
            let text = self.sentences(STORY_SENTENCES, count, &mut used, &slots);
            self.line(&text);
            self.blank();
        }
        let mut watch_used = Vec::new();
        let count = self.rng.range(1, 2);
        let watch = self.sentences(WATCH_SENTENCES, count, &mut watch_used, &slots);
        self.line(&format!("What to watch: {watch}"));
        self.blank();
        let second_watch = self.rng.chance(50);
        if second_watch {
            let count = self.rng.range(1, 2);
            let watch = self.sentences(WATCH_SENTENCES, count, &mut watch_used, &slots);
            self.line(&watch);
            self.blank();
        }
        let mut used = Vec::new();
        let first = self.rng.range(6, 8);
        let analysis = self.sentences(COMMENTS, first, &mut used, &slots);
        self.line(&format!("MERICS analysis: {analysis}"));
        self.blank();
        let more = self.rng.range(2, 3);
        for _ in 0..more {
            let count = self.rng.range(4, 6);
            let analysis = self.sentences(COMMENTS, count, &mut used, &slots);
            self.line(&analysis);
            self.blank();
        }
        expect.topics.push(TopicExpect {
            headline: title,
            points,
            events: 0,
            policy: false,
            glance_paragraphs: 1 + usize::from(extra),
            comment_paragraphs: 1 + more,
            watch_paragraphs: 1 + usize::from(second_watch),
        });
        expect
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

/// "Semiconductors + Hydrogen + Steel".
fn plus_title(sectors: &[usize; 3]) -> String {
    sectors
        .iter()
        .map(|&s| SECTORS[s].label)
        .collect::<Vec<_>>()
        .join(" + ")
}

fn build(index: usize, seed: u64) -> (String, Expect) {
    let layout = layout_of(index, seed);
    let mut rng = Rng::new(mix(seed).wrapping_add((index as u64).wrapping_mul(GOLDEN)));
    // 2015-01 … 2025-12; a monthly title's month is set by its index.
    let drawn = rng.below(MONTH_SPAN);
    let months = monthly_month(index, seed).unwrap_or(drawn);
    let year = 2015 + (months / 12) as i32;
    let month = (months % 12) as u32 + 1;
    let mut w = Writer {
        rng,
        out: String::with_capacity(16 * 1024),
        year,
        month,
        days: days_in_month(year, month),
        style: match layout {
            Layout::Compact => Style::Compact,
            Layout::Repost => Style::Repost,
            _ => Style::Normal,
        },
        company: "",
        tech: "",
        defined: Vec::new(),
    };
    let sectors = title_sectors(index, seed);
    let mut expect = match layout {
        Layout::Essentials => w.essentials(plus_title(&sectors), &sectors),
        Layout::EssentialsLabels => w.essentials_single(&sectors),
        Layout::Monthly => {
            let title = format!("{INDUSTRIES} Briefing - {} {year}", month_name(month));
            w.industries(layout, title, &sectors)
        }
        _ => w.industries(layout, plus_title(&sectors), &sectors),
    };
    expect.acronyms = std::mem::take(&mut w.defined);
    (w.out, expect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Brief, Period, Section};
    use crate::parse::parse_brief;
    use chrono::NaiveDate;

    /// The paragraphs of a topic part (joined with blank lines by the parser).
    fn paragraphs(text: &str) -> usize {
        if text.is_empty() {
            0
        } else {
            text.split("\n\n").count()
        }
    }

    fn date((year, month, day): (i32, u32, u32)) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// Everything in which the parsed `brief` differs from `expect`, one line each.
    fn mismatches(brief: &Brief, expect: &Expect) -> Vec<String> {
        let mut out = Vec::new();
        let mut eq = |what: &str, got: String, want: String| {
            if got != want {
                out.push(format!("{what}: got {got}, want {want}"));
            }
        };
        eq("warnings", format!("{:?}", brief.warnings), "[]".into());
        eq(
            "title",
            format!("{:?}", brief.title),
            format!("{:?}", expect.title),
        );
        eq(
            "series",
            format!("{:?}", brief.series),
            format!("{:?}", Some(expect.series)),
        );
        eq(
            "publisher",
            format!("{:?}", brief.publisher),
            format!("{:?}", Some("MERICS")),
        );
        eq(
            "caption",
            format!("{:?}", brief.caption),
            format!("{:?}", expect.caption),
        );
        eq(
            "reading minutes",
            format!("{:?}", brief.reading_minutes),
            format!("{:?}", expect.reading_minutes),
        );
        eq(
            "period",
            format!("{:?}", brief.period),
            format!("{:?}", expect.period),
        );
        eq(
            "authors",
            format!("{:?}", brief.authors),
            format!("{:?}", expect.authors),
        );
        eq(
            "contents",
            format!("{:?}", brief.contents),
            format!("{:?}", expect.contents),
        );
        eq(
            "notes",
            format!("{:?}", brief.notes),
            format!("{:?}", expect.notes),
        );
        let headlines: Vec<&str> = brief.topics.iter().map(|t| t.headline.as_str()).collect();
        let want: Vec<&str> = expect.topics.iter().map(|t| t.headline.as_str()).collect();
        eq("headlines", format!("{headlines:?}"), format!("{want:?}"));
        for (t, (topic, want)) in brief.topics.iter().zip(&expect.topics).enumerate() {
            let n = t + 1;
            eq(
                &format!("topic {n} number"),
                topic.number.to_string(),
                n.to_string(),
            );
            eq(
                &format!("topic {n} points"),
                topic.points.len().to_string(),
                want.points.to_string(),
            );
            eq(
                &format!("topic {n} events"),
                topic.events.len().to_string(),
                want.events.to_string(),
            );
            eq(
                &format!("topic {n} dated events"),
                topic
                    .events
                    .iter()
                    .filter(|e| e.date.is_some())
                    .count()
                    .to_string(),
                want.events.to_string(),
            );
            eq(
                &format!("topic {n} at a glance paragraphs"),
                paragraphs(&topic.at_a_glance).to_string(),
                want.glance_paragraphs.to_string(),
            );
            eq(
                &format!("topic {n} comment paragraphs"),
                paragraphs(&topic.comment).to_string(),
                want.comment_paragraphs.to_string(),
            );
            eq(
                &format!("topic {n} watch paragraphs"),
                paragraphs(&topic.watch).to_string(),
                want.watch_paragraphs.to_string(),
            );
            match &topic.policy {
                Some(policy) => {
                    eq(
                        &format!("topic {n} policy"),
                        "yes".into(),
                        if want.policy { "yes" } else { "no" }.into(),
                    );
                    let complete = policy.date.is_some()
                        && !policy.name.is_empty()
                        && !policy.name.contains("Link")
                        && policy.name_zh.is_some()
                        && policy.issuing_body.is_some();
                    eq(
                        &format!("topic {n} policy complete"),
                        format!("{policy:?}"),
                        if complete {
                            format!("{policy:?}")
                        } else {
                            "complete".into()
                        },
                    );
                }
                None => eq(
                    &format!("topic {n} policy"),
                    "no".into(),
                    if want.policy { "yes" } else { "no" }.into(),
                ),
            }
        }
        let count = |s| brief.news.iter().filter(|n| n.section == s).count();
        eq(
            "policy news",
            count(Section::Policy).to_string(),
            expect.policy_news.to_string(),
        );
        eq(
            "corporate news",
            count(Section::Corporate).to_string(),
            expect.corporate_news.to_string(),
        );
        for item in &brief.news {
            eq(
                "news period",
                format!("{:?}", item.date.map(Period::of)),
                format!("{:?}", Period::new(expect.year, expect.month)),
            );
            let sourced = !item.sources.is_empty() && item.sources.iter().all(|s| s.lang.is_some());
            eq("news sources", sourced.to_string(), "true".into());
        }
        let ranges: Vec<_> = brief
            .news
            .iter()
            .filter(|n| n.until.is_some())
            .map(|n| (n.date, n.until))
            .collect();
        let want: Vec<_> = expect
            .news_ranges
            .iter()
            .map(|[a, b]| (date(*a), date(*b)))
            .collect();
        eq("news ranges", format!("{ranges:?}"), format!("{want:?}"));
        for (term, meaning) in &expect.acronyms {
            let entry = brief.glossary.iter().find(|g| g.term == *term);
            eq(
                &format!("glossary {term}"),
                format!("{:?}", entry.map(|g| &g.meaning)),
                format!("{:?}", Some(meaning)),
            );
        }
        out
    }

    /// Parses brief `index` of `seed` and panics with every mismatch.
    fn check(index: usize, seed: u64) -> Layout {
        let (text, expect) = build(index, seed);
        let brief = parse_brief(&text).unwrap_or_else(|e| panic!("brief {index}: {e}"));
        let problems = mismatches(&brief, &expect);
        assert!(
            problems.is_empty(),
            "brief {index} of seed {seed} ({:?}):\n  {}\n\n{text}",
            expect.layout,
            problems.join("\n  ")
        );
        expect.layout
    }

    #[test]
    fn generated_briefs_parse_cleanly_and_completely() {
        let mut seen = std::collections::BTreeSet::new();
        for index in 0..320 {
            seen.insert(check(index, 42));
        }
        // The rarer layouts a few more times each, from another seed.
        for layout in Layout::ALL {
            let indices = (0..3000).filter(|&i| layout_of(i, 7) == layout).take(8);
            for index in indices {
                check(index, 7);
            }
        }
        assert_eq!(seen.len(), Layout::ALL.len(), "{seen:?}");
    }

    #[test]
    fn every_layout_comes_with_its_share() {
        let n = 3000;
        let mut counts = std::collections::BTreeMap::new();
        for index in 0..n {
            *counts.entry(layout_of(index, 42)).or_insert(0usize) += 1;
        }
        for layout in Layout::ALL {
            let share = layout.per_mille() as f64 / 1000.0;
            let got = counts.get(&layout).copied().unwrap_or(0) as f64 / n as f64;
            // Four standard deviations of a binomial share, and half a point more.
            let slack = 4.0 * (share * (1.0 - share) / n as f64).sqrt() + 0.005;
            assert!(
                (got - share).abs() <= slack,
                "{layout:?}: {got:.4} of {n} briefs, meant {share:.3}"
            );
        }
        let total: usize = Layout::ALL.iter().map(|l| l.per_mille()).sum();
        assert_eq!(total, 1000);
    }

    #[test]
    fn each_layout_writes_its_page_shape() {
        for layout in Layout::ALL {
            let index = (0..3000).find(|&i| layout_of(i, 3) == layout).unwrap();
            let (text, expect) = build(index, 3);
            assert_eq!(expect.layout, layout);
            let first: Vec<&str> = text.lines().take(6).collect();
            let shaped = match layout {
                Layout::Full | Layout::TopFive | Layout::Contents | Layout::FileCaption => {
                    first[1] == "MERICS Briefs" && first[3].ends_with(" min read")
                }
                Layout::Monthly => text.contains("\nMERICS China Industries Briefing - "),
                Layout::German => first[3].ends_with(" Minuten Lesedauer"),
                Layout::NoBriefsLine => first[1] == INDUSTRIES,
                Layout::InlineHeader => {
                    first[1].starts_with("MERICS Briefs MERICS China Industries ")
                }
                Layout::Compact => text.starts_with("\n\n") && !text[2..].contains("\n\n"),
                Layout::Repost => first[0].starts_with(" date ") && text.contains("\n\n\n"),
                Layout::Essentials => {
                    text.contains("\nMERICS China Essentials\n") && !text.contains("WORTH NOTING")
                }
                Layout::EssentialsLabels => {
                    text.contains("\nThe facts: ") && text.contains("\nWhat to watch: ")
                }
            };
            assert!(shaped, "{layout:?}:\n{text}");
            match layout {
                Layout::TopFive => assert!(
                    TOP_HEADINGS
                        .iter()
                        .any(|h| text.contains(&format!("\n{h}\n")))
                ),
                Layout::Contents => assert!(text.contains(" issue of ")),
                Layout::FileCaption => assert!(first[0].contains("_MERICS")),
                _ => {}
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
        assert_ne!(a.topics[0].at_a_glance, b.topics[0].at_a_glance);
    }

    #[test]
    fn sizes_are_close_to_the_sample() {
        let sizes: Vec<usize> = (0..200).map(|i| generate_brief(i, 42).len()).collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((14_000..=16_000).contains(&mean), "mean size {mean}");
        // China Essentials pages of one story are short, as real ones are.
        for (index, &size) in sizes.iter().enumerate() {
            let least = match layout_of(index, 42) {
                Layout::Essentials | Layout::EssentialsLabels => 2_500,
                _ => 6_000,
            };
            assert!(size > least && size < 30_000, "brief {index}: {size} bytes");
        }
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
    fn monthly_titles_each_take_a_month_of_their_own() {
        let months: Vec<usize> = (0..MONTHLY_EVERY * MONTH_SPAN + 500)
            .filter_map(|i| monthly_month(i, 9))
            .collect();
        assert_eq!(months.len(), MONTH_SPAN);
        let distinct: std::collections::BTreeSet<_> = months.iter().collect();
        assert_eq!(distinct.len(), MONTH_SPAN);
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
