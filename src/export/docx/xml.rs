//! A small XML writer for the package's parts: elements, attributes and text are written
//! straight into the part's bytes, markup escaped as quick-xml escapes it (`<`, `>`, `&`,
//! `'` and `"`, in text and in attribute values alike); characters XML 1.0 forbids are
//! dropped here.

pub(super) struct Xml {
    w: Vec<u8>,
}

impl Xml {
    /// A part: the XML declaration Word writes (`standalone="yes"`).
    pub(super) fn new() -> Xml {
        let mut w = Vec::with_capacity(16 * 1024);
        w.extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
        Xml { w }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.w.push(b'<');
        self.w.extend_from_slice(name.as_bytes());
        for (k, v) in attrs {
            self.w.push(b' ');
            self.w.extend_from_slice(k.as_bytes());
            self.w.extend_from_slice(b"=\"");
            self.escaped(v);
            self.w.push(b'"');
        }
    }

    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.w.push(b'>');
    }

    pub(super) fn close(&mut self, name: &str) {
        self.w.extend_from_slice(b"</");
        self.w.extend_from_slice(name.as_bytes());
        self.w.push(b'>');
    }

    /// `<name attrs/>`
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.w.extend_from_slice(b"/>");
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
        self.escaped(text);
    }

    /// `text` escaped, without the characters XML 1.0 does not allow (control characters
    /// other than tab and newline, U+FFFE and U+FFFF): one pasted from another program
    /// would make the whole part unreadable.
    fn escaped(&mut self, text: &str) {
        let mut plain = 0;
        for (i, c) in text.char_indices() {
            let replace: Option<&[u8]> = match c {
                '<' => Some(b"&lt;"),
                '>' => Some(b"&gt;"),
                '&' => Some(b"&amp;"),
                '\'' => Some(b"&apos;"),
                '"' => Some(b"&quot;"),
                '\t' | '\n' => None,
                c if c < ' ' || matches!(c, '\u{FFFE}' | '\u{FFFF}') => Some(b""),
                _ => None,
            };
            if let Some(r) = replace {
                self.w.extend_from_slice(&text.as_bytes()[plain..i]);
                self.w.extend_from_slice(r);
                plain = i + c.len_utf8();
            }
        }
        self.w.extend_from_slice(&text.as_bytes()[plain..]);
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_characters_xml_forbids() {
        let mut x = Xml::new();
        x.el("w:t", &[("a", "\"<&>'\u{1}")], |x| {
            x.text("<b>&\u{0}\u{B}ok\r'\u{FFFE}\"é\t\n")
        });
        x.empty("w:br", &[]);
        let s = String::from_utf8(x.finish()).unwrap();
        assert_eq!(
            s,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:t a=\"&quot;&lt;&amp;&gt;&apos;\">&lt;b&gt;&amp;ok&apos;&quot;é\t\n</w:t><w:br/>"
        );
    }
}
