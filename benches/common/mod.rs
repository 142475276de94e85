//! A large, realistic catalogue for benchmarks: venues denser downtown than in the hills,
//! mostly weekly activities, deterministic from a seed.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*), so every run measures the same catalogue.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const KINDS: [&str; 10] = [
    "community_college",
    "community_learning_centre",
    "adult_school",
    "elder_university",
    "library",
    "cultural_centre",
    "distance_learning_point",
    "museum",
    "workplace_learning_centre",
    "other",
];
const CATEGORIES: [&str; 11] = [
    "digital_skills",
    "health_wellbeing",
    "culture_arts",
    "family_education",
    "vocational",
    "farming",
    "language",
    "environment",
    "civic_law",
    "science",
    "other",
];
const AUDIENCES: [&str; 9] = [
    "everyone",
    "elders",
    "farmers",
    "women",
    "families",
    "children",
    "people_with_disabilities",
    "new_citizens",
    "workers",
];
const DISTRICTS: [&str; 16] = [
    "110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111", "110112",
    "110113", "110114", "110115", "110116", "110117", "110118", "110119",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const TOPICS_ZH: [&str; 8] = [
    "智能手机入门",
    "太极拳",
    "书法",
    "家庭教育讲座",
    "果树修剪",
    "急救知识",
    "英语口语",
    "垃圾分类",
];
const TOPICS_EN: [&str; 8] = [
    "Smartphone basics",
    "Tai chi",
    "Calligraphy",
    "Family education talk",
    "Fruit tree pruning",
    "First aid",
    "Spoken English",
    "Waste sorting",
];

const PHRASES_ZH: [&str; 12] = [
    "本课程由社区学院的老师讲授，",
    "适合零基础的居民参加，",
    "每次课先讲解再练习，",
    "请带上自己的手机和老花镜，",
    "课堂上有志愿者一对一帮助，",
    "学完可在学分银行记录学时，",
    "课程免费，名额有限，",
    "欢迎邻里结伴报名，",
    "行动不便的学员可提前联系工作人员，",
    "教室在一楼，有无障碍通道，",
    "结课时颁发学习证书，",
    "请提前十分钟到场签到。",
];
const PHRASES_EN: [&str; 10] = [
    "Taught by teachers from the community college. ",
    "No experience needed. ",
    "Each class explains first, then everyone practises. ",
    "Bring your own phone and reading glasses. ",
    "Volunteers help one to one. ",
    "Hours count in the Credit Bank. ",
    "Free, places are limited. ",
    "Come with your neighbours. ",
    "Step-free room on the ground floor. ",
    "Please arrive ten minutes early. ",
];

/// A summary of 60-120 Chinese and about 150 English characters, as real listings have.
fn summary(rng: &mut Rng) -> (String, String) {
    let zh_len = 60 + rng.below(61) as usize;
    let mut zh = String::new();
    while zh.chars().count() < zh_len {
        zh.push_str(PHRASES_ZH[rng.below(PHRASES_ZH.len() as u64) as usize]);
    }
    let zh: String = zh.chars().take(zh_len).collect();
    let en_len = 130 + rng.below(41) as usize;
    let mut en = String::new();
    while en.len() < en_len {
        en.push_str(PHRASES_EN[rng.below(PHRASES_EN.len() as u64) as usize]);
    }
    en.truncate(en_len);
    (zh, en.trim_end().to_string())
}

/// A catalogue of `venues` venues and `activities` activities as `learning-catalogue/1`
/// JSON. 60 % of venues are in the urban core around the demo kiosk; every activity has a
/// bilingual summary of realistic length.
pub fn catalogue_json(venues: usize, activities: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(activities * 800 + venues * 300);
    out.push_str("{\"format\":\"learning-catalogue/1\",\"generated_at\":\"2026-11-22T08:00:00+08:00\",\"venues\":[");
    for v in 0..venues {
        let (lat, lon) = if rng.unit() < 0.6 {
            (39.80 + rng.unit() * 0.25, 116.20 + rng.unit() * 0.40)
        } else {
            (39.45 + rng.unit() * 1.60, 115.45 + rng.unit() * 2.10)
        };
        if v > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"id\":\"v{v}\",\"name\":{{\"zh-CN\":\"学习中心{v}\",\"en-US\":\"Learning Centre {v}\"}},\"kind\":\"{}\",\"district\":\"{}\",\"address\":{{\"zh-CN\":\"街道{v}号\",\"en-US\":\"{v} Street\"}},\"lat\":{lat:.5},\"lon\":{lon:.5},\"step_free\":{}}}",
            KINDS[rng.below(10) as usize],
            DISTRICTS[rng.below(16) as usize],
            rng.below(4) != 0
        );
    }
    out.push_str("],\"activities\":[");
    for a in 0..activities {
        if a > 0 {
            out.push(',');
        }
        let topic = rng.below(8) as usize;
        let venue = rng.below(venues as u64);
        let first_day = rng.below(7) as usize;
        let days = if rng.below(3) == 0 {
            format!("\"{}\",\"{}\"", DAYS[first_day], DAYS[(first_day + 2) % 7])
        } else {
            format!("\"{}\"", DAYS[first_day])
        };
        let hour = 8 + rng.below(11);
        let (summary_zh, summary_en) = summary(&mut rng);
        let _ = write!(
            out,
            "{{\"id\":\"a{a}\",\"venue\":\"v{venue}\",\"title\":{{\"zh-CN\":\"{}\",\"en-US\":\"{}\"}},\"summary\":{{\"zh-CN\":\"{summary_zh}\",\"en-US\":\"{summary_en}\"}},\"category\":\"{}\",\"audience\":[\"{}\"],\"capacity\":{},\"repeat\":{{\"days\":[{days}],\"start_time\":\"{hour:02}:00\",\"end_time\":\"{:02}:30\",\"from\":\"2026-09-01\",\"until\":\"2027-12-31\"}}}}",
            TOPICS_ZH[topic],
            TOPICS_EN[topic],
            CATEGORIES[rng.below(11) as usize],
            AUDIENCES[rng.below(9) as usize],
            10 + rng.below(50),
            hour + 1
        );
    }
    out.push_str("]}");
    out
}
