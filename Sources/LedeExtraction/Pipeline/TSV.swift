import LedeModel
/// Tab-separated data files: `#` starts a comment line, blank lines are skipped, cells are trimmed.
/// Read scalar by scalar: the files are loaded at start-up, and grapheme breaking (and Foundation's
/// trimming) made reading them a visible share of a short run.
enum TSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            if line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                guard let first = cell.firstIndex(where: { !isSpace($0) }), let last = cell.lastIndex(where: { !isSpace($0) })
                else { return "" }
                return String(Substring(cell[first...last]))
            })
        }
        return rows
    }

    /// What `CharacterSet.whitespaces` holds: the tab and the space separators.
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s.properties.generalCategory == .spaceSeparator
    }
}
