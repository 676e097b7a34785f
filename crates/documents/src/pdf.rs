//! A small page layout on top of krilla: lines of text (left or right aligned, Latin or
//! Arabic), rules and filled boxes, with page breaks. Fonts are embedded (Noto Sans and
//! Noto Sans Arabic, OFL); krilla subsets them and writes the Unicode mapping, so the
//! text can be extracted again.

use crate::{DocError, Result};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

static REGULAR: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
static ARABIC: &[u8] = include_bytes!("../fonts/NotoSansArabic-Regular.ttf");

/// A4 in points.
pub const WIDTH: f32 = 595.0;
pub const HEIGHT: f32 = 842.0;
pub const LEFT: f32 = 56.0;
pub const RIGHT: f32 = WIDTH - 48.0;
const TOP: f32 = 56.0;
const BOTTOM: f32 = HEIGHT - 64.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
    Arabic,
}

impl Face {
    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Arabic => ARABIC,
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
    },
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
    },
    Shade {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        dark: bool,
    },
}

/// Whether the text needs the Arabic font (and right-to-left shaping).
fn is_arabic(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// The width of `text` in points, shaped as krilla will shape it.
pub fn measure(text: &str, size: f32, bold: bool) -> f32 {
    let face = pick(text, bold);
    let Some(f) = rustybuzz::Face::from_slice(face.bytes(), 0) else {
        return 0.0;
    };
    let mut buf = rustybuzz::UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    let out = rustybuzz::shape(&f, &[], buf);
    let adv: i32 = out.glyph_positions().iter().map(|p| p.x_advance).sum();
    adv as f32 * size / f.units_per_em() as f32
}

fn pick(text: &str, bold: bool) -> Face {
    if is_arabic(text) {
        Face::Arabic
    } else if bold {
        Face::Bold
    } else {
        Face::Regular
    }
}

/// A document being laid out, page by page, from the top.
pub struct Layout {
    done: Vec<Vec<Op>>,
    current: Vec<Op>,
    /// The baseline of the next line on the current page.
    pub y: f32,
    /// Drawn at the bottom of every page (with the page number).
    footer: Vec<String>,
}

impl Default for Layout {
    fn default() -> Self {
        Self::new()
    }
}

impl Layout {
    pub fn new() -> Self {
        Layout {
            done: Vec::new(),
            current: Vec::new(),
            y: TOP,
            footer: Vec::new(),
        }
    }

    pub fn footer(&mut self, lines: Vec<String>) {
        self.footer = lines;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.current
    }

    /// Starts a new page when less than `height` points are left.
    pub fn need(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM {
            self.done.push(std::mem::take(&mut self.current));
            self.y = TOP;
            true
        } else {
            false
        }
    }

    /// Text at `x` (its left end, or its right end for [`Align::Right`]) on the current baseline.
    pub fn text_at(&mut self, x: f32, text: &str, size: f32, bold: bool, align: Align) {
        if text.is_empty() {
            return;
        }
        let face = pick(text, bold);
        let x = match align {
            Align::Left => x,
            Align::Right => x - measure(text, size, bold),
        };
        let y = self.y;
        self.ops().push(Op::Text {
            x,
            y,
            size,
            face,
            text: text.to_owned(),
        });
    }

    /// A line of text from the left margin, then moves down.
    pub fn line(&mut self, text: &str, size: f32, bold: bool) {
        self.need(size * 1.5);
        self.text_at(LEFT, text, size, bold, Align::Left);
        self.y += size * 1.5;
    }

    /// Text wrapped at word boundaries to `width` points, from `x`.
    pub fn paragraph(&mut self, x: f32, width: f32, text: &str, size: f32) {
        // Right-to-left text starts at the right edge.
        let (x, align) = if is_arabic(text) {
            (x + width, Align::Right)
        } else {
            (x, Align::Left)
        };
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && measure(&candidate, size, false) > width {
                self.need(size * 1.4);
                self.text_at(x, &current, size, false, align);
                self.y += size * 1.4;
                current = word.to_owned();
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            self.need(size * 1.4);
            self.text_at(x, &current, size, false, align);
            self.y += size * 1.4;
        }
    }

    pub fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// A horizontal rule under the current line.
    pub fn rule(&mut self, x1: f32, x2: f32, width: f32) {
        let y = self.y;
        self.ops().push(Op::Rule { x1, x2, y, width });
    }

    /// A light grey box (a table's header or a chart's bar).
    pub fn shade(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops().push(Op::Shade {
            x,
            y,
            w,
            h,
            dark: false,
        });
    }

    /// A dark bar (the part of a chart's bar that stands out).
    pub fn bar(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops().push(Op::Shade {
            x,
            y,
            w,
            h,
            dark: true,
        });
    }

    /// Draws every page into a PDF.
    pub fn finish(mut self, title: &str) -> Result<Vec<u8>> {
        self.done.push(std::mem::take(&mut self.current));
        let fonts = [Face::Regular, Face::Bold, Face::Arabic].map(|f| {
            Font::new(Data::from(f.bytes()), 0).ok_or_else(|| DocError::Pdf("font".into()))
        });
        let [regular, bold, arabic] = fonts;
        let (regular, bold, arabic) = (regular?, bold?, arabic?);
        let font = |f: Face| match f {
            Face::Regular => regular.clone(),
            Face::Bold => bold.clone(),
            Face::Arabic => arabic.clone(),
        };
        let mut doc = Document::new();
        doc.set_metadata(krilla::metadata::Metadata::new().title(title.to_owned()));
        let count = self.done.len();
        let settings = PageSettings::from_wh(WIDTH, HEIGHT)
            .ok_or_else(|| DocError::Pdf("page size".into()))?;
        for (n, ops) in self.done.iter().enumerate() {
            let mut page = doc.start_page_with(settings.clone());
            let mut s = page.surface();
            for op in ops {
                match op {
                    Op::Text {
                        x,
                        y,
                        size,
                        face,
                        text,
                    } => {
                        s.set_stroke(None);
                        s.set_fill(Some(Fill::default()));
                        let dir = if *face == Face::Arabic {
                            TextDirection::RightToLeft
                        } else {
                            TextDirection::LeftToRight
                        };
                        s.draw_text(Point::from_xy(*x, *y), font(*face), *size, text, false, dir);
                    }
                    Op::Rule { x1, x2, y, width } => {
                        s.set_fill(None);
                        s.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(90, 90, 90).into(),
                            width: *width,
                            ..Default::default()
                        }));
                        let mut pb = PathBuilder::new();
                        pb.move_to(*x1, *y);
                        pb.line_to(*x2, *y);
                        if let Some(path) = pb.finish() {
                            s.draw_path(&path);
                        }
                    }
                    Op::Shade { x, y, w, h, dark } => {
                        s.set_stroke(None);
                        let c = if *dark {
                            rgb::Color::new(31, 87, 140)
                        } else {
                            rgb::Color::new(225, 228, 232)
                        };
                        s.set_fill(Some(Fill {
                            paint: c.into(),
                            ..Default::default()
                        }));
                        let mut pb = PathBuilder::new();
                        if let Some(r) = Rect::from_xywh(*x, *y, *w, *h) {
                            pb.push_rect(r);
                        }
                        if let Some(path) = pb.finish() {
                            s.draw_path(&path);
                        }
                    }
                }
            }
            s.set_stroke(None);
            s.set_fill(Some(Fill::default()));
            let mut fy = HEIGHT - 40.0;
            for line in &self.footer {
                s.draw_text(
                    Point::from_xy(LEFT, fy),
                    font(pick(line, false)),
                    7.5,
                    line,
                    false,
                    TextDirection::Auto,
                );
                fy += 10.0;
            }
            let pn = format!("{}/{}", n + 1, count);
            let w = measure(&pn, 7.5, false);
            s.draw_text(
                Point::from_xy(RIGHT - w, HEIGHT - 40.0),
                regular.clone(),
                7.5,
                &pn,
                false,
                TextDirection::LeftToRight,
            );
            s.finish();
            page.finish();
        }
        doc.finish().map_err(|e| DocError::Pdf(format!("{e:?}")))
    }
}
