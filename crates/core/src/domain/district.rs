//! Beijing's 16 districts and their GB/T 2260 codes.

/// One of Beijing's 16 districts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct District(u32);

/// Code, Chinese name, English name.
const DISTRICTS: [(u32, &str, &str); 16] = [
    (110101, "东城区", "Dongcheng"),
    (110102, "西城区", "Xicheng"),
    (110105, "朝阳区", "Chaoyang"),
    (110106, "丰台区", "Fengtai"),
    (110107, "石景山区", "Shijingshan"),
    (110108, "海淀区", "Haidian"),
    (110109, "门头沟区", "Mentougou"),
    (110111, "房山区", "Fangshan"),
    (110112, "通州区", "Tongzhou"),
    (110113, "顺义区", "Shunyi"),
    (110114, "昌平区", "Changping"),
    (110115, "大兴区", "Daxing"),
    (110116, "怀柔区", "Huairou"),
    (110117, "平谷区", "Pinggu"),
    (110118, "密云区", "Miyun"),
    (110119, "延庆区", "Yanqing"),
];

impl District {
    /// Every district, in code order.
    pub fn all() -> impl Iterator<Item = District> {
        DISTRICTS.iter().map(|(code, _, _)| District(*code))
    }

    /// The district with this 6-digit code, if it is one of Beijing's 16.
    pub fn from_code(code: &str) -> Option<District> {
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = code.parse().ok()?;
        DISTRICTS
            .iter()
            .any(|(c, _, _)| *c == n)
            .then_some(District(n))
    }

    /// The 6-digit code.
    pub fn code(self) -> u32 {
        self.0
    }

    /// The district's name in Chinese (e.g. 海淀区).
    pub fn name_zh(self) -> &'static str {
        self.entry().1
    }

    /// The district's name in English (e.g. Haidian).
    pub fn name_en(self) -> &'static str {
        self.entry().2
    }

    /// The district's name in a language.
    pub fn name(self, lang: crate::domain::lang::Lang) -> &'static str {
        match lang {
            crate::domain::lang::Lang::Zh => self.name_zh(),
            crate::domain::lang::Lang::En => self.name_en(),
        }
    }

    fn entry(self) -> &'static (u32, &'static str, &'static str) {
        // A District is only ever made from a listed code, so the search cannot miss;
        // the fallback keeps this total without a panic.
        DISTRICTS
            .iter()
            .find(|(c, _, _)| *c == self.0)
            .unwrap_or(&DISTRICTS[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_sixteen_codes_parse_and_others_do_not() {
        assert_eq!(District::all().count(), 16);
        for d in District::all() {
            assert_eq!(District::from_code(&d.code().to_string()), Some(d));
        }
        assert_eq!(District::from_code("119999"), None);
        assert_eq!(
            District::from_code("110103"),
            None,
            "Chongwen merged into Dongcheng"
        );
        assert_eq!(District::from_code("11010"), None);
        assert_eq!(District::from_code("11010x"), None);
        assert_eq!(
            District::from_code("110108").map(|d| d.name_en()),
            Some("Haidian")
        );
    }
}
