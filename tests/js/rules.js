// The rules as meta.rules carries them (generator/site/search.py browser_rules), written
// by hand for these tests: a few of the dropped marks, spelled out as the index spells them.
module.exports = {
  drop: "[\\u{9}\\u{a}\\u{20}\\u{3000}\\u{200b}\\u{22}\\u{28}\\u{29}\\u{201c}\\u{201d}\\u{300a}\\u{300b}\\u{ff08}\\u{ff09}]",
  word: "[\\p{L}\\p{N}_]",
  fields: "|",
};
