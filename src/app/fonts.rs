//! Fonts: egui's defaults plus a bundled Chinese subset, so Chinese renders on machines with
//! no CJK font installed.

/// Noto Sans CJK SC, subset to GB2312 and more (see `assets/fonts/README.md`), SIL OFL 1.1.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Briefdesk.otf");

const CJK_NAME: &str = "noto-sans-sc-briefdesk";

/// Adds the bundled CJK font as a fallback after egui's own fonts.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_NAME.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
