//! A small XML writer over quick-xml for the package's parts: elements, attributes and
//! text are escaped by quick-xml; characters XML 1.0 forbids are dropped here.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub(super) struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    /// A part: the XML declaration Word writes (`standalone="yes"`).
    pub(super) fn new() -> Xml {
        let mut x = Xml {
            w: Writer::new(Vec::new()),
        };
        x.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        x
    }

    /// Writing to a `Vec` cannot fail, so the writer's `io::Result` carries nothing.
    fn event(&mut self, e: Event) {
        self.w
            .write_event(e)
            .expect("writing XML to memory cannot fail");
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut s = BytesStart::new(name.to_string());
        for (k, v) in attrs {
            s.push_attribute((*k, clean(v).as_ref()));
        }
        s
    }

    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(Self::start(name, attrs)));
    }

    pub(super) fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// `<name attrs/>`
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(Self::start(name, attrs)));
    }

    /// `<name w:val="val"/>`, the shape of most WordprocessingML properties.
    pub(super) fn val(&mut self, name: &str, val: &str) {
        self.empty(name, &[("w:val", val)]);
    }

    /// `<name attrs>…</name>` with `inner` writing the content.
    pub(super) fn el(&mut self, name: &str, attrs: &[(&str, &str)], inner: impl FnOnce(&mut Xml)) {
        self.open(name, attrs);
        inner(self);
        self.close(name);
    }

    /// `<name attrs>text</name>`
    pub(super) fn text_el(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.el(name, attrs, |x| x.text(text));
    }

    pub(super) fn text(&mut self, text: &str) {
        self.event(Event::Text(BytesText::new(&clean(text))));
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }
}

/// The text without the characters XML 1.0 does not allow (control characters other than
/// tab and newline, U+FFFE and U+FFFF): one pasted from another program would make the
/// whole part unreadable. Borrowed when there is none, as in almost every text.
fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed =
        |c: char| (c >= ' ' || matches!(c, '\t' | '\n')) && !matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_characters_xml_forbids() {
        let mut x = Xml::new();
        x.el("w:t", &[("a", "\"<&>\u{1}")], |x| {
            x.text("<b>&\u{0}\u{B}ok\r")
        });
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(
            s.ends_with("<w:t a=\"&quot;&lt;&amp;&gt;\">&lt;b&gt;&amp;ok</w:t>"),
            "{s}"
        );
    }
}
