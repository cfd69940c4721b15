//! The curated list of organisations the briefs name: Chinese government bodies by their
//! usual acronym, and companies by their short name, each with the other names they go by.
//!
//! Matching is case-sensitive and by whole words ("MOST" is the ministry, "most" is not;
//! "NEA" never matches inside "NEAR"); Chinese names match anywhere.

use crate::model::OrgKind;

/// One known organisation.
pub struct Known {
    /// The canonical name.
    pub name: &'static str,
    /// The long name, if the canonical one is an acronym or short form.
    pub full: Option<&'static str>,
    pub kind: OrgKind,
    /// Other names: spelling variants, Chinese names.
    pub aliases: &'static [&'static str],
}

const fn agency(name: &'static str, full: &'static str, aliases: &'static [&'static str]) -> Known {
    Known {
        name,
        full: Some(full),
        kind: OrgKind::Agency,
        aliases,
    }
}

const fn company(name: &'static str, aliases: &'static [&'static str]) -> Known {
    Known {
        name,
        full: None,
        kind: OrgKind::Company,
        aliases,
    }
}

/// The list. Keep names unique; an alias must name one organisation only.
pub const KNOWN: &[Known] = &[
    // Central government and Party bodies.
    Known {
        name: "State Council",
        full: None,
        kind: OrgKind::Agency,
        aliases: &["China's State Council", "国务院"],
    },
    agency(
        "CCP Central Committee",
        "Central Committee of the Chinese Communist Party",
        &[
            "Central Committee of the CCP",
            "Central Committee of the CPC",
            "CPC Central Committee",
            "Central Committee of the Communist Party of China",
            "中共中央",
        ],
    ),
    agency(
        "NPC",
        "National People's Congress",
        &["全国人民代表大会", "全国人大"],
    ),
    agency(
        "MIIT",
        "Ministry of Industry and Information Technology",
        &["工业和信息化部", "工信部"],
    ),
    agency(
        "NDRC",
        "National Development and Reform Commission",
        &[
            "国家发展和改革委员会",
            "国家发展改革委",
            "国家发改委",
            "发改委",
        ],
    ),
    agency("NEA", "National Energy Administration", &["国家能源局"]),
    agency(
        "MOST",
        "Ministry of Science and Technology",
        &["科学技术部", "科技部"],
    ),
    agency(
        "SAMR",
        "State Administration for Market Regulation",
        &["国家市场监督管理总局", "市场监管总局"],
    ),
    agency(
        "CAC",
        "Cyberspace Administration of China",
        &["国家互联网信息办公室", "国家网信办", "网信办"],
    ),
    agency("MOF", "Ministry of Finance", &["财政部"]),
    agency("MOFCOM", "Ministry of Commerce", &["商务部"]),
    agency("MOT", "Ministry of Transport", &["交通运输部"]),
    agency(
        "MEE",
        "Ministry of Ecology and Environment",
        &["生态环境部"],
    ),
    agency("MOE", "Ministry of Education", &["教育部"]),
    agency("MPS", "Ministry of Public Security", &["公安部"]),
    agency("MNR", "Ministry of Natural Resources", &["自然资源部"]),
    agency(
        "MOHURD",
        "Ministry of Housing and Urban-Rural Development",
        &["住房和城乡建设部", "住建部"],
    ),
    agency(
        "MARA",
        "Ministry of Agriculture and Rural Affairs",
        &["农业农村部"],
    ),
    agency(
        "NHC",
        "National Health Commission",
        &["国家卫生健康委员会", "国家卫健委"],
    ),
    agency(
        "NMPA",
        "National Medical Products Administration",
        &["国家药品监督管理局", "国家药监局"],
    ),
    agency(
        "SASAC",
        "State-owned Assets Supervision and Administration Commission",
        &["国务院国有资产监督管理委员会", "国资委"],
    ),
    agency(
        "CSRC",
        "China Securities Regulatory Commission",
        &["中国证券监督管理委员会", "证监会"],
    ),
    agency(
        "CBIRC",
        "China Banking and Insurance Regulatory Commission",
        &["中国银行保险监督管理委员会", "银保监会"],
    ),
    agency(
        "PBOC",
        "People's Bank of China",
        &["PBoC", "中国人民银行", "人民银行"],
    ),
    agency(
        "SAC",
        "Standardization Administration of China",
        &["国家标准化管理委员会", "国家标准委"],
    ),
    agency(
        "CNIPA",
        "China National Intellectual Property Administration",
        &["国家知识产权局"],
    ),
    agency("NBS", "National Bureau of Statistics", &["国家统计局"]),
    agency("GACC", "General Administration of Customs", &["海关总署"]),
    agency("SAT", "State Taxation Administration", &["国家税务总局"]),
    agency(
        "SAFE",
        "State Administration of Foreign Exchange",
        &["国家外汇管理局"],
    ),
    agency(
        "CAAC",
        "Civil Aviation Administration of China",
        &["中国民用航空局", "民航局"],
    ),
    // Companies.
    company("Huawei", &["Huawei Technologies", "华为"]),
    company("Baidu", &["百度"]),
    company("Alibaba", &["Alibaba Group", "阿里巴巴"]),
    company("Tencent", &["腾讯"]),
    company("ByteDance", &["字节跳动"]),
    company("JD.com", &["京东"]),
    company("Meituan", &["美团"]),
    company("Pinduoduo", &["拼多多"]),
    company("Xiaomi", &["小米集团", "小米公司"]),
    company("ZTE", &["中兴通讯"]),
    company("Lenovo", &["联想"]),
    company("Hikvision", &["海康威视"]),
    company("iFlytek", &["iFLYTEK", "科大讯飞"]),
    company("SenseTime", &["商汤科技"]),
    company("Megvii", &["旷视科技"]),
    company("Inspur", &["浪潮集团"]),
    company("Cambricon", &["寒武纪"]),
    company("Didi", &["DiDi", "Didi Chuxing", "滴滴"]),
    company(
        "SMIC",
        &[
            "Semiconductor Manufacturing International Corporation",
            "中芯国际",
        ],
    ),
    company("YMTC", &["Yangtze Memory Technologies", "长江存储"]),
    company("CXMT", &["ChangXin Memory Technologies", "长鑫存储"]),
    company(
        "Hua Hong",
        &["Hua Hong Semiconductor", "华虹半导体", "华虹集团"],
    ),
    company("Tsinghua Unigroup", &["紫光集团"]),
    company("Hubble", &["Hubble Technology Investment", "哈勃投资"]),
    company("Horizon Robotics", &["地平线机器人"]),
    company("TSMC", &["台积电"]),
    company("BOE", &["京东方"]),
    company("CATL", &["Contemporary Amperex Technology", "宁德时代"]),
    company("BYD", &["比亚迪"]),
    company("SVOLT", &["SVOLT Energy", "蜂巢能源"]),
    company("Gotion", &["Gotion High-Tech", "国轩高科"]),
    company("EVE Energy", &["亿纬锂能"]),
    company("LONGi", &["LONGi Green Energy", "隆基绿能", "隆基股份"]),
    company("Goldwind", &["金风科技"]),
    company("Geely", &["吉利汽车", "吉利控股"]),
    company("SAIC Motor", &["SAIC", "上汽"]),
    company("Great Wall Motor", &["长城汽车"]),
    company("NIO", &["蔚来"]),
    company("Xpeng", &["XPeng", "小鹏汽车"]),
    company("Li Auto", &["理想汽车"]),
    company("WeRide", &["文远知行"]),
    company("Zotye", &["众泰汽车"]),
    company("CRRC", &["中国中车"]),
    company(
        "State Grid",
        &["State Grid Corporation of China", "国家电网"],
    ),
    company("Sinopec", &["中国石化"]),
    company("PetroChina", &["中国石油"]),
    company("CNOOC", &["中国海油"]),
    company("COSCO", &["COSCO Shipping", "中远海运"]),
    company("China Mobile", &["中国移动"]),
    company("China Telecom", &["中国电信"]),
    company("China Unicom", &["中国联通"]),
    company("Tesla", &["特斯拉"]),
    company("Apple", &[]),
    company("Qualcomm", &["高通"]),
    company("Intel", &["英特尔"]),
    company("Samsung", &["三星电子"]),
    company("Volkswagen", &["大众汽车"]),
    company("BMW", &["宝马"]),
    company("Daimler", &["戴姆勒"]),
    company("Bosch", &["博世"]),
    company("Siemens", &["西门子"]),
    company("Ford Motor", &["Ford", "福特"]),
    company("Foxconn", &["富士康"]),
];
