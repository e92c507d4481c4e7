// PROVISIONAL: the rules helper replaces this with a real identifier.

public enum LanguageIdentifier {
    /// "vi", "en", or another code (or "und") when the text is neither.
    public static func identify(_ text: String) -> String {
        let viMarks = text.unicodeScalars.filter { "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".unicodeScalars.contains($0) }.count
        return viMarks > 0 ? "vi" : "en"
    }
}
