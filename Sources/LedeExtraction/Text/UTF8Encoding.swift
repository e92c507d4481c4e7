import LedeModel
/// UTF-8 written by hand into buffers the caller owns: per token, far cheaper than appending scalars
/// to a `String.UnicodeScalarView`.
enum UTF8Encoding {
    /// Writes scalar value `v` at `n`; returns the index after it. The buffer must have room (4 bytes).
    @inline(__always)
    static func put(_ v: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        if v < 0x80 {
            buffer[n] = UInt8(v)
            return n + 1
        }
        if v < 0x800 {
            buffer[n] = UInt8(0xC0 | v >> 6)
            buffer[n + 1] = UInt8(0x80 | v & 0x3F)
            return n + 2
        }
        if v < 0x10000 {
            buffer[n] = UInt8(0xE0 | v >> 12)
            buffer[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
            buffer[n + 2] = UInt8(0x80 | v & 0x3F)
            return n + 3
        }
        buffer[n] = UInt8(0xF0 | v >> 18)
        buffer[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
        buffer[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
        buffer[n + 3] = UInt8(0x80 | v & 0x3F)
        return n + 4
    }

    /// The string of scalars `range`.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 4) { buffer in
            var n = 0
            for k in range { n = put(scalars[k].value, into: buffer, at: n) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    /// `Array(text.unicodeScalars)` in one pass over the bytes (the array is sized by the byte count
    /// instead of a counting pass; a String's UTF-8 is valid, so decoding needs no checks).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                var i = 0
                var n = 0
                let end = utf8.count
                while i < end {
                    let b0 = UInt32(utf8[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1]) & 0x3F
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | (UInt32(utf8[i + 1]) & 0x3F) << 6 | UInt32(utf8[i + 2]) & 0x3F
                        i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | (UInt32(utf8[i + 1]) & 0x3F) << 12
                        v |= (UInt32(utf8[i + 2]) & 0x3F) << 6 | UInt32(utf8[i + 3]) & 0x3F
                        i += 4
                    }
                    out[n] = unsafeBitCast(v, to: Unicode.Scalar.self)  // valid: decoded from valid UTF-8
                    n += 1
                }
                count = n
            }
        }
    }
}
