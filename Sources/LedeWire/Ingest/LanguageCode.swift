/// Language codes as producers send them in `lang`.
public enum LanguageCode {
    /// The code with its primary subtag lowercased (`EN` → `en`, `pt-BR` stays), when it is shaped like
    /// an ISO 639-1/2/3 code with optional BCP 47 subtags: `^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`.
    /// Nil otherwise. Whether the service extracts that language is its own decision.
    public static func normalized(_ code: String) -> String? {
        let bytes = Array(code.utf8)
        guard bytes.count <= 64 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count, bytes[i] != UInt8(ascii: "-") {
            let b = bytes[i] | 0x20  // ASCII lowercase; non-letters fail below
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z"), bytes[i] & 0x80 == 0 else { return nil }
            out.append(b)
            i += 1
        }
        guard (2...3).contains(out.count) else { return nil }
        while i < bytes.count {
            out.append(bytes[i])  // the '-'
            i += 1
            var n = 0
            while i < bytes.count, bytes[i] != UInt8(ascii: "-") {
                let b = bytes[i]
                let alnum = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A && b & 0x80 == 0)
                guard alnum else { return nil }
                out.append(b)
                n += 1
                i += 1
            }
            guard (1...8).contains(n) else { return nil }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
